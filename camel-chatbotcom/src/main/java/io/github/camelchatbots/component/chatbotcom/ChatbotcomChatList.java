package io.github.camelchatbots.component.chatbotcom;

import java.time.Instant;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomChat;
import io.github.camelchatbots.support.consumer.scan.NewestFirstBeforeScan;

/** How ChatBot.com's consumers read its chat archives: newest first, before a creation time in epoch milliseconds. */
final class ChatbotcomChatList {

    /** ChatBot.com documents pages of the last 40 archives. */
    static final int PAGE_SIZE = 40;
    /** Before ChatBot.com existed: where the search for the oldest archives starts. */
    private static final long BEFORE_CHATBOTCOM = Instant.parse("2015-01-01T00:00:00Z").toEpochMilli();

    private ChatbotcomChatList() {
    }

    static NewestFirstBeforeScan<ChatbotcomChat> scan(ChatbotcomEndpoint endpoint) {
        return new NewestFirstBeforeScan<>(before -> endpoint.getClient().chats(before), ChatbotcomChatList::rank,
                ChatbotcomChat::id, PAGE_SIZE, BEFORE_CHATBOTCOM);
    }

    static long rank(ChatbotcomChat chat) {
        return chat.createdAt().toEpochMilli();
    }
}
