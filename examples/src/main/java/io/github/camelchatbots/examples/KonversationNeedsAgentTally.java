package io.github.camelchatbots.examples;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What the needs-agent route did, per source: the run's summary. */
public final class KonversationNeedsAgentTally {

    /** What became of one user who asked for a human agent. */
    public enum Outcome {
        /** tagged and sent the sub flow; they were already a konversation subscriber */
        TAGGED,
        /** created in konversation, then tagged and sent the sub flow */
        CREATED_AND_TAGGED,
        /** already tagged: waiting for an agent, so not sent the sub flow again */
        ALREADY_WAITING,
        /** no e-mail address to find or create them by */
        NO_CONTACT
    }

    private final Map<String, Map<Outcome, AtomicInteger>> counts = new ConcurrentHashMap<>();

    public void count(String source, String outcome) {
        counts.computeIfAbsent(source, ignored -> new ConcurrentHashMap<>())
                .computeIfAbsent(Outcome.valueOf(outcome), ignored -> new AtomicInteger()).incrementAndGet();
    }

    public int countOf(String source, Outcome outcome) {
        Map<Outcome, AtomicInteger> bySource = counts.get(source);
        AtomicInteger count = bySource == null ? null : bySource.get(outcome);
        return count == null ? 0 : count.get();
    }

    /** One line per source, e.g. {@code ChatBot.com: 1 tagged, 2 created and tagged, 0 already waiting, 0 without e-mail}. */
    public String summary() {
        if (counts.isEmpty()) {
            return "No user asked for a human agent";
        }
        StringBuilder summary = new StringBuilder();
        new TreeMap<>(counts).keySet().forEach(source -> summary.append(summary.isEmpty() ? "" : "\n  ")
                .append(source).append(": ").append(countOf(source, Outcome.TAGGED)).append(" tagged, ")
                .append(countOf(source, Outcome.CREATED_AND_TAGGED)).append(" created and tagged, ")
                .append(countOf(source, Outcome.ALREADY_WAITING)).append(" already waiting, ")
                .append(countOf(source, Outcome.NO_CONTACT)).append(" without an e-mail address"));
        return summary.toString();
    }
}
