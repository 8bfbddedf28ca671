package io.github.camelchatbots.support.consumer.scan;

/** Takes the items of a scan, oldest first. */
@FunctionalInterface
public interface Sink<T> {

    /**
     * Takes an item, or refuses it when the poll can take no more (its share of items is done, or the consumer is
     * stopping). A refused item is not taken: the scan's position stays before it.
     */
    boolean offer(T item);
}
