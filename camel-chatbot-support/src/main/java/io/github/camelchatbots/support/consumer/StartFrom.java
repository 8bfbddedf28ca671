package io.github.camelchatbots.support.consumer;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a consumer without a stored cursor begins. Parsed when the endpoint is created, so that a typo stops the
 * route from starting rather than silently delivering the wrong range.
 */
public record StartFrom(Kind kind, Instant instant) {

    public enum Kind {
        BEGINNING,
        NOW,
        INSTANT
    }

    public static StartFrom parse(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("beginning")) {
            return new StartFrom(Kind.BEGINNING, null);
        }
        if (value.equalsIgnoreCase("now")) {
            return new StartFrom(Kind.NOW, null);
        }
        try {
            return new StartFrom(Kind.INSTANT, Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("startFrom must be beginning, now or an ISO-8601 instant such as"
                                               + " 2024-08-01T00:00:00Z, not '" + value + "'", e);
        }
    }

    /** The earliest creation time to deliver, given the moment the consumer first started. */
    public Instant earliest(Instant firstStart) {
        return switch (kind) {
            case BEGINNING -> Instant.MIN;
            case NOW -> firstStart;
            case INSTANT -> instant;
        };
    }
}
