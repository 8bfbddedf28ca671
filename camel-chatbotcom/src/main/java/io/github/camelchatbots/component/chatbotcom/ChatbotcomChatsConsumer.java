package io.github.camelchatbots.component.chatbotcom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** Archives fetched per poll unless maxMessagesPerPoll says otherwise: bounds a poll after a failed delivery. */
    private static final int ARCHIVES_PER_POLL = 100;
    /** ChatBot.com's documented page: the last 40 archives. */
    private static final int LIST_PAGE_SIZE = 40;
    /** How far below the newest known chat the list is read to refresh older waiting chats. */
    private static final int REFRESH_PAGES = 10;

    private final ChatbotcomEndpoint endpoint;
    /** Listed after the stored {@code takenUpTo}, not yet taken in; a restart lists them again. */
    private final TreeMap<Key, Waiting> listedNotTakenIn = new TreeMap<>(Key.ORDER);
    /** Chats whose archive failed to come on the last try: they go last, so that they hold up no other. */
    private final Set<String> failing = new HashSet<>();

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
        failing.clear();
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
        int perPoll = maxItems > 0 ? maxItems : ARCHIVES_PER_POLL;
        Instant quietSince = Instant.now().minus(endpoint.quietPeriod());

        Key takenUpTo = progress.takenUpTo();
        readList(takenUpTo, pending);
        // chats that may be over wait in the cursor; more of them than a poll fetches would only grow it
        long mayBeOver = pending.values().stream()
                .filter(chat -> chat.mayBeOver(quietSince) && !failing.contains(chat.id())).count();
        while (mayBeOver < perPoll && !listedNotTakenIn.isEmpty()) {
            Map.Entry<Key, Waiting> next = listedNotTakenIn.pollFirstEntry();
            pending.put(next.getKey(), next.getValue());
            takenUpTo = next.getKey();
            mayBeOver += next.getValue().mayBeOver(quietSince) ? 1 : 0;
        }
        // what was learnt marks nothing as delivered; storing it now keeps a failure below from costing the reads
        String learnt = writeCursor(new Progress(takenUpTo, new ArrayList<>(pending.values())));
        if (!learnt.equals(cursor)) {
            storeCursor(learnt);
        }

        Map<Key, ChatbotcomChat> over = fetchOver(pending, perPoll, quietSince);
        String checked = writeCursor(new Progress(takenUpTo, new ArrayList<>(pending.values())));
        if (!checked.equals(learnt)) {
            storeCursor(checked);
        }

        List<PollItem> items = new ArrayList<>(over.size());
        for (Map.Entry<Key, ChatbotcomChat> ended : over.entrySet()) {
            // removed by the key it waited under: the archive's own createdAt may differ from the list's, or lack
            pending.remove(ended.getKey());
            ChatbotcomChat chat = ended.getValue();
            Map<String, Object> headers = chat.user() != null && chat.user().id() != null
                    ? Map.of(ChatbotcomConstants.USER_ID, chat.user().id()) : Map.of();
            String cursorAfter = writeCursor(new Progress(takenUpTo, new ArrayList<>(pending.values())));
            items.add(new PollItem(chat, chat.id(), cursorAfter, headers));
        }
        return items;
    }

    /**
     * Reads the list newest first, down past the newest chat known and, at most {@link #REFRESH_PAGES} pages
     * further, the oldest one waiting: new chats go to {@link #listedNotTakenIn}, waiting ones are refreshed from
     * their entries. A chat waiting further down is judged by the last activity known, and its archive tells.
     */
    private void readList(Key takenUpTo, TreeMap<Key, Waiting> pending) {
        if (takenUpTo != null) {
            listedNotTakenIn.headMap(takenUpTo, true).clear();
        }
        Key known = !listedNotTakenIn.isEmpty() ? listedNotTakenIn.lastKey() : takenUpTo;
        Instant deepest = known == null ? null : known.createdAt();
        if (deepest != null && !pending.isEmpty() && pending.firstKey().createdAt().isBefore(deepest)) {
            deepest = pending.firstKey().createdAt();
        }
        Map<String, Key> waitingById = new HashMap<>();
        pending.keySet().forEach(key -> waitingById.put(key.id(), key));

        // new chats count as listed only once the read is complete: a read that fails half-way must not move known
        // past chats on the pages it never reached
        TreeMap<Key, Waiting> found = new TreeMap<>(Key.ORDER);
        Long after = null;
        int largestPage = 0;
        int refreshPages = 0;
        while (true) {
            List<ChatbotcomChat> page = endpoint.getClient().chats(after);
            Instant oldest = null;
            for (ChatbotcomChat chat : page) {
                Key key = Key.of(chat);
                Key waiting = waitingById.get(chat.id());
                if (waiting != null) {
                    pending.computeIfPresent(waiting, (k, entry) -> entry.seenAgain(chat));
                } else if (known == null || Key.ORDER.compare(key, known) > 0) {
                    found.put(key, Waiting.of(chat));
                }
                oldest = oldest == null || chat.createdAt().isBefore(oldest) ? chat.createdAt() : oldest;
            }
            largestPage = Math.max(largestPage, page.size());
            if (known != null && oldest != null && oldest.isBefore(known.createdAt())) {
                refreshPages++;
            }
            // a short page ends the list only when pages before it were longer: the page size is not documented
            if (page.isEmpty() || page.size() < largestPage || refreshPages > REFRESH_PAGES
                || (deepest != null && (oldest.isBefore(deepest)
                                        // only a full page can have been cut inside one millisecond
                                        || page.size() < LIST_PAGE_SIZE && !oldest.isAfter(deepest)))) {
                listedNotTakenIn.putAll(found);
                return;
            }
            // one millisecond later than the oldest, in case others created in the same millisecond did not fit on
            // this page; seeing a chat twice is harmless, and the next page must still start earlier than this one
            long next = oldest.toEpochMilli() + 1;
            after = after == null ? next : Math.min(next, after - 1);
        }
    }

    /**
     * Fetches the archives of the chats that may be over, oldest first, at most {@code perPoll}, and returns those
     * that are, by the key each waited under. A chat whose archive cannot be fetched stays waiting and the others
     * go on.
     */
    private Map<Key, ChatbotcomChat> fetchOver(TreeMap<Key, Waiting> pending, int perPoll, Instant quietSince) {
        Map<Key, ChatbotcomChat> over = new LinkedHashMap<>();
        List<Waiting> candidates = new ArrayList<>(pending.values());
        candidates.removeIf(chat -> !chat.mayBeOver(quietSince));
        // stable: oldest first among the others, then oldest first among those that failed last time
        candidates.sort(Comparator.comparing((Waiting chat) -> failing.contains(chat.id())));
        int settled = 0;
        int failed = 0;
        for (Waiting chat : candidates) {
            if (settled >= perPoll || failed >= perPoll) {
                break;
            }
            ChatbotcomChat archive;
            try {
                archive = endpoint.getClient().chat(chat.id());
            } catch (ChatbotNotFoundException gone) {
                LOG.warn("ChatBot.com chat {} was listed but ChatBot.com no longer has it; it is not delivered",
                        chat.id());
                pending.remove(chat.key());
                failing.remove(chat.id());
                settled++;
                continue;
            } catch (ChatbotException error) {
                failing.add(chat.id());
                failed++;
                getExceptionHandler().handleException("The archive of ChatBot.com chat " + chat.id()
                                                      + " could not be fetched; it is tried again next poll", error);
                continue;
            }
            failing.remove(chat.id());
            settled++;
            Waiting now = chat.seenAgain(archive);
            if (now.mayBeOver(quietSince)) {
                over.put(chat.key(), archive);
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
        if (progress.pending() == null) {
            throw new IllegalStateException("The stored cursor " + getCursorKey() + " is not a chatbotcom:chats"
                                            + " cursor; give this consumer its own cursorKey");
        }
        return progress;
    }
}
