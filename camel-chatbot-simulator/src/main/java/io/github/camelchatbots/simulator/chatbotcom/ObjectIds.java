package io.github.camelchatbots.simulator.chatbotcom;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ChatBot.com's ids are MongoDB ObjectIds: 24 hex digits starting with the creation time in epoch seconds. Here the
 * other 16 digits count up, so ids sort by creation and the same sequence of operations always yields the same ids.
 */
final class ObjectIds {

    private final AtomicLong counter = new AtomicLong();

    String next(Instant createdAt) {
        return "%08x%016x".formatted(createdAt.getEpochSecond(), counter.incrementAndGet());
    }

    void reset() {
        counter.set(0);
    }
}
