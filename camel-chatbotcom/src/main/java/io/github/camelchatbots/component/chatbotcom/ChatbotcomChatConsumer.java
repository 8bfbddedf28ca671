package io.github.camelchatbots.component.chatbotcom;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomChat;
import io.github.camelchatbots.support.consumer.EndedConversationConsumer;
import io.github.camelchatbots.support.consumer.scan.ListScan;
import io.github.camelchatbots.support.consumer.scan.NewestFirstBeforeScan;
import org.apache.camel.Processor;

/**
 * Delivers each ChatBot.com chat once it is over, with its messages (a {@link ChatbotcomChat} archive, as
 * {@code chatbotcom:chat} returns it): at once when the archive says {@code finished}, otherwise after
 * {@code quietPeriod} without activity.
 */
public class ChatbotcomChatConsumer extends EndedConversationConsumer<ChatbotcomChat, ChatbotcomChat> {

    private final ChatbotcomEndpoint endpoint;
    private NewestFirstBeforeScan<ChatbotcomChat> scan;

    public ChatbotcomChatConsumer(ChatbotcomEndpoint endpoint, Processor processor) {
        super(endpoint, processor, ChatbotcomConstants.CHAT_ID);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        scan = ChatbotcomChatList.scan(endpoint);
        super.doStart();
    }

    @Override
    protected String defaultCursorKey() {
        return endpoint.cursorKeyFor("chat");
    }

    @Override
    protected ListScan<ChatbotcomChat> listScan() {
        return scan::scan;
    }

    @Override
    protected long rank(ChatbotcomChat chat) {
        return ChatbotcomChatList.rank(chat);
    }

    @Override
    protected String id(ChatbotcomChat chat) {
        return chat.id();
    }

    @Override
    protected Instant listedActivity(ChatbotcomChat chat) {
        return chat.lastActivity();
    }

    @Override
    protected boolean listedFinished(ChatbotcomChat chat) {
        return Boolean.TRUE.equals(chat.finished());
    }

    @Override
    protected ChatbotcomChat fetch(String chatId) {
        return endpoint.getClient().chat(chatId);
    }

    @Override
    protected Instant activity(ChatbotcomChat archive) {
        return archive.lastActivity();
    }

    @Override
    protected boolean finished(ChatbotcomChat archive) {
        return Boolean.TRUE.equals(archive.finished());
    }

    @Override
    protected Map<String, Object> headers(ChatbotcomChat archive, JsonNode summary) {
        return archive.user() != null && archive.user().id() != null
                ? Map.of(ChatbotcomConstants.USER_ID, archive.user().id()) : Map.of();
    }

    @Override
    protected Duration quietPeriod() {
        return endpoint.quietPeriod();
    }
}
