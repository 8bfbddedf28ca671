package io.github.camelchatbots.component.chatbotcom;

import org.apache.camel.spi.Metadata;

/** Message headers of the ChatBot.com component: set by its consumers, read by its producers to override options. */
public final class ChatbotcomConstants {

    @Metadata(description = "The session of a conversation. Overrides the sessionId option of query and"
                            + " updateSessionAttributes.",
              javaType = "String")
    public static final String SESSION_ID = "CamelChatbotcomSessionId";

    @Metadata(description = "A chat archive's id. Overrides the chatId option of chat; set by the chats and webhook"
                            + " consumers.",
              javaType = "String")
    public static final String CHAT_ID = "CamelChatbotcomChatId";

    @Metadata(description = "ChatBot.com's id of a user (the id of its user records). Overrides the userId option of user,"
                            + " updateUser and banUser; set by createUser to the new user's id, by the users consumer,"
                            + " and by the chats, chat and webhook consumers to the user the chat or event is about.",
              javaType = "String")
    public static final String USER_ID = "CamelChatbotcomUserId";

    @Metadata(label = "consumer", description = "The id of the webhook block a webhook event came from.",
              javaType = "String")
    public static final String NODE_ID = "CamelChatbotcomNodeId";

    @Metadata(label = "producer", description = "Overrides the after option of users and chats.", javaType = "String")
    public static final String AFTER = "CamelChatbotcomAfter";

    @Metadata(label = "producer", description = "Overrides the limit option of users.", javaType = "Integer")
    public static final String LIMIT = "CamelChatbotcomLimit";

    @Metadata(label = "producer", description = "Overrides the sortField option of users.", javaType = "String")
    public static final String SORT_FIELD = "CamelChatbotcomSortField";

    @Metadata(label = "producer", description = "Overrides the sortOrder option of users.", javaType = "String")
    public static final String SORT_ORDER = "CamelChatbotcomSortOrder";

    @Metadata(label = "producer", description = "Overrides the match option of users.", javaType = "String")
    public static final String MATCH = "CamelChatbotcomMatch";

    @Metadata(label = "producer", description = "Overrides the filters option of users: a List of ChatbotcomUserFilter,"
                                                + " or text in the option's form.",
              javaType = "Object")
    public static final String FILTERS = "CamelChatbotcomFilters";

    @Metadata(label = "producer", description = "The count ChatBot.com gave with a users page.", javaType = "Integer")
    public static final String COUNT = "CamelChatbotcomCount";

    @Metadata(label = "producer", description = "Overrides the banned option of banUser.", javaType = "Boolean")
    public static final String BANNED = "CamelChatbotcomBanned";

    @Metadata(label = "producer", description = "Overrides the trigger option of query.", javaType = "String")
    public static final String TRIGGER = "CamelChatbotcomTrigger";

    @Metadata(label = "producer", description = "The id of an interaction for query to jump to (the goto field).",
              javaType = "String")
    public static final String GOTO = "CamelChatbotcomGoto";

    @Metadata(label = "producer", description = "Overrides the confidence option of query.", javaType = "Double")
    public static final String CONFIDENCE = "CamelChatbotcomConfidence";

    @Metadata(label = "producer", description = "Overrides the lifespan option of query.", javaType = "Integer")
    public static final String LIFESPAN = "CamelChatbotcomLifespan";

    @Metadata(label = "producer", description = "Overrides the storyId option of query.", javaType = "String")
    public static final String STORY_ID = "CamelChatbotcomStoryId";

    @Metadata(label = "producer", description = "Overrides the reset option of query.", javaType = "Boolean")
    public static final String RESET = "CamelChatbotcomReset";

    @Metadata(label = "producer", description = "Overrides the debug option of query.", javaType = "Boolean")
    public static final String DEBUG = "CamelChatbotcomDebug";

    @Metadata(label = "producer", description = "Parameters for query, as a Map of attribute names to values.",
              javaType = "java.util.Map<String, String>")
    public static final String PARAMETERS = "CamelChatbotcomParameters";

    @Metadata(label = "producer", description = "After query, the name of the interaction that answered.",
              javaType = "String")
    public static final String INTERACTION = "CamelChatbotcomInteraction";

    private ChatbotcomConstants() {
    }
}
