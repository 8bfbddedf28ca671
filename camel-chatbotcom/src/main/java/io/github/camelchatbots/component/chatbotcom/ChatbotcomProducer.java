package io.github.camelchatbots.component.chatbotcom;

import java.util.List;
import java.util.Map;

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
import io.github.camelchatbots.support.Texts;
import io.github.camelchatbots.support.json.ChatbotJson;
import io.github.camelchatbots.support.producer.ChatbotProducer;
import io.github.camelchatbots.support.producer.ExchangeValues;

/** Makes the endpoint's ChatBot.com call once per exchange; a write takes its request from the body. */
public class ChatbotcomProducer extends ChatbotProducer<ChatbotcomEndpoint> {

    private static final String VENDOR = "ChatBot.com";

    public ChatbotcomProducer(ChatbotcomEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected Object call(ExchangeValues values) {
        ChatbotcomConfiguration configuration = getEndpoint().getConfiguration();
        ChatbotcomClient client = getEndpoint().getClient();
        return switch (getEndpoint().getOperation()) {
            case createUser -> {
                ChatbotcomResult result = client.createUser(values.requiredBodyAs(ChatbotcomCreateUser.class));
                values.message().setHeader(ChatbotcomConstants.USER_ID, result.id());
                yield result;
            }
            case users -> {
                ChatbotcomUserPage page = client.users(listing(values, configuration));
                values.message().setHeader(ChatbotcomConstants.COUNT, page.count());
                yield page;
            }
            case user -> client.user(userId(values, configuration));
            case updateUser -> client.updateUser(userId(values, configuration),
                    values.requiredBodyAs(ChatbotcomUpdateUser.class));
            case banUser -> client.banUser(userId(values, configuration),
                    values.bool("banned", ChatbotcomConstants.BANNED, "banned", configuration.isBanned()));
            case updateSessionAttributes -> {
                ChatbotcomSessionAttributes update = values.requiredBodyAs(ChatbotcomSessionAttributes.class);
                String sessionId = values.text(ChatbotcomConstants.SESSION_ID, "sessionId",
                        configuration.getSessionId());
                yield client.updateSessionAttributes(configuration.getSessionAttributesPath(),
                        new ChatbotcomSessionAttributes(sessionId, update.attributes()));
            }
            case query -> {
                ChatbotcomQueryResponse response = client.query(query(values, configuration));
                values.message().setHeader(ChatbotcomConstants.SESSION_ID, response.sessionId());
                values.message().setHeader(ChatbotcomConstants.INTERACTION, response.interactionName());
                yield response;
            }
            case chats -> client.chats(chatsAfter(values, configuration));
            case chat -> client.chat(Ids.check(VENDOR, "chatId", values.requiredText("chatId",
                    ChatbotcomConstants.CHAT_ID, "chatId", configuration.getChatId())));
            case segments -> client.segments();
            case stories -> client.stories();
            case webhook -> throw new IllegalStateException("chatbotcom:webhook has no producer");
        };
    }

    /**
     * The turn to send: a {@link ChatbotcomQuery}, a Map or a JSON object is the request itself; any other body is
     * what the user says, unless a trigger or goto is given. Each field comes from header, body, option.
     */
    private static ChatbotcomQuery query(ExchangeValues values, ChatbotcomConfiguration configuration) {
        ChatbotcomQuery body = values.bodyAs(ChatbotcomQuery.class);
        String trigger = values.header(ChatbotcomConstants.TRIGGER, String.class);
        String goTo = values.header(ChatbotcomConstants.GOTO, String.class);
        String said = null;
        if (trigger == null && goTo == null) {
            if (body != null && (body.query() != null || body.trigger() != null || body.goTo() != null)) {
                said = body.query();
                trigger = body.trigger();
                goTo = body.goTo();
            } else if (body == null && configuration.getTrigger() == null) {
                said = values.message().getBody(String.class);
            } else {
                // with a trigger configured, a text body is not something the user said
                trigger = configuration.getTrigger();
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, String> parameters = values.header(ChatbotcomConstants.PARAMETERS, Map.class);
        if (parameters == null && body != null) {
            parameters = body.parameters();
        }
        return new ChatbotcomQuery(
                values.text(ChatbotcomConstants.SESSION_ID, "sessionId", configuration.getSessionId()),
                said, trigger, goTo,
                values.decimal("confidence", ChatbotcomConstants.CONFIDENCE, "confidence",
                        configuration.getConfidence()),
                values.integer("lifespan", ChatbotcomConstants.LIFESPAN, "lifespan", configuration.getLifespan(),
                        Integer.MIN_VALUE),
                values.bool("reset", ChatbotcomConstants.RESET, "reset", configuration.getReset()),
                values.text(ChatbotcomConstants.STORY_ID, "storyId", configuration.getStoryId()),
                parameters,
                values.bool("debug", ChatbotcomConstants.DEBUG, "debug", configuration.getDebug()));
    }

    private UserListing listing(ExchangeValues values, ChatbotcomConfiguration configuration) {
        Object filters = values.header(ChatbotcomConstants.FILTERS, Object.class);
        List<ChatbotcomUserFilter> conditions;
        if (filters == null) {
            conditions = getEndpoint().filters();
        } else if (filters instanceof List<?> list) {
            conditions = list.stream().map(item -> item instanceof ChatbotcomUserFilter filter ? filter
                    : ChatbotJson.mapper().convertValue(item, ChatbotcomUserFilter.class)).toList();
        } else {
            conditions = ChatbotcomUserFilter.parseAll(filters.toString());
        }
        return new UserListing(values.integer("limit", ChatbotcomConstants.LIMIT, "limit", configuration.getLimit(), 1),
                values.text(ChatbotcomConstants.AFTER, "after", configuration.getAfter()),
                values.text(ChatbotcomConstants.SORT_FIELD, "sortField", configuration.getSortField()),
                values.text(ChatbotcomConstants.SORT_ORDER, "sortOrder", configuration.getSortOrder()),
                values.text(ChatbotcomConstants.MATCH, "match", configuration.getMatch()), conditions);
    }

    private static Long chatsAfter(ExchangeValues values, ChatbotcomConfiguration configuration) {
        String after = values.text(ChatbotcomConstants.AFTER, "after", configuration.getAfter());
        if (after == null) {
            return null;
        }
        try {
            return Long.parseLong(after.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(VENDOR + ": after must be epoch milliseconds for chats (the createdAt"
                                               + " of the last chat of the previous page), not " + Texts.quote(after),
                    e);
        }
    }

    /** User ids are never taken from the body: a chat or user record there carries ids of other things. */
    private static String userId(ExchangeValues values, ChatbotcomConfiguration configuration) {
        return Ids.check(VENDOR, "userId", values.requiredText("userId", ChatbotcomConstants.USER_ID, null,
                configuration.getUserId()));
    }
}
