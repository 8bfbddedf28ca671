package io.github.camelchatbots.simulator.chatbotcom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Moves the demo world on by one step per run: a new visitor says their first line, a visitor already chatting says
 * the next one, or someone signs up without chatting. The sequence of steps is fixed by the seed; the timestamps are
 * the simulation clock's.
 */
final class LiveDemo implements Runnable {

    /** Keeps the live stream's ids apart from the seeded data's, which it would otherwise repeat. */
    private static final long STREAM_SALT = 0x11FE_D3A0L;

    private final ChatbotcomPlatform platform;
    private final long seed;
    private final Random random;
    /** Visitors this task is chatting as, with their attributes and the lines they still have to say. */
    private final Map<String, Deque<String>> inProgress = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> people = new LinkedHashMap<>();
    private int newcomers;

    LiveDemo(ChatbotcomPlatform platform, long seed) {
        this.platform = platform;
        this.seed = seed;
        this.random = new Random(seed ^ STREAM_SALT);
    }

    @Override
    public synchronized void run() {
        int step = random.nextInt(6);
        if (step == 0) {
            platform.createUser(newcomerId(), DemoData.person(random), List.of());
        } else if (inProgress.isEmpty() || step == 1) {
            String sessionId = newcomerId();
            inProgress.put(sessionId, new ArrayDeque<>(
                    DemoData.CONVERSATIONS.get(random.nextInt(DemoData.CONVERSATIONS.size()))));
            people.put(sessionId, DemoData.person(random));
            say(sessionId);
        } else {
            List<String> sessionIds = List.copyOf(inProgress.keySet());
            say(sessionIds.get(random.nextInt(sessionIds.size())));
        }
    }

    /**
     * The visitor's next line. A reset() in between does no harm: the query then simply starts a new session. The
     * visitor then leaves, and their session ends on its own after ten quiet minutes.
     */
    private void say(String sessionId) {
        Deque<String> lines = inProgress.get(sessionId);
        platform.query(DemoData.line(sessionId, lines.removeFirst(), random, people.get(sessionId)));
        if (lines.isEmpty()) {
            inProgress.remove(sessionId);
            people.remove(sessionId);
        }
    }

    private String newcomerId() {
        return UUID.nameUUIDFromBytes(("chatbotcom-live:" + seed + ":" + newcomers++).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
