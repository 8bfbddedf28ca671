package io.github.camelchatbots.component.chatbotcom;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.github.camelchatbots.component.chatbotcom.client.ChatbotcomClient;
import io.github.camelchatbots.component.chatbotcom.client.UserListing;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomCreateUser;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomQuery;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomQueryResponse;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomResult;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomSessionAttributes;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUpdateUser;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserFilter;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserPage;
import io.github.camelchatbots.support.Ids;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Makes the endpoint's ChatBot.com call once per exchange. Headers override the endpoint's options for that
 * exchange; a write takes its request from the body (the model record, a Map or JSON); the answer replaces the body.
 */
public class ChatbotcomProducer extends DefaultProducer {

    private static final ChatbotcomQuery NOTHING_SAID = new ChatbotcomQuery(null, null, null, null, null, null, null,
            null, null, null);

    private final ChatbotcomEndpoint endpoint;

    public ChatbotcomProducer(ChatbotcomEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        ChatbotcomConfiguration configuration = endpoint.getConfiguration();
        ChatbotcomClient client = endpoint.getClient();
        switch (endpoint.getOperation()) {
            case createUser -> {
                ChatbotcomResult result = client.createUser(body(message, ChatbotcomCreateUser.class));
                message.setHeader(ChatbotcomConstants.ID, result.id());
                message.setBody(result);
            }
            case users -> {
                ChatbotcomUserPage page = client.users(listing(message, configuration));
                message.setHeader(ChatbotcomConstants.COUNT, page.count());
                message.setBody(page);
            }
            case user -> message.setBody(client.user(userId(message, configuration)));
            case updateUser -> message.setBody(client.updateUser(userId(message, configuration),
                    body(message, ChatbotcomUpdateUser.class)));
            case banUser -> message.setBody(client.banUser(userId(message, configuration),
                    message.getHeader(ChatbotcomConstants.BANNED, configuration.isBanned(), Boolean.class)));
            case updateSessionAttributes -> {
                ChatbotcomSessionAttributes update = body(message, ChatbotcomSessionAttributes.class);
                String sessionId = sessionId(message, update.sessionId(), configuration);
                message.setBody(client.updateSessionAttributes(configuration.getSessionAttributesPath(),
                        new ChatbotcomSessionAttributes(sessionId, update.attributes())));
            }
            case query -> {
                ChatbotcomQueryResponse response = client.query(query(message, configuration));
                message.setHeader(ChatbotcomConstants.SESSION_ID, response.sessionId());
                message.setHeader(ChatbotcomConstants.INTERACTION, response.interactionName());
                message.setBody(response);
            }
            case chats -> message.setBody(client.chats(chatsAfter(message, configuration)));
            case chat -> message.setBody(client.chat(Ids.check("ChatBot.com", "chatId", required(message,
                    ChatbotcomConstants.CHAT_ID, configuration.getChatId(), "chatId"))));
            case segments -> message.setBody(client.segments());
            case stories -> message.setBody(client.stories());
            case webhook -> throw new IllegalStateException("chatbotcom:webhook has no producer");
        }
    }

    /**
     * The turn to send. A {@link ChatbotcomQuery}, a Map or a JSON object is the request itself; any other body is
     * the user's text, unless a trigger or goto is given by header or option. Headers win over the body, the body
     * over the options.
     */
    private ChatbotcomQuery query(Message message, ChatbotcomConfiguration configuration) {
        @SuppressWarnings("unchecked")
        ChatbotcomQuery headers = new ChatbotcomQuery(message.getHeader(ChatbotcomConstants.SESSION_ID, String.class),
                null, message.getHeader(ChatbotcomConstants.TRIGGER, String.class),
                message.getHeader(ChatbotcomConstants.GOTO, String.class),
                message.getHeader(ChatbotcomConstants.CONFIDENCE, Double.class),
                message.getHeader(ChatbotcomConstants.LIFESPAN, Integer.class),
                message.getHeader(ChatbotcomConstants.RESET, Boolean.class),
                message.getHeader(ChatbotcomConstants.STORY_ID, String.class),
                message.getHeader(ChatbotcomConstants.PARAMETERS, Map.class),
                message.getHeader(ChatbotcomConstants.DEBUG, Boolean.class));
        ChatbotcomQuery options = new ChatbotcomQuery(configuration.getSessionId(), null,
                configuration.getTrigger(), null, configuration.getConfidence(), configuration.getLifespan(),
                configuration.getReset(), configuration.getStoryId(), null, configuration.getDebug());
        Object body = message.getBody();
        ChatbotcomQuery fromBody;
        if (body instanceof ChatbotcomQuery || body instanceof Map<?, ?>) {
            fromBody = body(message, ChatbotcomQuery.class);
        } else {
            String text = message.getBody(String.class);
            ChatbotcomQuery json = jsonQuery(text);
            // with a trigger configured, a text body is not something the user said
            fromBody = json != null ? json : configuration.getTrigger() != null ? NOTHING_SAID
                    : ChatbotcomQuery.text(null, text);
        }
        return headers.orElse(fromBody).orElse(options);
    }

