package io.github.camelchatbots.simulator.chataibot;

import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Contact;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Moves the demo world on by one step per run: a new visitor says their first line, a visitor already chatting says
 * the next one, or the shop uploads a new text to the knowledge base, which is then processed. The sequence of steps is
 * fixed by the seed. Replies are delivered as the simulation is set to, so a demo client receives them.
 */
final class LiveDemo implements Runnable {

    /** How far one step moves a clock that stands still; without it, the sources would never finish processing. */
    static final Duration STEP = Duration.ofSeconds(10);

    /** Keeps the live stream's visitors apart from the seeded data's, whose ids it would otherwise repeat. */
    private static final long STREAM_SALT = 0x11FE_D3A0L;

    private static final List<String> NOTICES = List.of(
            "the shop is closed on public holidays.",
            "free shipping on orders over 50 EUR this month.",
            "the Pro plan now includes priority support.",
            "returns are accepted within 30 days of delivery.");

    private final ChataibotPlatform platform;
    private final SimulationClock clock;
    private final long seed;
    private final Random random;
    /** Conversations this task is having, with the lines their visitor still has to say. */
    private final Map<String, Deque<String>> inProgress = new LinkedHashMap<>();
    private int newcomers;
    private int uploads;

    LiveDemo(ChataibotPlatform platform, SimulationClock clock, long seed) {
        this.platform = platform;
        this.clock = clock;
        this.seed = seed;
        this.random = new Random(seed ^ STREAM_SALT);
    }

    @Override
    public synchronized void run() {
        if (!clock.followsRealTime()) {
            clock.advance(STEP);
        }
        // A reset() may have wiped the demo world: put the bot back, forget conversations that are gone.
        if (!platform.hasBot(DemoData.BOT_KEY) || !platform.hasKnowledgeBase(DemoData.KNOWLEDGE_BASE_ID)) {
            DemoData.deploy(platform, seed);
        }
        inProgress.keySet().removeIf(id -> !platform.hasConversation(id));
        try {
            step(random.nextInt(5));
        } catch (IllegalArgumentException raceWithReset) {
            // A reset() between the checks above and the step; an exception would end a scheduled demo for good.
            inProgress.clear();
        }
    }

    private void step(int step) {
        if (step == 0) {
            uploads++;
            platform.upload(DemoData.KNOWLEDGE_BASE_ID, "notice-" + uploads, ChataibotPlatform.TEXT,
                    "notice-" + uploads, "Shop notice " + uploads + ": " + NOTICES.get(random.nextInt(NOTICES.size())));
        } else if (inProgress.isEmpty() || step == 1) {
            List<String> lines = DemoData.SCRIPTS.get(random.nextInt(DemoData.SCRIPTS.size()));
            String visitor = DemoData.uuid("chataibot-live-visitor:" + seed + ":" + newcomers++);
            String id = platform.start(DemoData.BOT_KEY, visitor, new Contact(null, null, null), null, lines.get(0),
                    true).conversation().id();
            if (lines.size() > 1) {
                inProgress.put(id, new ArrayDeque<>(lines.subList(1, lines.size())));
            }
        } else {
            List<String> ids = List.copyOf(inProgress.keySet());
            String id = ids.get(random.nextInt(ids.size()));
            Deque<String> lines = inProgress.get(id);
            platform.send(id, lines.removeFirst(), true);
            if (lines.isEmpty()) {
                inProgress.remove(id);
            }
        }
    }
}
