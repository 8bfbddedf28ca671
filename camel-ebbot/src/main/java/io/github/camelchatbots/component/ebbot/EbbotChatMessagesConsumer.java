package io.github.camelchatbots.component.ebbot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.ebbot.model.EbbotMessage;
import io.github.camelchatbots.component.ebbot.model.EbbotTranscript;
import io.github.camelchatbots.support.consumer.CursorPollingConsumer;
import io.github.camelchatbots.support.consumer.PollItem;
import io.github.camelchatbots.support.consumer.StartFrom;
import org.apache.camel.Processor;

/**
 * Delivers each new message of one chat as an {@link EbbotMessage}. Ebbot gives messages no ids but transcripts only
 * grow at the end, so the cursor is the number of messages delivered.
 */
public class EbbotChatMessagesConsumer extends CursorPollingConsumer {

    private final EbbotEndpoint endpoint;
    private final String chatId;

    public EbbotChatMessagesConsumer(EbbotEndpoint endpoint, Processor processor) {
        super(endpoint, processor, EbbotConstants.MESSAGE_ID);
        this.endpoint = endpoint;
        this.chatId = endpoint.getConfiguration().getChatId();
    }

    @Override
    protected String defaultCursorKey() {
        return endpoint.cursorKeyFor("transcript/" + chatId);
    }

    @Override
    protected String initialCursor(StartFrom startFrom, Instant now) {
        if (startFrom.kind() == StartFrom.Kind.BEGINNING) {
            return "0";
        }
        Instant earliest = startFrom.earliest(now);
        List<EbbotMessage> messages = endpoint.getClient().transcript(chatId).messages();
        int before = 0;
        while (before < messages.size() && messages.get(before).timestamp() != null
               && messages.get(before).timestamp().isBefore(earliest)) {
            before++;
        }
        return Integer.toString(startFrom.kind() == StartFrom.Kind.NOW ? messages.size() : before);
    }

    @Override
    protected List<PollItem> fetch(String cursor, int maxItems) {
        int delivered = delivered(cursor);
        if (!endpoint.getApiClient().hasBudget()) {
            return List.of();
        }
        EbbotTranscript transcript = endpoint.getClient().transcript(chatId);
        List<PollItem> items = new ArrayList<>();
        for (EbbotMessage message : transcript.messages().subList(Math.min(delivered, transcript.messages().size()),
                transcript.messages().size())) {
            items.add(new PollItem(message, message.messageId(), Integer.toString(message.index() + 1),
                    Map.of(EbbotConstants.CHAT_ID, chatId)));
        }
        return items;
    }

    private int delivered(String cursor) {
        try {
            return Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The stored cursor " + getCursorKey() + " is not a message count; give"
                                            + " this consumer its own cursorKey", e);
        }
    }
}
