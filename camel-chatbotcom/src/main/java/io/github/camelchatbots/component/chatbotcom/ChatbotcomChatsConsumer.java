package io.github.camelchatbots.component.chatbotcom;

import java.util.Map;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomChat;
import io.github.camelchatbots.support.consumer.ListItemConsumer;
import io.github.camelchatbots.support.consumer.scan.ListScan;
import io.github.camelchatbots.support.consumer.scan.NewestFirstBeforeScan;
import org.apache.camel.Processor;

/**
 * Delivers each ChatBot.com chat archive once, oldest first, as the list shows it (a {@link ChatbotcomChat} list
 * entry, as {@code chatbotcom:chats} returns them). For each finished chat with its messages, consume
 * {@code chatbotcom:chat}.
 */
public class ChatbotcomChatsConsumer extends ListItemConsumer<ChatbotcomChat> {

    private final ChatbotcomEndpoint endpoint;
    private NewestFirstBeforeScan<ChatbotcomChat> scan;

    public ChatbotcomChatsConsumer(ChatbotcomEndpoint endpoint, Processor processor) {
        super(endpoint, processor, ChatbotcomConstants.CHAT_ID, ChatbotcomChat.class);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        scan = ChatbotcomChatList.scan(endpoint);
        super.doStart();
    }

    @Override
    protected String defaultCursorKey() {
        return endpoint.cursorKeyFor("chats");
    }

    @Override
    protected ListScan<ChatbotcomChat> scan(String partition) {
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
    protected Map<String, Object> headers(String partition, ChatbotcomChat chat) {
        return chat.user() != null && chat.user().id() != null
                ? Map.of(ChatbotcomConstants.USER_ID, chat.user().id()) : Map.of();
    }
}
