package io.github.camelchatbots.simulator;

import java.time.Duration;

/** What a {@link FaultRule} does to a request it matches. */
sealed interface Fault {

    /** Delay, then answer normally. */
    record Latency(Duration delay) implements Fault {
    }

    /** Answer with an error status and the vendor's error body; {@code retryAfter} may be null. */
    record Status(int code, Duration retryAfter) implements Fault {
    }

    /** A 200 whose body is cut off mid-JSON, as a broken proxy or a crashed backend would produce. */
    record MalformedJson() implements Fault {
    }

    /** Announce the full body, send about half of it, then close the socket. */
    record DropConnection() implements Fault {
    }
}
