package io.github.camelchatbots.simulator.ebbot;

import io.github.camelchatbots.simulator.ebbot.DemoScripts.Line;
import io.github.camelchatbots.simulator.ebbot.EbbotSimulation.Message;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Moves the demo world on by one step per run: a visitor starts a chat, a conversation continues, or a finished one
 * is closed. The sequence of steps is fixed by the seed; the timestamps are real.
 */
final class LiveDemo implements Runnable {

    /** Keeps the live stream apart from the seeded data's, whose ids it would otherwise repeat. */
    private static final long STREAM_SALT = 0x11FE_D3A0L;

    private final ChatStore chats;
    private final Random random;
    private final Clock clock;
    /** Chats this task started, with the lines their conversation still has to go. */
    private final Map<String, Deque<Line>> inProgress = new LinkedHashMap<>();

    LiveDemo(ChatStore chats, long seed, Clock clock) {
        this.chats = chats;
        this.random = new Random(seed ^ STREAM_SALT);
        this.clock = clock;
    }

    @Override
    public synchronized void run() {
        // A reset() may have wiped chats this task was still writing to.
        inProgress.keySet().removeIf(id -> chats.find(id).isEmpty());
        try {
            if (inProgress.isEmpty() || random.nextInt(4) == 0) {
                startChat();
            } else {
                List<String> ids = List.copyOf(inProgress.keySet());
                advance(ids.get(random.nextInt(ids.size())));
            }
        } catch (NoSuchElementException raceWithReset) {
            inProgress.clear();
        }
    }

    private void startChat() {
        Instant now = clock.instant();
        String id = chats.open(now, DemoScripts.visitorName(random), DemoScripts.uuid(random));
        DemoScripts.GREETING.forEach(line -> append(id, line, now));
        inProgress.put(id, new ArrayDeque<>(DemoScripts.topic(random)));
    }

    /** The next human line, plus the bot's and system's lines that follow it immediately. */
    private void advance(String id) {
        Deque<Line> remaining = inProgress.get(id);
        Instant now = clock.instant();
        if (remaining.isEmpty()) {
            chats.update(id, chat -> chat.withStatus("closed", now));
            inProgress.remove(id);
            return;
        }
        append(id, remaining.removeFirst(), now);
        while (!remaining.isEmpty() && DemoScripts.isAutomatic(remaining.peekFirst())) {
            append(id, remaining.removeFirst(), now);
        }
    }

    private void append(String id, Line line, Instant at) {
        chats.update(id, chat -> chat.withMessage(new Message(line.sender(), line.text(), at)));
    }
}
