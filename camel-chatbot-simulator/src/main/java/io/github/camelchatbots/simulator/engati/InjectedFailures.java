package io.github.camelchatbots.simulator.engati;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Failures Engati reports inside an HTTP 200 (its envelope's {@code status.code}), which the shared fault injector
 * cannot produce because it only knows HTTP statuses. The first rule whose path matches answers and uses up one of
 * its times.
 */
final class InjectedFailures {

    record Failure(EngatiStatus status, String message) {
    }

    private static final class Rule {

        private final Pattern path;
        private final Failure failure;
        private int remaining;

        Rule(Pattern path, Failure failure, int remaining) {
            this.path = path;
            this.failure = failure;
            this.remaining = remaining;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    synchronized void add(EngatiStatus status, String message, int times, String pathRegex) {
        if (status == EngatiStatus.SUCCESS) {
            throw new IllegalArgumentException("1000 SUCCESS is no failure");
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        rules.add(new Rule(Pattern.compile(pathRegex), new Failure(status, message), times));
    }

    /** The failure to answer a request for this vendor-relative path with, using up one of its rule's times. */
    synchronized Optional<Failure> claim(String path) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule rule = it.next();
            if (rule.path.matcher(path).matches()) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return Optional.of(rule.failure);
            }
        }
        return Optional.empty();
    }

    synchronized int remaining() {
        return rules.stream().mapToInt(rule -> rule.remaining).sum();
    }

    synchronized void clear() {
        rules.clear();
    }
}
