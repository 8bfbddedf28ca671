package io.github.camelchatbots.component.ebbot;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.ebbot.model.EbbotChat;
import io.github.camelchatbots.component.ebbot.model.EbbotChatUser;
import io.github.camelchatbots.component.ebbot.model.EbbotTranscript;
import io.github.camelchatbots.support.consumer.EndedConversationConsumer;
import io.github.camelchatbots.support.consumer.scan.ListScan;
import io.github.camelchatbots.support.consumer.scan.NewestFirstPagedScan;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.camel.Processor;

/**
 * Delivers each chat's complete transcript once the chat has ended ({@link EbbotTranscript}, as
 * {@code ebbot:transcript} returns it, with the chat as listed): at once when the list shows it in one of
 * {@code closedStatuses}, otherwise once {@code quietPeriod} has passed without a message.
 */
public class EbbotTranscriptsConsumer extends EndedConversationConsumer<EbbotChat, EbbotTranscript> {

    private final EbbotEndpoint endpoint;
    private final Set<String> closedStatuses;
    private NewestFirstPagedScan<EbbotChat> scan;

    public EbbotTranscriptsConsumer(EbbotEndpoint endpoint, Processor processor) {
        super(endpoint, processor, EbbotConstants.CHAT_ID);
        this.endpoint = endpoint;
        this.closedStatuses = Arrays.stream(endpoint.getConfiguration().getClosedStatuses().split(","))
                .map(String::trim).filter(status -> !status.isEmpty()).collect(Collectors.toSet());
    }

    @Override
    protected void doStart() throws Exception {
        scan = EbbotChatList.scan(endpoint);
        super.doStart();
    }

    @Override
    protected String defaultCursorKey() {
        return endpoint.cursorKeyFor("transcript");
    }

    @Override
    protected ListScan<EbbotChat> listScan() {
        return scan::scan;
    }

    @Override
    protected long rank(EbbotChat chat) {
        return EbbotChatList.rank(chat);
    }

    @Override
    protected String id(EbbotChat chat) {
        return chat.id();
    }

    @Override
    protected Instant listedActivity(EbbotChat chat) {
        return chat.lastActivity();
    }

    @Override
    protected boolean listedFinished(EbbotChat chat) {
        return chat.status() != null && closedStatuses.contains(chat.status());
    }

    /** Whose chat it is and its status, so that a transcript delivered after a restart still says so. */
    @Override
    protected JsonNode summary(EbbotChat chat) {
        EbbotChatUser user = chat.chatUser() != null ? new EbbotChatUser(chat.chatUser().id(), null,
                chat.chatUser().info()) : null;
        EbbotChat kept = new EbbotChat(chat.id(), chat.botId(), chat.companyId(), chat.name(), chat.integrationType(),
                chat.type(), chat.status(), chat.statusTimestamp(), chat.chatUserId(), chat.handledBy(),
                chat.userId(), null, chat.language(), chat.createdAt(), chat.updatedAt(), user);
        return ChatbotJson.mapper().valueToTree(kept);
    }

    @Override
    protected EbbotTranscript fetch(String chatId) {
        return endpoint.getClient().transcript(chatId);
    }

    @Override
    protected Instant activity(EbbotTranscript transcript) {
        return transcript.lastMessageTime();
    }

    @Override
    protected Object body(EbbotTranscript transcript, JsonNode summary) {
        return transcript.withChat(chat(transcript.chatId(), summary));
    }

    @Override
    protected Map<String, Object> headers(EbbotTranscript transcript, JsonNode summary) {
        EbbotChat chat = chat(transcript.chatId(), summary);
        return chat.status() != null ? Map.of(EbbotConstants.CHAT_STATUS, chat.status()) : Map.of();
    }

    private static EbbotChat chat(String chatId, JsonNode summary) {
        if (summary == null || summary.isNull()) {
            return EbbotChat.ofId(chatId);
        }
        try {
            return ChatbotJson.mapper().treeToValue(summary, EbbotChat.class);
        } catch (JsonProcessingException e) {
            // the summary is this class's own writing; an older one reads as the id alone
            return EbbotChat.ofId(chatId);
        }
    }

    @Override
    protected Duration quietPeriod() {
        return endpoint.quietPeriod();
    }
}
