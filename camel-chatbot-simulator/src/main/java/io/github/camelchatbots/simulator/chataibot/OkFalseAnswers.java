package io.github.camelchatbots.simulator.chataibot;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Scheduled {@code {"ok":false,"message"}} (or {@code "error"}) answers inside HTTP 200, for clients that must treat
 * {@code "ok": false} as a failure whatever the status says. A request answered this way is not processed, so a client
 * that retries it does not create anything twice.
 */
final class OkFalseAnswers {

    /** What to answer: {@code {"ok":false,"<field>":"<message>"}}. */
    record Refusal(String field, String message) {
    }

    private static final class Rule {
        private final Pattern path;
        private final Refusal refusal;
        private int remaining;

        private Rule(Pattern path, Refusal refusal, int remaining) {
            this.path = path;
            this.refusal = refusal;
            this.remaining = remaining;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /**
     * @param pathRegex matched against the whole vendor-relative path, or {@code null} for every path
     * @param field     {@code message} or {@code error}: where the answer puts the text
     */
    synchronized void add(int times, String pathRegex, String field, String message) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        rules.add(new Rule(pathRegex == null ? null : Pattern.compile(pathRegex), new Refusal(field, message), times));
    }

    /** The refusal to answer with, consuming one application of the first matching rule, or {@code null}. */
    synchronized Refusal claim(String path) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule rule = it.next();
            if (rule.path == null || rule.path.matcher(path).matches()) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return rule.refusal;
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
