package io.github.camelchatbots.component.ebbot;

import org.apache.camel.spi.Metadata;

/** Message headers of the Ebbot component: set by its consumers, read by its producers to override options. */
public final class EbbotConstants {

    @Metadata(description = "The chat id. Set on every consumer exchange; overrides the chatId option of a producer"
                            + " (transcript, sendMessage). After sendMessage, the chat the message went to.",
              javaType = "String")
    public static final String CHAT_ID = "CamelEbbotChatId";

    @Metadata(label = "consumer", description = "A stable id of one message, the chat id and the message's index"
                                                + " joined by #, set by the consumer"
                                                + " of one chat's messages: the key for an idempotent consumer.",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelEbbotMessageId";

    @Metadata(label = "consumer", description = "The chat's status when the transcript consumer delivered it"
                                                + " (e.g. closed or ongoing), when the chat list told it.",
              javaType = "String")
    public static final String CHAT_STATUS = "CamelEbbotChatStatus";

    @Metadata(label = "producer", description = "Overrides the page option of the chats producer.",
              javaType = "Integer")
    public static final String PAGE = "CamelEbbotPage";

    @Metadata(label = "producer", description = "Overrides the limit option of the chats producer.",
              javaType = "Integer")
    public static final String LIMIT = "CamelEbbotLimit";

    @Metadata(label = "producer", description = "Overrides the webhookId option of sendMessage.", javaType = "String")
    public static final String WEBHOOK_ID = "CamelEbbotWebhookId";

    @Metadata(label = "producer", description = "Overrides the messageType option of sendMessage.",
              javaType = "String")
    public static final String MESSAGE_TYPE = "CamelEbbotMessageType";

    @Metadata(label = "producer", description = "Ebbot's request id of the call the producer made, for support cases.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelEbbotRequestId";

    private EbbotConstants() {
    }
}
