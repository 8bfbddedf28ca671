package io.github.camelchatbots.component.ebbot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelchatbots.component.ebbot.model.EbbotChat;
import io.github.camelchatbots.component.ebbot.model.EbbotChatId;
import io.github.camelchatbots.component.ebbot.model.EbbotTranscript;
import io.github.camelchatbots.support.consumer.CursorPollingConsumer;
import io.github.camelchatbots.support.consumer.PollItem;
import io.github.camelchatbots.support.consumer.StartFrom;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers each chat's complete transcript once the chat has ended: at once when the list shows it closed,
 * otherwise after {@code quietPeriod} without a message. The cursor records how far the chat list has been read
 * and which chats are still waiting to end; a chat leaves it only when its transcript was delivered.
 * <p>
 * Requests are spent sparingly, since Ebbot allows 20 a minute: the list is read only down to chats already known,
 * and a waiting chat's transcript is fetched only once it could have gone quiet, judged by the last activity known.
 */
public class EbbotTranscriptsConsumer extends CursorPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(EbbotTranscriptsConsumer.class);

    private final EbbotEndpoint endpoint;
    private final Set<String> closedStatuses;
    private ChatListScan scan;

    public EbbotTranscriptsConsumer(EbbotEndpoint endpoint, Processor processor) {
        super(endpoint, processor, EbbotConstants.CHAT_ID);
        this.endpoint = endpoint;
        this.closedStatuses = Arrays.stream(endpoint.getConfiguration().getClosedStatuses().split(","))
                .map(String::trim).filter(status -> !status.isEmpty()).collect(Collectors.toSet());
    }

    /**
     * The stored progress. {@code pending} is keyed by chat id and ordered oldest first.
     *
     * @param listedUpTo the newest chat whose creation the consumer has taken in (a chat id, or a startFrom mark)
     * @param pending    chats taken in whose transcript has not been delivered
     */
    record Progress(String listedUpTo, List<Waiting> pending) {
    }

    /**
     * A chat waiting to end.
     *
     * @param chat         the chat as the list last showed it, kept so that its transcript goes out with its status
     *                     and user even after a restart
     * @param lastActivity the latest sign of life known: list entry, last message or creation
     */
    record Waiting(EbbotChat chat, Instant lastActivity) {

        String chatId() {
            return chat.id();
        }

        boolean closedIn(Set<String> closedStatuses) {
            return chat.status() != null && closedStatuses.contains(chat.status());
        }
    }

    @Override
    protected void doStart() throws Exception {
        scan = new ChatListScan(endpoint.getClient(), endpoint.getConfiguration().getLimit());
        super.doStart();
    }

    @Override
    protected String defaultCursorKey() {
        return endpoint.cursorKeyFor("transcript");
    }

    @Override
    protected String initialCursor(StartFrom startFrom, Instant now) {
        return write(new Progress(ChatListScan.startMark(startFrom, now), List.of()));
    }

    @Override
    protected List<PollItem> fetch(String cursor) {
        Progress progress = read(cursor);
        // keyed by id alone: a chat sorts by the time in its id, whatever its list entry says
        TreeMap<EbbotChat, Waiting> waiting = new TreeMap<>(EbbotChatId.ORDER);
        progress.pending().forEach(chat -> waiting.put(EbbotChat.ofId(chat.chatId()), chat));

        String listedUpTo = progress.listedUpTo();
        List<EbbotChat> fresh = scan.continueAfter(listedUpTo == null ? null : EbbotChat.ofId(listedUpTo),
                listedNow -> waiting.computeIfPresent(EbbotChat.ofId(listedNow.id()),
                        (key, known) -> new Waiting(listedNow, latest(known.lastActivity(), listedNow.lastActivity()))));
        if (fresh != null) {
            for (EbbotChat chat : fresh) {
                waiting.put(EbbotChat.ofId(chat.id()),
                        new Waiting(chat, latest(chat.lastActivity(), chat.creationTime())));
                listedUpTo = chat.id();
            }
        }

        List<EbbotTranscript> ended = new ArrayList<>();
        Instant quietSince = Instant.now().minus(endpoint.quietPeriod());
        for (Map.Entry<EbbotChat, Waiting> entry : new ArrayList<>(waiting.entrySet())) {
            Waiting chat = entry.getValue();
            boolean closed = chat.closedIn(closedStatuses);
            if (!closed && chat.lastActivity() != null && chat.lastActivity().isAfter(quietSince)) {
                continue;
            }
            if (!endpoint.getApiClient().hasBudget()) {
                break;
            }
            EbbotTranscript transcript;
            try {
                transcript = endpoint.getClient().transcript(chat.chatId());
            } catch (ChatbotNotFoundException gone) {
                LOG.warn("Ebbot chat {} is listed as waiting but Ebbot no longer has it; it is dropped", chat.chatId());
                waiting.remove(entry.getKey());
                continue;
            }
            Instant lastActivity = latest(chat.lastActivity(), transcript.lastMessageTime());
            if (closed || lastActivity == null || !lastActivity.isAfter(quietSince)) {
                ended.add(transcript.withChat(chat.chat()));
            } else {
                waiting.put(entry.getKey(), new Waiting(chat.chat(), lastActivity));
            }
        }

        // what was learnt marks nothing as delivered; storing it spares a restart the same requests
        Progress learnt = new Progress(listedUpTo, new ArrayList<>(waiting.values()));
        String learntCursor = write(learnt);
        if (!learntCursor.equals(cursor)) {
            storeCursor(learntCursor);
        }

        List<PollItem> items = new ArrayList<>(ended.size());
        List<Waiting> remaining = new ArrayList<>(learnt.pending());
        for (EbbotTranscript transcript : ended) {
            remaining.removeIf(chat -> chat.chatId().equals(transcript.chatId()));
            Map<String, Object> headers = new HashMap<>();
            if (transcript.chat() != null && transcript.chat().status() != null) {
                headers.put(EbbotConstants.CHAT_STATUS, transcript.chat().status());
            }
            items.add(new PollItem(transcript, transcript.chatId(),
                    write(new Progress(listedUpTo, List.copyOf(remaining))), headers));
        }
        return items;
    }

    private static Instant latest(Instant first, Instant second) {
        if (first == null) {
            return second;
        }
        return second == null || first.isAfter(second) ? first : second;
    }

    private String write(Progress progress) {
        try {
            return ChatbotJson.mapper().writeValueAsString(progress);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the cursor of " + getCursorKey(), e);
        }
    }

    private Progress read(String cursor) {
        try {
            Progress progress = ChatbotJson.mapper().readValue(cursor, Progress.class);
            return progress.pending() == null ? new Progress(progress.listedUpTo(), List.of()) : progress;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored cursor " + getCursorKey() + " is not an ebbot:transcript"
                                            + " cursor; give this consumer its own cursorKey", e);
        }
    }
}
