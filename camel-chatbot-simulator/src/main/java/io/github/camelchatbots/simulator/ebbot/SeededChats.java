package io.github.camelchatbots.simulator.ebbot;

import io.github.camelchatbots.simulator.ebbot.DemoScripts.Line;
import io.github.camelchatbots.simulator.ebbot.EbbotSimulation.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Chats in bulk for benchmarks: many, quickly, all alike. Every chat tells the same short exchange, whose lines are
 * shared by all of them, so that a large store costs little more than the chats' ids and timestamps.
 */
final class SeededChats {

    private static final List<Line> SCRIPT = List.of(
            new Line("user", "Where is my order?"),
            new Line("bot", "I can help you with that! What is your order number?"),
            new Line("user", "It's 10042."),
            new Line("bot", "Thanks! Order 10042 was shipped yesterday and arrives within 1-2 business days."));
    private static final Duration BETWEEN_MESSAGES = Duration.ofSeconds(1);

    private SeededChats() {
    }

    /**
     * {@code count} chats of anonymous visitors, the first created at {@code from}, each next one {@code spacing}
     * later. A chat's messages follow its creation a second apart, and a closed chat is closed a second after its
     * last message.
     */
    static void seed(ChatStore chats, int count, Instant from, Duration spacing, int messagesPerChat,
            boolean closed) {
        if (count < 0 || messagesPerChat < 0 || spacing.isNegative()) {
            throw new IllegalArgumentException("count, spacing and messages per chat must not be negative");
        }
        for (int i = 0; i < count; i++) {
            String id = chats.open(from.plus(spacing.multipliedBy(i)), null, UUID.randomUUID());
            chats.update(id, chat -> {
                Instant at = chat.createdAt();
                for (int m = 0; m < messagesPerChat; m++) {
                    at = at.plus(BETWEEN_MESSAGES);
                    Line line = SCRIPT.get(m % SCRIPT.size());
                    chat = chat.withMessage(new Message(line.sender(), line.text(), at));
                }
                return closed ? chat.withStatus("closed", at.plus(BETWEEN_MESSAGES)) : chat;
            });
        }
    }
}
