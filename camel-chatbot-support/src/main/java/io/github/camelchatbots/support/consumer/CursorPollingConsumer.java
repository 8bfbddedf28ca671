package io.github.camelchatbots.support.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelchatbots.support.ChatbotConfiguration;
import io.github.camelchatbots.support.ChatbotEndpoint;
import io.github.camelchatbots.support.consumer.scan.Budget;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A polling consumer whose progress is a cursor, one entry per partition (a followed user, chat or stream) under
 * the endpoint's cursor key, moved only past items whose exchange has completed. The vendor's consumer only says
 * what the next items of a partition are ({@link #collect(Round)}) and how each delivery changes its progress; this
 * class delivers them, stores the progress, and keeps the rules every consumer shares:
 * <ul>
 * <li>A poll is a series of rounds of at most {@value #ROUND_SIZE} items per partition, each delivered as one batch
 * with Camel's batch properties, until the partitions are caught up, {@code maxMessagesPerPoll} is reached, the
 * rate limit's budget is spent or the consumer stops. Memory holds one round.</li>
 * <li>An exchange that fails does not hold up the items after it: the consumer records it as failed in the
 * partition's progress and retries it with back-off ({@code failedItemDelay} doubling up to
 * {@code failedItemMaxDelay}), attempt counted; the route's own error handling (a dead letter channel, say) decides
 * when an item is given up, as everywhere in Camel. Once {@code maxFailedItems} wait, nothing new is delivered
 * until some succeed.</li>
 * <li>A stored cursor is read when the consumer starts: one that cannot be read (written by another consumer, or
 * damaged) stops the start with a message naming where it lives and what is wrong, unless
 * {@code unreadableCursor} says to start over; the old value is then kept beside the new one.</li>
 * </ul>
 *
 * @param <P> the progress of one partition, a small JSON-mapped value (positions, ids and times, not records)
 */
public abstract class CursorPollingConsumer<P> extends ScheduledBatchPollingConsumer {

    /** Items per batch: bounds memory, and how much a crash can make the consumer deliver again. */
    public static final int ROUND_SIZE = 100;
    /** How long a partition's progress may go unstored within a round. */
    static final Duration STORE_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(CursorPollingConsumer.class);
    private static final int CURSOR_VERSION = 1;
    private static final DateTimeFormatter ASIDE_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ChatbotEndpoint<?> endpoint;
    private final String idHeader;
    private final Class<P> progressType;
    private CursorStore cursors;
    /** The progress of each partition; absent while a partition has not begun (its start is made at first poll). */
    private final Map<String, P> progress = new LinkedHashMap<>();
    /** Partitions whose unreadable cursor is started over from where unreadableCursor says, not from startFrom. */
    private final Map<String, StartFrom> startingOver = new LinkedHashMap<>();
    private List<String> partitions;
    private final java.util.Set<String> unstored = new java.util.LinkedHashSet<>();
    private final Map<String, Long> storedAt = new java.util.HashMap<>();
    private int nextPartition;
    /** What startFrom=now means: the start, not the first poll, which may come much later (initialDelay, cron). */
    private Instant startedAt;

    protected CursorPollingConsumer(ChatbotEndpoint<?> endpoint, Processor processor, String idHeader,
                                    Class<P> progressType) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.idHeader = idHeader;
        this.progressType = progressType;
    }

    /**
     * What this consumer's cursors are, stored with each so that another kind of consumer's cursor under the same
     * key is refused, never misread: the scheme and operation, e.g. {@code ebbot:chats}.
     */
    protected String kind() {
        return endpoint.getOperationUri();
    }

    /** The cursor key when the user gives none: stable across restarts, distinct per stream. */
    protected abstract String defaultCursorKey();

    /** The partitions followed, each with its own cursor entry; one unnamed partition unless the consumer says. */
    protected Collection<String> partitions() {
        return List.of("");
    }

    /**
     * The progress of a partition that has none stored, from {@code startFrom}. It is stored at once, so that
     * {@code now} keeps meaning the first start, not the latest restart.
     *
     * @param firstStart when the consumer started
     */
    protected abstract P initialProgress(String partition, StartFrom startFrom, Instant firstStart) throws Exception;

    /**
     * Adds the partition's next items to the round, oldest first, at most {@link Round#room()}; bookkeeping that
     * marks nothing delivered (what was learnt about waiting items) goes through {@link Round#update}.
     */
    protected abstract void collect(Round round) throws Exception;

    /** One item to deliver, and what its delivery or failure makes of the partition's progress. */
    public record Delivery<P>(Object body, String id, Map<String, Object> headers, UnaryOperator<P> whenDelivered,
                              UnaryOperator<P> whenFailed) {

        public Delivery {
            headers = headers == null ? Map.of() : headers;
        }
    }

    /** The items of one partition collected for one batch. */
    public final class Round {
        private final String partition;
        private final int room;
        private final List<Delivery<P>> deliveries = new ArrayList<>();
        private P current;
        private boolean caughtUp;

        private Round(String partition, P current, int room) {
            this.partition = partition;
            this.current = current;
            this.room = room;
        }

        public String partition() {
            return partition;
        }

        /** The partition's progress, with this round's bookkeeping. */
        public P progress() {
            return current;
        }

        /** How many more items this round takes. */
        public int room() {
            return room - deliveries.size();
        }

        /** Adds an item; false when the round is full, and the item is left for a later round. */
        public boolean add(Delivery<P> delivery) {
            if (room() <= 0 || !isRunAllowed()) {
                return false;
            }
            deliveries.add(delivery);
            return true;
        }

        /** Stores a change that marks nothing delivered, at once: a failure later must not cost what was learnt. */
        public void update(UnaryOperator<P> change) {
            P changed = change.apply(current);
            if (!changed.equals(current)) {
                current = changed;
                save(partition, changed);
            }
        }

        /** Says the partition has nothing more for now: no further round this poll. */
        public void caughtUp() {
            caughtUp = true;
        }

        /** Whether a request may be made now: the rate limit's budget, and the consumer still running. */
        public Budget budget() {
            return () -> isRunAllowed() && endpoint.getApiClient().hasBudget();
        }

        /** Whether the partition's failed items already number {@code maxFailedItems}. */
        public boolean failedItemsFull(int failedItems) {
            return failedItems >= configuration().getMaxFailedItems();
        }
    }

    @Override
    protected void doStart() throws Exception {
        ChatbotConfiguration configuration = configuration();
        setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        String cursorKey = configuration.getCursorKey() != null ? configuration.getCursorKey() : defaultCursorKey();
        UnreadableCursor unreadable = UnreadableCursor.parse(configuration.getUnreadableCursor());
        cursors = CursorStore.open(configuration, endpoint.getMemoryCursors(), cursorKey, endpoint.toString(),
                unreadable != UnreadableCursor.FAIL);
        startedAt = Instant.now();
        try {
            partitions = List.copyOf(partitions());
            progress.clear();
            startingOver.clear();
            unstored.clear();
            storedAt.clear();
            for (String partition : partitions) {
                P stored = read(partition, unreadable);
                if (stored != null) {
                    progress.put(partition, stored);
                } else if (cursors.startedOver()) {
                    startingOver.put(partition, StartFrom.parse(unreadable.name()));
                }
            }
            super.doStart();
        } catch (Exception e) {
            closeCursors();
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        closeCursors();
    }

    private void closeCursors() {
        if (cursors != null) {
            try {
                storeAll();
                cursors.flush();
            } finally {
                cursors.close();
                cursors = null;
            }
        }
    }

    protected ChatbotConfiguration configuration() {
        return endpoint.getChatbotConfiguration();
    }

    public String getCursorKey() {
        return cursors.key();
    }

    /** A partition's stored progress, or null before it began. */
    public P getProgress(String partition) {
        return progress.get(partition);
    }

    @Override
    protected int poll() throws Exception {
        int limit = getMaxMessagesPerPoll() > 0 ? getMaxMessagesPerPoll() : Integer.MAX_VALUE;
        int delivered = 0;
        try {
            // round robin across polls, so that a busy partition cannot starve the others of maxMessagesPerPoll
            for (int turn = 0; turn < partitions.size() && delivered < limit && isRunAllowed(); turn++) {
                String partition = partitions.get((nextPartition + turn) % partitions.size());
                delivered += pollPartition(partition, limit - delivered);
            }
            nextPartition = partitions.isEmpty() ? 0 : (nextPartition + 1) % partitions.size();
        } finally {
            storeAll();
            cursors.flush();
        }
        return delivered;
    }

    private int pollPartition(String partition, int limit) throws Exception {
        P current = progress.get(partition);
        if (current == null) {
            current = initialProgress(partition, startingOver.getOrDefault(partition, endpoint.getStartFrom()),
                    startedAt);
            // stored at once: startFrom=now means the first start, whatever happens next
            save(partition, current);
            store(partition);
        }
        int delivered = 0;
        while (delivered < limit && isRunAllowed()) {
            Round round = new Round(partition, current, Math.min(ROUND_SIZE, limit - delivered));
            collect(round);
            current = round.progress();
            if (round.deliveries.isEmpty()) {
                break;
            }
            Batch outcome = deliver(partition, round.deliveries);
            storeAll();
            current = progress.get(partition);
            delivered += outcome.delivered;
            if (outcome.blocked || round.caughtUp || round.room() > 0) {
                break;
            }
        }
        return delivered;
    }

    private record Batch(int delivered, boolean blocked) {
    }

    private Batch deliver(String partition, List<Delivery<P>> deliveries) {
        int total = deliveries.size();
        int delivered = 0;
        for (int index = 0; index < total; index++) {
            if (!isBatchAllowed()) {
                pendingExchanges = 0;
                return new Batch(delivered, true);
            }
            Delivery<P> delivery = deliveries.get(index);
            Exchange exchange = createExchange(false);
            exchange.getIn().setBody(delivery.body());
            exchange.getIn().setHeader(idHeader, delivery.id());
            delivery.headers().forEach(exchange.getIn()::setHeader);
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            try {
                P before = progress.get(partition);
                if (exchange.getException() == null) {
                    save(partition, delivery.whenDelivered().apply(before));
                    delivered++;
                    continue;
                }
                P failed = delivery.whenFailed().apply(before);
                if (failed == null) {
                    // no room to remember another failure: nothing moves, and it comes again next poll
                    getExceptionHandler().handleException("Delivery of " + delivery.id() + " failed; "
                                                          + configuration().getMaxFailedItems() + " failed items"
                                                          + " already wait (maxFailedItems), so no later item goes"
                                                          + " out until some succeed", exchange,
                            exchange.getException());
                    pendingExchanges = 0;
                    return new Batch(delivered, true);
                }
                save(partition, failed);
                getExceptionHandler().handleException("Delivery of " + delivery.id() + " failed; later items go on,"
                                                      + " and it is tried again with back-off", exchange,
                        exchange.getException());
            } finally {
                releaseExchange(exchange, false);
            }
        }
        pendingExchanges = 0;
        LOG.trace("Delivered {} of {} items of partition '{}' of {}", delivered, total, partition, cursors.key());
        return new Batch(delivered, false);
    }

    /** Items come from rounds, not from a batch handed over by Camel's scheduler. */
    @Override
    public int processBatch(Queue<Object> exchanges) {
        throw new UnsupportedOperationException("cursor consumers deliver their own rounds");
    }

    /**
     * When a failed item is tried again after its {@code attempts}-th failure: {@code failedItemDelay}, doubled for
     * each further failure, at most {@code failedItemMaxDelay}.
     */
    protected Instant nextAttemptAfter(int attempts) {
        long first = Math.max(1, configuration().getFailedItemDelay());
        long max = Math.max(first, configuration().getFailedItemMaxDelay());
        int doublings = Math.min(Math.max(0, attempts - 1), 40);
        long delay = first << Math.min(doublings, Long.numberOfLeadingZeros(first) - 1);
        return Instant.now().plus(Duration.ofMillis(Math.min(max, delay)));
    }

    /**
     * Keeps the partition's new progress, and stores it when it was last stored a {@link #STORE_INTERVAL} ago: a
     * store per delivery would encode the progress (and write a database row, with a cursorRepository) as often as
     * exchanges go, while a crash costs at most that interval of deliveries again, each with its id header.
     */
    private void save(String partition, P value) {
        progress.put(partition, value);
        unstored.add(partition);
        long now = System.nanoTime();
        Long last = storedAt.get(partition);
        if (last == null || now - last >= STORE_INTERVAL.toNanos()) {
            store(partition);
        }
    }

    /** Stores every partition's progress that is not stored yet: at each round's end, each poll's end, the stop. */
    private void storeAll() {
        for (String partition : List.copyOf(unstored)) {
            store(partition);
        }
    }

    private void store(String partition) {
        P value = progress.get(partition);
        unstored.remove(partition);
        storedAt.put(partition, System.nanoTime());
        ObjectNode cursor = ChatbotJson.mapper().createObjectNode();
        cursor.put("kind", kind());
        cursor.put("version", CURSOR_VERSION);
        cursor.set("progress", ChatbotJson.mapper().valueToTree(value));
        cursors.save(partition, cursor.toString());
    }

    /** The stored progress of a partition, null when none is stored yet. */
    private P read(String partition, UnreadableCursor unreadable) {
        String stored = cursors.load(partition);
        if (stored == null) {
            return null;
        }
        try {
            return decode(stored);
        } catch (IllegalArgumentException problem) {
            String key = cursors.keyOf(partition);
            String where = "The cursor '" + key + "' in " + cursors.describe();
            if (unreadable == UnreadableCursor.FAIL) {
                throw new CursorUnreadableException(where + " cannot be read: " + problem.getMessage()
                                                    + ". It is left as it is: restore it, give this consumer its own"
                                                    + " cursorKey, or set unreadableCursor=beginning or now to start"
                                                    + " over", problem);
            }
            String aside = "unreadable-" + ASIDE_SUFFIX.format(Instant.now());
            cursors.keepAside(partition, stored, aside);
            startingOver.put(partition, StartFrom.parse(unreadable.name()));
            LOG.warn("{} cannot be read ({}); starting over from {} as unreadableCursor says, with the old value kept"
                     + " under '{}#{}'", where, problem.getMessage(), unreadable.name().toLowerCase(), key, aside);
            return null;
        }
    }

    private P decode(String stored) {
        JsonNode cursor;
        try {
            cursor = ChatbotJson.mapper().readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("it is not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (cursor == null || !cursor.isObject() || !cursor.path("kind").isTextual()) {
            throw new IllegalArgumentException("it is not a cursor this project writes (no 'kind')");
        }
        if (!kind().equals(cursor.get("kind").asText())) {
            throw new IllegalArgumentException("it is the cursor of a " + cursor.get("kind").asText()
                                               + " consumer, not of this " + kind() + " consumer");
        }
        if (cursor.path("version").asInt(0) < 1 || cursor.path("version").asInt() > CURSOR_VERSION) {
            throw new IllegalArgumentException("it has version " + cursor.path("version") + ", and this release reads"
                                               + " version " + CURSOR_VERSION);
        }
        try {
            P value = ChatbotJson.mapper().treeToValue(cursor.get("progress"), progressType);
            if (value == null) {
                throw new IllegalArgumentException("it has no progress");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("its progress does not read (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** For {@link ChatbotEndpoint#getStartFrom()} and the like. */
    protected ChatbotEndpoint<?> endpoint() {
        return endpoint;
    }
}
