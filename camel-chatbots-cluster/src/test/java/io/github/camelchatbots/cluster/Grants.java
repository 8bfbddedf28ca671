package io.github.camelchatbots.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Grants of a limiter as seen from outside, each known only to lie between when acquire was called and when it
 * returned: a window holds a grant for certain only when it holds that whole span, so the count never blames the
 * limiter for a slow machine.
 */
final class Grants {

    record Grant(long fromNanos, long toNanos, String node) {
    }

    private final List<Grant> grants = new ArrayList<>();

    synchronized void add(long fromNanos, long toNanos, String node) {
        grants.add(new Grant(fromNanos, toNanos, node));
    }

    synchronized int size() {
        return grants.size();
    }

    synchronized List<Grant> all() {
        return List.copyOf(grants);
    }

    /** The most grants certainly made within one span of {@code window}, wherever it starts. */
    synchronized int mostInAnyWindow(Duration window) {
        List<Grant> sorted = new ArrayList<>(grants);
        sorted.sort(Comparator.comparingLong(Grant::fromNanos));
        long span = window.toNanos();
        int most = 0;
        for (int first = 0; first < sorted.size(); first++) {
            long start = sorted.get(first).fromNanos();
            int within = 0;
            for (int i = first; i < sorted.size() && sorted.get(i).fromNanos() - start < span; i++) {
                if (sorted.get(i).toNanos() - start < span) {
                    within++;
                }
            }
            most = Math.max(most, within);
        }
        return most;
    }
}
