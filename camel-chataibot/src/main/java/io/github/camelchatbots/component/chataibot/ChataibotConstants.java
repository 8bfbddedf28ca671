package io.github.camelchatbots.component.chataibot;

import org.apache.camel.spi.Metadata;

/** Message headers of the ChatAIBot component: set by its producers and consumer, read by its producers. */
public final class ChataibotConstants {

    @Metadata(description = "The conversation. Overrides the conversationId option of sendMessage; set by"
                            + " startConversation and sendMessage to the conversation used, and by the replies"
                            + " consumer to the reply's.",
              javaType = "String")
    public static final String CONVERSATION_ID = "CamelChataibotConversationId";

    @Metadata(description = "The visitor's own id (user_external_id). Overrides the userExternalId option of"
                            + " startConversation and sendMessage; set by the replies consumer when the component"
                            + " remembers whose the reply's conversation is.",
              javaType = "String")
    public static final String USER_EXTERNAL_ID = "CamelChataibotUserExternalId";

    @Metadata(description = "The bot (bot_key). Overrides the botKey option of startConversation and sendMessage;"
                            + " set by the replies consumer when the component remembers whose the reply's"
                            + " conversation is.",
              javaType = "String")
    public static final String BOT_KEY = "CamelChataibotBotKey";

    @Metadata(description = "ChatAIBot's id of a message: set by sendMessage to the visitor's message's message_id"
                            + " (absent when the message started the conversation), and by the replies consumer to"
                            + " the reply's, a key for idempotentConsumer.",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelChataibotMessageId";

    @Metadata(label = "producer", description = "Set by startConversation (always true) and sendMessage: whether the"
                                                + " message started a new conversation.",
              javaType = "Boolean")
    public static final String CONVERSATION_STARTED = "CamelChataibotConversationStarted";

    @Metadata(label = "producer", description = "Set by startConversation, and by sendMessage when it started the"
                                                + " conversation: ChatAIBot's visitor_key of the visitor.",
              javaType = "String")
    public static final String VISITOR_KEY = "CamelChataibotVisitorKey";

    @Metadata(label = "producer", description = "Overrides the messageType option.", javaType = "String")
    public static final String MESSAGE_TYPE = "CamelChataibotMessageType";

    @Metadata(label = "producer", description = "The variables of a conversation start (a ChataibotVariables, or a Map"
                                                + " of system, contact and conversation). Overrides the variables"
                                                + " option.",
              javaType = "io.github.camelchatbots.component.chataibot.model.ChataibotVariables")
    public static final String VARIABLES = "CamelChataibotVariables";

    @Metadata(label = "producer", description = "Overrides the knowledgeBaseId option of uploadSources.",
              javaType = "String")
    public static final String KNOWLEDGE_BASE_ID = "CamelChataibotKnowledgeBaseId";

    @Metadata(label = "producer", description = "The source ids sourceStatus asks for (a List of numbers, or text"
                                                + " separated by commas); overrides the sourceIds option. Set by"
                                                + " uploadSources to the ids of the sources it created.",
              javaType = "java.util.List<Long>")
    public static final String SOURCE_IDS = "CamelChataibotSourceIds";

    @Metadata(label = "consumer", description = "How a reply reached the replies consumer: webhook (ChatAIBot posted"
                                                + " it) or answer (it came back in a sendMessage answer).",
              javaType = "String")
    public static final String REPLY_DELIVERY = "CamelChataibotReplyDelivery";

    /** {@link #REPLY_DELIVERY} of a reply ChatAIBot posted to the webhook. */
    public static final String DELIVERED_BY_WEBHOOK = "webhook";
    /** {@link #REPLY_DELIVERY} of a reply that came in a sendMessage answer. */
    public static final String DELIVERED_IN_ANSWER = "answer";

    private ChataibotConstants() {
    }
}
