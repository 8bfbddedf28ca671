package io.github.camelchatbots.component.ebbot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.ebbot.model.EbbotMessage;
import io.github.camelchatbots.support.consumer.ListItemConsumer;
import io.github.camelchatbots.support.consumer.StartFrom;
import io.github.camelchatbots.support.consumer.scan.ListScan;
import io.github.camelchatbots.support.consumer.scan.ScanOutcome;
import io.github.camelchatbots.support.consumer.scan.ScanPosition;
import org.apache.camel.Processor;

/**
 * Delivers each new message of one chat as an {@link EbbotMessage}. Ebbot gives messages no ids but transcripts only
 * grow at the end, so a message ranks by its place in the transcript: one request reads every new message.
 */
public class EbbotChatMessagesConsumer extends ListItemConsumer<EbbotMessage> {

    private final EbbotEndpoint endpoint;
    private final String chatId;

    public EbbotChatMessagesConsumer(EbbotEndpoint endpoint, Processor processor) {
        super(endpoint, processor, EbbotConstants.MESSAGE_ID, EbbotMessage.class);
        this.endpoint = endpoint;
        this.chatId = endpoint.getConfiguration().getChatId();
    }

    @Override
    protected String defaultCursorKey() {
        return endpoint.cursorKeyFor("transcript/" + chatId);
    }

    @Override
    protected ScanPosition startPosition(String partition, StartFrom startFrom, Instant firstStart) {
        if (startFrom.kind() == StartFrom.Kind.BEGINNING) {
            return ScanPosition.beginning();
        }
        Instant earliest = startFrom.earliest(firstStart);
        List<EbbotMessage> messages = endpoint.getClient().transcript(chatId).messages();
        int before = 0;
        while (before < messages.size() && (startFrom.kind() == StartFrom.Kind.NOW
                                            || messages.get(before).timestamp() != null
                                               && messages.get(before).timestamp().isBefore(earliest))) {
            before++;
        }
        return ScanPosition.before(before);
    }

    @Override
    protected ListScan<EbbotMessage> scan(String partition) {
        return (from, seen, sink, budget) -> {
            if (!budget.mayRequest()) {
                return new ScanOutcome(from, false, 0);
            }
            ScanPosition position = from;
            for (EbbotMessage message : endpoint.getClient().transcript(chatId).messages()) {
                seen.accept(message);
                if (position.covers(message.index(), message.messageId())) {
                    continue;
                }
                if (!sink.offer(message)) {
                    return new ScanOutcome(position, false, 1);
                }
                position = position.after(message.index(), message.messageId());
            }
            return new ScanOutcome(position, true, 1);
        };
    }

    @Override
    protected long rank(EbbotMessage message) {
        return message.index();
    }

    @Override
    protected String id(EbbotMessage message) {
        return message.messageId();
    }

    @Override
    protected Map<String, Object> headers(String partition, EbbotMessage message) {
        return Map.of(EbbotConstants.CHAT_ID, chatId);
    }
}
