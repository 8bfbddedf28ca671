package io.github.camelchatbots.support.consumer;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelchatbots.support.ChatbotConfiguration;
import io.github.camelchatbots.support.ChatbotEndpoint;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A polling consumer whose progress is a cursor in a Camel {@link StateRepository}, moved only after an exchange
 * has completed successfully. Subclasses say what to deliver after a given cursor; this class delivers it in
 * order, one exchange at a time, and stops a batch at the first failure so that nothing after a failed item is
 * marked delivered. The failed item comes again on the next poll: at-least-once, and with the id header, exactly
 * once behind an {@code idempotentConsumer}.
 */
public abstract class CursorPollingConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(CursorPollingConsumer.class);


    private final ChatbotEndpoint endpoint;
    private final String idHeader;
    private CursorStore cursors;
    private String cursorKey;
    /** What startFrom=now means: the start, not the first poll, which may come much later (initialDelay, cron). */
    private Instant startedAt;

    protected CursorPollingConsumer(ChatbotEndpoint endpoint, Processor processor, String idHeader) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.idHeader = idHeader;
    }

    /**
     * What to deliver after {@code cursor} (null on a first start), oldest first. May return fewer items than are
     * waiting, e.g. when the rate limit's budget is spent; the rest comes on later polls.
     *
     * @param maxItems how many items this poll delivers at most ({@code maxMessagesPerPoll}), 0 for no limit: items
     *                 that cost a request each need not be fetched beyond it
     */
    protected abstract List<PollItem> fetch(String cursor, int maxItems) throws Exception;

    /** The cursor key when the user gives none: stable across restarts, distinct per stream. */
    protected abstract String defaultCursorKey();

    /**
     * The cursor of a first start, from {@code startFrom}; null means "before everything". It is stored at once,
     * so that {@code now} keeps meaning the first start, not the latest restart.
     *
     * @param now when the consumer started
     */
    protected abstract String initialCursor(StartFrom startFrom, Instant now) throws Exception;

    @Override
    protected void doStart() throws Exception {
        ChatbotConfiguration configuration = endpoint.getChatbotConfiguration();
        setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        cursorKey = configuration.getCursorKey() != null ? configuration.getCursorKey() : defaultCursorKey();
        cursors = CursorStore.open(configuration, endpoint.getMemoryCursors(), cursorKey, endpoint.toString());
        startedAt = Instant.now();
        try {
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
            cursors.close();
            cursors = null;
        }
    }

    public String getCursorKey() {
        return cursorKey;
    }

    /** The stored cursor, or null before the first delivery. */
    public String getCursor() {
        return cursors.load();
    }

    /** A cursor that is more than a position (progress, things waiting), as JSON text. */
    protected String writeCursor(Object progress) {
        try {
            return ChatbotJson.mapper().writeValueAsString(progress);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the cursor of " + cursorKey, e);
        }
    }

    /**
     * Reads a cursor {@link #writeCursor(Object)} wrote. Another kind of consumer's cursor under the same key (a
     * shared file or repository) is refused with a hint, never misread.
     */
    protected <T> T readCursor(String cursor, Class<T> type) {
        try {
            return ChatbotJson.mapper().readValue(cursor, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored cursor " + cursorKey + " is not one this " + endpoint
                                            + " consumer wrote; give this consumer its own cursorKey", e);
        }
    }

    /**
     * Stores bookkeeping that marks nothing as delivered (e.g. chats seen but not yet ended), so that a restart
     * need not rediscover it.
     */
    protected void storeCursor(String cursor) {
        cursors.save(cursor);
    }

    @Override
    protected int poll() throws Exception {
        String cursor = getCursor();
        if (cursor == null) {
            cursor = initialCursor(endpoint.getStartFrom(), startedAt);
            if (cursor != null) {
                storeCursor(cursor);
            }
        }
        List<PollItem> items = fetch(cursor, Math.max(0, getMaxMessagesPerPoll()));
        if (items.isEmpty()) {
            return 0;
        }
        int max = getMaxMessagesPerPoll() > 0 ? Math.min(getMaxMessagesPerPoll(), items.size()) : items.size();
        Queue<Object> batch = new ArrayDeque<>(items.subList(0, max));
        return processBatch(batch);
    }

    @Override
    public int processBatch(Queue<Object> batch) throws Exception {
        int total = batch.size();
        int delivered = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            PollItem item = (PollItem) batch.poll();
            Exchange exchange = createExchange(false);
            exchange.getIn().setBody(item.body());
            exchange.getIn().setHeader(idHeader, item.id());
            item.headers().forEach(exchange.getIn()::setHeader);
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                // the cursor stays before this item, so it and everything after it come again next poll
                getExceptionHandler().handleException("Delivery of " + item.id() + " failed; it will be retried on"
                                                      + " the next poll", exchange, exchange.getException());
                releaseExchange(exchange, false);
                pendingExchanges = 0;
                return delivered;
            }
            try {
                cursors.save(item.cursorAfter());
            } finally {
                releaseExchange(exchange, false);
            }
            delivered++;
        }
        pendingExchanges = 0;
        LOG.trace("Delivered {} of {} items; cursor {} now {}", delivered, total, cursorKey, getCursor());
        return delivered;
    }
}