    private UserListing listing(Message message, ChatbotcomConfiguration configuration) {
        Object filters = message.getHeader(ChatbotcomConstants.FILTERS);
        List<ChatbotcomUserFilter> conditions;
        if (filters == null) {
            conditions = endpoint.filters();
        } else if (filters instanceof List<?> list) {
            conditions = list.stream().map(item -> item instanceof ChatbotcomUserFilter filter ? filter
                    : ChatbotJson.mapper().convertValue(item, ChatbotcomUserFilter.class)).toList();
        } else {
            conditions = ChatbotcomUserFilter.parseAll(filters.toString());
        }
        return new UserListing(message.getHeader(ChatbotcomConstants.LIMIT, configuration.getLimit(), Integer.class),
                message.getHeader(ChatbotcomConstants.AFTER, configuration.getAfter(), String.class),
                message.getHeader(ChatbotcomConstants.SORT_FIELD, configuration.getSortField(), String.class),
                message.getHeader(ChatbotcomConstants.SORT_ORDER, configuration.getSortOrder(), String.class),
                message.getHeader(ChatbotcomConstants.MATCH, configuration.getMatch(), String.class), conditions);
    }

    private static Long chatsAfter(Message message, ChatbotcomConfiguration configuration) {
        String after = message.getHeader(ChatbotcomConstants.AFTER, configuration.getAfter(), String.class);
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(after.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ChatBot.com: after must be epoch milliseconds for chats (the createdAt"
                                               + " of the last chat of the previous page), not '" + after + "'", e);
        }
    }

    private static String sessionId(Message message, String fromBody, ChatbotcomConfiguration configuration) {
        String header = message.getHeader(ChatbotcomConstants.SESSION_ID, String.class);
        return header != null ? header : fromBody != null ? fromBody : configuration.getSessionId();
    }

    private static String userId(Message message, ChatbotcomConfiguration configuration) {
        return Ids.check("ChatBot.com", "id", required(message, ChatbotcomConstants.ID, configuration.getId(), "id"));
    }

    /** The query a JSON object in the body describes, or null when the body is not one: then it is the user's text. */
    private static ChatbotcomQuery jsonQuery(String body) {
        if (body == null || !body.trim().startsWith("{")) {
            return null;
        }
        try {
            return ChatbotJson.mapper().readValue(body, ChatbotcomQuery.class);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** The request in the body: the record itself, or a Map or JSON text of its fields. */
    private <T> T body(Message message, Class<T> type) {
        Object body = message.getBody();
        if (type.isInstance(body)) {
            return type.cast(body);
        }
        String operation = "chatbotcom:" + endpoint.getOperation();
        if (body == null) {
            throw new IllegalArgumentException(operation + " needs its request as the body (a " + type.getSimpleName()
                                               + ", a Map or JSON), but the body is empty");
        }
        try {
            if (body instanceof Map<?, ?> map) {
                return ChatbotJson.mapper().convertValue(map, type);
            }
            return ChatbotJson.mapper().readValue(message.getBody(String.class), type);
        } catch (Exception e) {
            throw new IllegalArgumentException(operation + " cannot read its request from the body: expected a "
                                               + type.getSimpleName() + ", a Map or JSON of its fields ("
                                               + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    private static String required(Message message, String header, String option, String optionName) {
        String value = message.getHeader(header, option, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ChatBot.com: " + optionName + " is required: set the " + optionName
                                               + " option or the " + header + " header");
        }
        return value;
    }
}
