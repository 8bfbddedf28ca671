package io.github.camelchatbots.simulator;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fault rules shared by all vendor parts. A rule matches on HTTP method and a regular expression over the
 * vendor-relative path (the path without the {@code /<vendor>} prefix); the first matching rule with applications
 * left wins.
 */
public final class FaultInjector {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    /** Starts a rule for requests with this method whose vendor-relative path matches {@code pathRegex} entirely. */
    public FaultRule on(String method, String pathRegex) {
        FaultRule rule = new FaultRule(Objects.requireNonNull(method), Objects.requireNonNull(pathRegex));
        rules.add(rule);
        return rule;
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** How many scheduled fault applications have not happened yet; {@code always()} rules are not counted. */
    public int remaining() {
        return rules.stream().mapToInt(FaultRule::remaining).sum();
    }

    /** The fault to apply to a request, consuming one application of its rule, or {@code null}. */
    Fault claim(String vendor, String method, String path) {
        for (FaultRule rule : rules) {
            Fault fault = rule.claim(vendor, method, path);
            if (fault != null) {
                return fault;
            }
        }
        return null;
    }
}
