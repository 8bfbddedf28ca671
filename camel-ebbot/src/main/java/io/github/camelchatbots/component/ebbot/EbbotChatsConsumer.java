package io.github.camelchatbots.component.ebbot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.camelchatbots.component.ebbot.model.EbbotChat;
import io.github.camelchatbots.component.ebbot.model.EbbotChatId;
import io.github.camelchatbots.support.consumer.CursorPollingConsumer;
import io.github.camelchatbots.support.consumer.PollItem;
import io.github.camelchatbots.support.consumer.StartFrom;
import org.apache.camel.Processor;

/**
 * Delivers every Ebbot chat once, oldest first, as an {@link EbbotChat}. The cursor is the id of the last chat
 * delivered; since ids embed the creation time, "after the cursor" needs no timestamp from Ebbot.
 */
public class EbbotChatsConsumer extends CursorPollingConsumer {

    private final EbbotEndpoint endpoint;
    private final TreeSet<EbbotChat> listedNotDelivered = new TreeSet<>(EbbotChatId.ORDER);
    private ChatListScan scan;
    private EbbotChat listedUpTo;

    public EbbotChatsConsumer(EbbotEndpoint endpoint, Processor processor) {
        super(endpoint, processor, EbbotConstants.CHAT_ID);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        // what a previous run listed may have been delivered since by another node: start from the cursor alone
        scan = new ChatListScan(endpoint.getClient(), endpoint.getConfiguration().getLimit());
        listedNotDelivered.clear();
        listedUpTo = null;
        super.doStart();
    }

    @Override
    protected String defaultCursorKey() {
        return endpoint.cursorKeyFor("chats");
    }

    @Override
    protected String initialCursor(StartFrom startFrom, Instant now) {
        return ChatListScan.startMark(startFrom, now);
    }

    @Override
    protected List<PollItem> fetch(String cursor, int maxItems) {
        EbbotChat delivered = cursor == null ? null : EbbotChat.ofId(cursor);
        if (delivered != null) {
            listedNotDelivered.removeIf(chat -> EbbotChatId.ORDER.compare(chat, delivered) <= 0);
        }
        EbbotChat from = newest(delivered, listedUpTo);
        List<EbbotChat> fresh = scan.continueAfter(from, chat -> {
        });
        if (fresh != null) {
            listedNotDelivered.addAll(fresh);
            listedUpTo = fresh.isEmpty() ? from : fresh.get(fresh.size() - 1);
        }
        // chats listed completely up to listedUpTo may go out even while a newer scan is unfinished
        return listedNotDelivered.stream()
                .map(chat -> new PollItem(chat, chat.id(), chat.id(), Map.of()))
                .toList();
    }

    private static EbbotChat newest(EbbotChat first, EbbotChat second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        return EbbotChatId.ORDER.compare(first, second) >= 0 ? first : second;
    }
}
