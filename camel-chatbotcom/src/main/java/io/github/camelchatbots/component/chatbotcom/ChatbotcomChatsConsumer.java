package io.github.camelchatbots.component.chatbotcom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomChat;
import io.github.camelchatbots.support.consumer.CursorPollingConsumer;
import io.github.camelchatbots.support.consumer.PollItem;
import io.github.camelchatbots.support.consumer.StartFrom;
import io.github.camelchatbots.support.error.ChatbotException;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import io.github.camelchatbots.support.model.Instants;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers each ChatBot.com chat archive once, with its messages, when the chat is over: at once when the archive
 * says {@code finished}, otherwise after {@code quietPeriod} without activity.
 * <p>
 * ChatBot.com lists archives newest first, paged by creation time. Each poll reads that list down to the chats it
 * already knows (one request when nothing is new), and as far as the oldest chat still waiting, whose list entry
 * tells whether it has finished. The cursor holds how far the list has been taken in and the chats taken in but
 * not yet delivered; a chat leaves it only when its exchange succeeded. New chats are taken in a bounded number per
 * poll, oldest first, so the cursor stays small however large the backlog: each delivery rewrites it.
 */
public class ChatbotcomChatsConsumer extends CursorPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ChatbotcomChatsConsumer.class);
    private static final int MIN_TAKE_IN_PER_POLL = 100;

    private final ChatbotcomEndpoint endpoint;
    /** Listed after the stored {@code takenUpTo}, not yet taken in; a restart lists them again. */
    private final TreeMap<Key, Waiting> listedNotTakenIn = new TreeMap<>(Key.ORDER);

    public ChatbotcomChatsConsumer(ChatbotcomEndpoint endpoint, Processor processor) {
        super(endpoint, processor, ChatbotcomConstants.CHAT_ID);
        this.endpoint = endpoint;
    }

    /** A chat's place in the list: creation time, then id. */
    record Key(Instant createdAt, String id) {

        static final Comparator<Key> ORDER = Comparator.comparing(Key::createdAt).thenComparing(Key::id);

        static Key of(ChatbotcomChat chat) {
            return new Key(chat.createdAt(), chat.id());
        }
    }

    /** A chat taken in and not yet delivered, with what deciding whether it is over needs. */
    record Waiting(String id, Instant createdAt, Instant lastActivity, Boolean finished) {

        static Waiting of(ChatbotcomChat chat) {
            return new Waiting(chat.id(), chat.createdAt(), chat.lastActivity(), chat.finished());
        }

        Waiting seenAgain(ChatbotcomChat chat) {
            return new Waiting(id, createdAt, Instants.latest(lastActivity, chat.lastActivity()),
                    Boolean.TRUE.equals(finished) || Boolean.TRUE.equals(chat.finished()) ? Boolean.TRUE
                            : chat.finished() != null ? chat.finished() : finished);
        }

        boolean mayBeOver(Instant quietSince) {
            return Boolean.TRUE.equals(finished) || lastActivity == null || !lastActivity.isAfter(quietSince);
        }

        Key key() {
            return new Key(createdAt, id);
        }
    }

    /**
     * The stored progress.
     *
     * @param takenUpTo the newest chat taken in, or the start time; null when nothing is
     * @param pending   chats taken in and not delivered, oldest first
     */
    record Progress(Key takenUpTo, List<Waiting> pending) {
    }

    @Override
    protected void doStart() throws Exception {
        listedNotTakenIn.clear();
        super.doStart();
    }

    @Override
    protected String defaultCursorKey() {
        return endpoint.cursorKeyFor("chats");
    }

    @Override
    protected String initialCursor(StartFrom startFrom, Instant now) {
        Key start = startFrom.kind() == StartFrom.Kind.BEGINNING ? null : new Key(startFrom.earliest(now), "");
        return writeCursor(new Progress(start, List.of()));
    }

    @Override
    protected List<PollItem> fetch(String cursor, int maxItems) {
        Progress progress = read(cursor);
        TreeMap<Key, Waiting> pending = new TreeMap<>(Key.ORDER);
        progress.pending().forEach(chat -> pending.put(chat.key(), chat));

        Key takenUpTo = progress.takenUpTo();
        readList(takenUpTo, pending);
        int takeIn = Math.max(maxItems, MIN_TAKE_IN_PER_POLL);
        while (takeIn-- > 0 && !listedNotTakenIn.isEmpty()) {
            Map.Entry<Key, Waiting> next = listedNotTakenIn.pollFirstEntry();
            pending.put(next.getKey(), next.getValue());
            takenUpTo = next.getKey();
        }
        // what was learnt marks nothing as delivered; storing it now keeps a failure below from costing the reads
        String learnt = writeCursor(new Progress(takenUpTo, new ArrayList<>(pending.values())));
        if (!learnt.equals(cursor)) {
            storeCursor(learnt);
        }

        List<ChatbotcomChat> over = fetchOver(pending, maxItems);
        String checked = writeCursor(new Progress(takenUpTo, new ArrayList<>(pending.values())));
        if (!checked.equals(learnt)) {
            storeCursor(checked);
        }

        List<PollItem> items = new ArrayList<>(over.size());
        for (ChatbotcomChat chat : over) {
            pending.remove(Key.of(chat));
            Map<String, Object> headers = chat.user() != null && chat.user().id() != null
                    ? Map.of(ChatbotcomConstants.USER_ID, chat.user().id()) : Map.of();
            String cursorAfter = writeCursor(new Progress(takenUpTo, new ArrayList<>(pending.values())));
            items.add(new PollItem(chat, chat.id(), cursorAfter, headers));
        }
        return items;
    }

    /**
     * Reads the list newest first, down past both the newest chat known and the oldest one waiting: new chats go
     * to {@link #listedNotTakenIn}, waiting ones are refreshed from their entries.
     */
    private void readList(Key takenUpTo, TreeMap<Key, Waiting> pending) {
        if (takenUpTo != null) {
            listedNotTakenIn.headMap(takenUpTo, true).clear();
        }
        Key known = !listedNotTakenIn.isEmpty() ? listedNotTakenIn.lastKey() : takenUpTo;
        Key deepest = known;
        if (deepest != null && !pending.isEmpty() && Key.ORDER.compare(pending.firstKey(), deepest) < 0) {
            deepest = pending.firstKey();
        }
        Map<String, Key> waitingById = new HashMap<>();
        pending.keySet().forEach(key -> waitingById.put(key.id(), key));

        Long after = null;
        int largestPage = 0;
        while (true) {
            List<ChatbotcomChat> page = endpoint.getClient().chats(after);
            Instant oldest = null;
            boolean reachedDeepest = false;
            for (ChatbotcomChat chat : page) {
                Key key = Key.of(chat);
                reachedDeepest |= key.equals(deepest);
                Key waiting = waitingById.get(chat.id());
                if (waiting != null) {
                    pending.computeIfPresent(waiting, (k, entry) -> entry.seenAgain(chat));
                } else if (known == null || Key.ORDER.compare(key, known) > 0) {
                    listedNotTakenIn.merge(key, Waiting.of(chat), (before, now) -> now);
                }
                oldest = oldest == null || chat.createdAt().isBefore(oldest) ? chat.createdAt() : oldest;
            }
            largestPage = Math.max(largestPage, page.size());
            // a short page ends the list only when pages before it were longer: the page size is not documented
            if (page.isEmpty() || page.size() < largestPage || reachedDeepest
                || (deepest != null && oldest.isBefore(deepest.createdAt()))) {
                return;
            }
            // one millisecond later than the oldest, in case others created in the same millisecond did not fit on
            // this page; seeing a chat twice is harmless, and the next page must still start earlier than this one
            long next = oldest.toEpochMilli() + 1;
            after = after == null ? next : Math.min(next, after - 1);
        }
    }

    /**
     * Fetches the archives of the chats that may be over, oldest first, at most {@code maxItems} (0: no limit), and
     * returns those that are. A chat whose archive cannot be fetched stays waiting and the others go on.
     */
    private List<ChatbotcomChat> fetchOver(TreeMap<Key, Waiting> pending, int maxItems) {
        List<ChatbotcomChat> over = new ArrayList<>();
        Instant quietSince = Instant.now().minus(endpoint.quietPeriod());
        for (Waiting chat : new ArrayList<>(pending.values())) {
            if (!chat.mayBeOver(quietSince)) {
                continue;
            }
            if (maxItems > 0 && over.size() >= maxItems) {
                break;
            }
            ChatbotcomChat archive;
            try {
                archive = endpoint.getClient().chat(chat.id());
            } catch (ChatbotNotFoundException gone) {
                LOG.warn("ChatBot.com chat {} was listed but ChatBot.com no longer has it; it is not delivered",
                        chat.id());
                pending.remove(chat.key());
                continue;
            } catch (ChatbotException failed) {
                getExceptionHandler().handleException("The archive of ChatBot.com chat " + chat.id()
                                                      + " could not be fetched; it is tried again next poll", failed);
                continue;
            }
            Waiting now = chat.seenAgain(archive);
            if (now.mayBeOver(quietSince)) {
                over.add(archive);
            } else {
                pending.put(chat.key(), now);
            }
        }
        return over;
    }

    private Progress read(String cursor) {
        if (cursor == null) {
            return new Progress(null, List.of());
        }
        Progress progress = readCursor(cursor, Progress.class);
        return progress.pending() == null ? new Progress(progress.takenUpTo(), List.of()) : progress;
    }
}
