package io.github.camelchatbots.support.consumer.scan;

import java.util.function.Consumer;

/**
 * A scan of one vendor list from a position: {@link NewestFirstPagedScan}, {@link NewestFirstBeforeScan},
 * {@link TimeWindowScan} and the like, as a consumer sees them.
 */
@FunctionalInterface
public interface ListScan<T> {

    /**
     * Offers the items after {@code from} to the sink, oldest first, until the newest has been taken, the sink
     * refuses one, or the budget allows no more requests.
     *
     * @param seen receives every item of every page read, taken or not
     */
    ScanOutcome scan(ScanPosition from, Consumer<T> seen, Sink<T> sink, Budget budget);
}
