package io.github.camelchatbots.simulator.chataibot;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Scheduled {@code {"ok":false,"message"}} answers inside HTTP 200, for clients that must treat {@code "ok": false} as
 * a failure whatever the status says. A request answered this way is not processed, so a client that retries it
 * does not create anything twice.
 */
final class OkFalseAnswers {

    private static final class Rule {
        private final Pattern path;
        private final String message;
        private int remaining;

        private Rule(Pattern path, String message, int remaining) {
            this.path = path;
            this.message = message;
            this.remaining = remaining;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /** @param pathRegex matched against the whole vendor-relative path, or {@code null} for every path */
    synchronized void add(int times, String pathRegex, String message) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        rules.add(new Rule(pathRegex == null ? null : Pattern.compile(pathRegex), message, times));
    }

    /** The message to answer with, consuming one application of the first matching rule, or {@code null}. */
    synchronized String claim(String path) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule rule = it.next();
            if (rule.path == null || rule.path.matcher(path).matches()) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return rule.message;
            }
        }
        return null;
    }

    synchronized int remaining() {
        return rules.stream().mapToInt(rule -> rule.remaining).sum();
    }

    synchronized void clear() {
        rules.clear();
    }
}
