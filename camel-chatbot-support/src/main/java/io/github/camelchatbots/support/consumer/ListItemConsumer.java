package io.github.camelchatbots.support.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.support.ChatbotEndpoint;
import io.github.camelchatbots.support.consumer.scan.ListScan;
import io.github.camelchatbots.support.consumer.scan.ScanOutcome;
import io.github.camelchatbots.support.consumer.scan.ScanPosition;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.camel.Processor;

/**
 * Delivers each item of a vendor list once, oldest first, as the list shows it: {@code ebbot:chats}, a user's
 * messages, new users. The vendor's consumer says how the list is read ({@link #scan(String)}) and where an item
 * ranks; the scan takes care that nothing is skipped, this class that nothing is lost.
 * <p>
 * The progress of each partition is the scan's position and the items whose delivery failed, each with its
 * attempts, when it is tried next, and the item as listed (they are retried from there, without a request, since
 * the list has moved on). Items wait there, small as list entries are, at most {@code maxFailedItems}.
 *
 * @param <T> the list's items
 */
public abstract class ListItemConsumer<T> extends CursorPollingConsumer<ListItemConsumer.Progress> {

    private final Class<T> itemType;

    /**
     * @param position how far the list has been delivered
     * @param failed   items whose delivery failed, oldest failure first
     */
    public record Progress(ScanPosition position, List<FailedItem> failed) {

        public Progress {
            if (position == null) {
                throw new IllegalArgumentException("no position");
            }
            failed = failed == null ? List.of() : List.copyOf(failed);
        }

        Progress withPosition(ScanPosition newPosition) {
            return new Progress(newPosition, failed);
        }

        Progress withFailed(List<FailedItem> newFailed) {
            return new Progress(position, newFailed);
        }

        Progress without(String id) {
            List<FailedItem> rest = new ArrayList<>(failed);
            rest.removeIf(item -> item.id().equals(id));
            return withFailed(rest);
        }

        Progress with(FailedItem item) {
            List<FailedItem> more = new ArrayList<>(failed);
            more.removeIf(other -> other.id().equals(item.id()));
            more.add(item);
            return withFailed(more);
        }
    }

    /**
     * An item whose delivery failed.
     *
     * @param attempts    how often its delivery failed
     * @param nextAttempt when it is tried again (epoch milliseconds)
     * @param item        the item as listed, as JSON
     */
    public record FailedItem(String id, int attempts, long nextAttempt, JsonNode item) {
    }

    protected ListItemConsumer(ChatbotEndpoint<?> endpoint, Processor processor, String idHeader, Class<T> itemType) {
        super(endpoint, processor, idHeader, Progress.class);
        this.itemType = itemType;
    }

    /** How the partition's list is read. */
    protected abstract ListScan<T> scan(String partition);

    /** Where the item sorts in the list, usually its creation time in epoch milliseconds. */
    protected abstract long rank(T item);

    protected abstract String id(T item);

    /** Further headers of the item's exchange (the id header is set already). */
    protected Map<String, Object> headers(String partition, T item) {
        return Map.of();
    }

    /** Called for every item of every page read, delivered or not: e.g. to learn what waits elsewhere. */
    protected void seen(String partition, T item) {
    }

    /**
     * Where a partition without a cursor starts: before everything, or before the items ranked at the start or the
     * given instant, when ranks are epoch milliseconds (override when they are not).
     */
    protected ScanPosition startPosition(String partition, StartFrom startFrom, Instant firstStart) throws Exception {
        return startFrom.kind() == StartFrom.Kind.BEGINNING ? ScanPosition.beginning()
                : ScanPosition.before(startFrom.earliest(firstStart).toEpochMilli());
    }

    @Override
    protected Progress initialProgress(String partition, StartFrom startFrom, Instant firstStart) throws Exception {
        return new Progress(startPosition(partition, startFrom, firstStart), List.of());
    }

    @Override
    protected void collect(Round round) {
        String partition = round.partition();
        long now = System.currentTimeMillis();
        for (FailedItem failed : round.progress().failed()) {
            if (failed.nextAttempt() <= now && !round.add(retry(partition, failed))) {
                return;
            }
        }
        if (round.failedItemsFull(round.progress().failed().size()) || round.room() <= 0) {
            return;
        }
        ScanOutcome outcome = scan(partition).scan(round.progress().position(), item -> seen(partition, item),
                item -> round.add(firstDelivery(partition, item)), round.budget());
        // hint and trail only save requests, so they are kept even where the position has not come that far
        round.update(progress -> progress.withPosition(progress.position().withHint(outcome.position().hint())
                .withTrail(outcome.position().trail())));
        if (outcome.caughtUp()) {
            round.caughtUp();
        }
    }

    private Delivery<Progress> firstDelivery(String partition, T item) {
        long rank = rank(item);
        String id = id(item);
        return new Delivery<>(item, id, headers(partition, item),
                progress -> progress.withPosition(progress.position().after(rank, id)),
                progress -> progress.failed().size() >= configuration().getMaxFailedItems() ? null
                        : progress.withPosition(progress.position().after(rank, id))
                                .with(new FailedItem(id, 1, nextAttempt(1), ChatbotJson.mapper().valueToTree(item))));
    }

    private Delivery<Progress> retry(String partition, FailedItem failed) {
        T item;
        try {
            item = ChatbotJson.mapper().treeToValue(failed.item(), itemType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The failed item " + failed.id() + " kept in cursor " + getCursorKey()
                                            + " no longer reads as " + itemType.getSimpleName(), e);
        }
        return new Delivery<>(item, failed.id(), headers(partition, item), progress -> progress.without(failed.id()),
                progress -> progress.with(new FailedItem(failed.id(), failed.attempts() + 1,
                        nextAttempt(failed.attempts() + 1), failed.item())));
    }

    private long nextAttempt(int attempts) {
        return nextAttemptAfter(attempts).toEpochMilli();
    }
}
