package io.github.camelchatbots.support.model;

import java.time.Instant;

/** Vendors leave timestamps out freely: comparisons of instants that may be missing. */
public final class Instants {

    private Instants() {
    }

    /** The later of two instants, either of which may be null; null only when both are. */
    public static Instant latest(Instant first, Instant second) {
        if (first == null) {
            return second;
        }
        return second == null || first.isAfter(second) ? first : second;
    }
}
