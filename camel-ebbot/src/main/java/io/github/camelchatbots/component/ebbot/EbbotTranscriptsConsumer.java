package io.github.camelchatbots.component.ebbot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.camelchatbots.component.ebbot.model.EbbotChat;
import io.github.camelchatbots.component.ebbot.model.EbbotChatId;
import io.github.camelchatbots.component.ebbot.model.EbbotChatUser;
import io.github.camelchatbots.component.ebbot.model.EbbotTranscript;
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
 * Delivers each chat's complete transcript once the chat has ended: at once when the list shows it closed,
 * otherwise after {@code quietPeriod} without a message. The cursor records how far the chat list has been taken
 * in and which of those chats are still waiting to end; a chat leaves it only when its transcript was delivered.
 * <p>
 * Requests are spent sparingly, since Ebbot allows 20 a minute: the list is read only down to chats already known,
 * and a waiting chat's transcript is fetched only once it could have gone quiet, judged by the last activity known.
 * Chats are taken in from the list a few pages' worth per poll, oldest first, so the cursor stays small however
 * large the backlog: each delivery rewrites it.
 */
public class EbbotTranscriptsConsumer extends CursorPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(EbbotTranscriptsConsumer.class);

    private final EbbotEndpoint endpoint;
    private final Set<String> closedStatuses;
    private final int takeInPerPoll;
    /** Listed after the stored {@code listedUpTo}, not yet taken in; a restart lists them again. */
    private final TreeSet<EbbotChat> listedNotTakenIn = new TreeSet<>(EbbotChatId.ORDER);
    /** The latest full list entry of chats taken in, as far as this run has seen them. */
    private final Map<String, EbbotChat> listed = new HashMap<>();
    private ChatListScan scan;

    public EbbotTranscriptsConsumer(EbbotEndpoint endpoint, Processor processor) {
        super(endpoint, processor, EbbotConstants.CHAT_ID);
        this.endpoint = endpoint;
        this.closedStatuses = Arrays.stream(endpoint.getConfiguration().getClosedStatuses().split(","))
                .map(String::trim).filter(status -> !status.isEmpty()).collect(Collectors.toSet());
        this.takeInPerPoll = 2 * endpoint.getConfiguration().getLimit();
    }

    /**
     * The stored progress.
     *
     * @param listedUpTo the newest chat taken in (a chat id, or a startFrom mark)
     * @param pending    chats taken in whose transcript has not been delivered, oldest first
     */
    record Progress(String listedUpTo, List<Waiting> pending) {
    }

    /**
     * A chat waiting to end: what deciding needs, and who the user is, so that a transcript delivered after a
     * restart still says whose it is.
     *
     * @param lastActivity the latest sign of life known: list entry, last message or creation
     */
    record Waiting(String chatId, String status, Instant lastActivity, EbbotChatUser user) {

        static Waiting of(EbbotChat chat, Instant lastActivity) {
            EbbotChatUser user = chat.chatUser() != null ? new EbbotChatUser(chat.chatUser().id(), null,
                    chat.chatUser().info()) : chat.chatUserId() != null ? new EbbotChatUser(chat.chatUserId(), null, null)
                    : null;
            return new Waiting(chat.id(), chat.status(), lastActivity, user);
        }

        Waiting seenAgain(EbbotChat listedNow) {
            return of(listedNow, Instants.latest(lastActivity, listedNow.lastActivity()));
        }

        /** The chat as far as the cursor knows it, for a transcript whose list entry this run has not seen. */
        EbbotChat asChat() {
            return new EbbotChat(chatId, null, null, null, null, null, status, null,
                    user != null ? user.id() : null, null, null, null, null, null, lastActivity, user);
        }
    }

    @Override
    protected void doStart() throws Exception {
        scan = new ChatListScan(endpoint.getClient(), endpoint.getConfiguration().getLimit());
        listedNotTakenIn.clear();
        listed.clear();
        super.doStart();
    }

    @Override
    protected String defaultCursorKey() {
        return endpoint.cursorKeyFor("transcript");
    }

    @Override
    protected String initialCursor(StartFrom startFrom, Instant now) {
        return writeCursor(new Progress(ChatListScan.startMark(startFrom, now), List.of()));
    }

    @Override
    protected List<PollItem> fetch(String cursor, int maxItems) {
        Progress progress = read(cursor);
        // keyed by id alone: a chat sorts by the time in its id, whatever its list entry says
        TreeMap<EbbotChat, Waiting> waiting = new TreeMap<>(EbbotChatId.ORDER);
        progress.pending().forEach(chat -> waiting.put(EbbotChat.ofId(chat.chatId()), chat));

        // delivery before discovery: when other clients of the account leave little budget, listing first could
        // spend every request on the list and never fetch a transcript
        List<EbbotTranscript> ended = fetchEnded(waiting, new ArrayList<>(waiting.keySet()), maxItems);
        List<EbbotChat> takenIn = new ArrayList<>();
        String listedUpTo = takeIn(progress.listedUpTo(), waiting, takenIn);

        // what was learnt marks nothing as delivered; storing it now keeps a failure below from costing the list
        // requests already spent
        String learnt = writeCursor(new Progress(listedUpTo, new ArrayList<>(waiting.values())));
        if (!learnt.equals(cursor)) {
            storeCursor(learnt);
        }

        if (maxItems == 0 || ended.size() < maxItems) {
            ended.addAll(fetchEnded(waiting, takenIn, maxItems == 0 ? 0 : maxItems - ended.size()));
        }
        String checked = writeCursor(new Progress(listedUpTo, new ArrayList<>(waiting.values())));
        if (!checked.equals(learnt)) {
            storeCursor(checked);
        }

        List<PollItem> items = new ArrayList<>(ended.size());
        for (EbbotTranscript transcript : ended) {
            waiting.remove(EbbotChat.ofId(transcript.chatId()));
            Map<String, Object> headers = new HashMap<>();
            if (transcript.chat() != null && transcript.chat().status() != null) {
                headers.put(EbbotConstants.CHAT_STATUS, transcript.chat().status());
            }
            items.add(new PollItem(transcript, transcript.chatId(),
                    writeCursor(new Progress(listedUpTo, new ArrayList<>(waiting.values()))), headers));
        }
        return items;
    }

    /**
     * Reads the list beyond what is known, refreshes the chats waiting that it shows, and takes in the oldest new
     * chats, adding them to {@code takenIn}. Returns the new {@code listedUpTo}.
     */
    private String takeIn(String listedUpTo, TreeMap<EbbotChat, Waiting> waiting, List<EbbotChat> takenIn) {
        EbbotChat known = !listedNotTakenIn.isEmpty() ? listedNotTakenIn.last()
                : listedUpTo != null ? EbbotChat.ofId(listedUpTo) : null;
        List<EbbotChat> fresh = scan.continueAfter(known, listedNow -> {
            if (waiting.computeIfPresent(EbbotChat.ofId(listedNow.id()),
                    (key, chat) -> chat.seenAgain(listedNow)) != null) {
                listed.put(listedNow.id(), listedNow);
            } else if (listedNotTakenIn.remove(listedNow)) {
                listedNotTakenIn.add(listedNow);
            }
        });
        if (fresh != null) {
            listedNotTakenIn.addAll(fresh);
        }
        String upTo = listedUpTo;
        for (int taken = 0; taken < takeInPerPoll && !listedNotTakenIn.isEmpty(); taken++) {
            EbbotChat chat = listedNotTakenIn.pollFirst();
            waiting.put(EbbotChat.ofId(chat.id()),
                    Waiting.of(chat, Instants.latest(chat.lastActivity(), chat.creationTime())));
            takenIn.add(EbbotChat.ofId(chat.id()));
            listed.put(chat.id(), chat);
            upTo = chat.id();
        }
        return upTo;
    }

    /**
     * Fetches the transcripts of those {@code candidates} that may have ended, in order, within the budget and at
     * most {@code maxItems} (0: no limit). A chat whose transcript cannot be fetched stays waiting and the others go
     * on: one bad chat must not hold up the rest.
     */
    private List<EbbotTranscript> fetchEnded(TreeMap<EbbotChat, Waiting> waiting, List<EbbotChat> candidates,
                                             int maxItems) {
        List<EbbotTranscript> ended = new ArrayList<>();
        Instant quietSince = Instant.now().minus(endpoint.quietPeriod());
        for (EbbotChat key : candidates) {
            Waiting chat = waiting.get(key);
            boolean closed = chat.status() != null && closedStatuses.contains(chat.status());
            if (!closed && chat.lastActivity() != null && chat.lastActivity().isAfter(quietSince)) {
                continue;
            }
            if ((maxItems > 0 && ended.size() >= maxItems) || !endpoint.getApiClient().hasBudget()) {
                break;
            }
            EbbotTranscript transcript;
            try {
                transcript = endpoint.getClient().transcript(chat.chatId());
            } catch (ChatbotNotFoundException gone) {
                // nothing left to deliver: Ebbot deleted the chat after it was listed
                LOG.warn("Ebbot chat {} was listed but Ebbot no longer has it; it is not delivered", chat.chatId());
                waiting.remove(key);
                continue;
            } catch (ChatbotException failed) {
                getExceptionHandler().handleException("The transcript of Ebbot chat " + chat.chatId()
                                                      + " could not be fetched; it is tried again next poll", failed);
                continue;
            }
            Instant lastActivity = Instants.latest(chat.lastActivity(), transcript.lastMessageTime());
            if (closed || lastActivity == null || !lastActivity.isAfter(quietSince)) {
                ended.add(transcript.withChat(listed.getOrDefault(chat.chatId(), chat.asChat())));
                listed.remove(chat.chatId());
            } else {
                waiting.put(key, new Waiting(chat.chatId(), chat.status(), lastActivity, chat.user()));
            }
        }
        return ended;
    }

    private Progress read(String cursor) {
        Progress progress = readCursor(cursor, Progress.class);
        if (progress.pending() == null) {
            // every cursor this consumer writes has the list, empty or not: this one is another consumer's
            throw new IllegalStateException("The stored cursor " + getCursorKey() + " is not an ebbot:transcript"
                                            + " cursor; give this consumer its own cursorKey");
        }
        return progress;
    }
}
