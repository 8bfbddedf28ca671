package io.github.camelchatbots.component.chataibot;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.chataibot.ConversationMemory.Resolved;
import io.github.camelchatbots.component.chataibot.ConversationMemory.Visitor;
import io.github.camelchatbots.component.chataibot.client.ChataibotClient;
import io.github.camelchatbots.component.chataibot.model.ChataibotConversationStart;
import io.github.camelchatbots.component.chataibot.model.ChataibotMessage;
import io.github.camelchatbots.component.chataibot.model.ChataibotMessageSent;
import io.github.camelchatbots.component.chataibot.model.ChataibotReply;
import io.github.camelchatbots.component.chataibot.model.ChataibotUploadedSources;
import io.github.camelchatbots.component.chataibot.model.ChataibotVariables;
import io.github.camelchatbots.support.Ids;
import io.github.camelchatbots.support.Texts;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import io.github.camelchatbots.support.json.ChatbotJson;
import io.github.camelchatbots.support.producer.ChatbotProducer;
import io.github.camelchatbots.support.producer.ExchangeValues;
import org.apache.camel.Message;

/**
 * Makes the endpoint's ChatAIBot call once per exchange. The visitor's message comes from the body: text, a
 * {@link ChataibotMessage}, or a Map or JSON object with a {@code message} (text or a message) and, for a start,
 * {@code variables}.
 */
public class ChataibotProducer extends ChatbotProducer<ChataibotEndpoint> {

    private static final String VENDOR = "ChatAIBot";

    public ChataibotProducer(ChataibotEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected Object call(ExchangeValues values) {
        ChataibotConfiguration configuration = getEndpoint().getConfiguration();
        ChataibotClient client = getEndpoint().getClient();
        return switch (getEndpoint().getOperation()) {
            case startConversation -> startConversation(values, configuration, client);
            case sendMessage -> sendMessage(values, configuration, client);
            case uploadSources -> {
                String knowledgeBaseId = Ids.check(VENDOR, "knowledgeBaseId", values.requiredText("knowledgeBaseId",
                        ChataibotConstants.KNOWLEDGE_BASE_ID, null, configuration.getKnowledgeBaseId()));
                ChataibotUploadedSources uploaded = client.uploadSources(knowledgeBaseId,
                        SourceParts.of(values.message(), configuration.getSourceField()));
                values.message().setHeader(ChataibotConstants.SOURCE_IDS, uploaded.sourceIds());
                yield uploaded;
            }
            case sourceStatus -> client.sourceStatus(sourceIds(values, configuration));
            case replies -> throw new IllegalStateException("chataibot:replies has no producer");
        };
    }

    private ChataibotConversationStart startConversation(ExchangeValues values, ChataibotConfiguration configuration,
                                                         ChataibotClient client) {
        String botKey = botKey(values, configuration);
        String visitor = Ids.check(VENDOR, "userExternalId", values.requiredText("userExternalId",
                ChataibotConstants.USER_EXTERNAL_ID, "user_external_id", configuration.getUserExternalId()));
        ChataibotMessage message = visitorMessage(values, configuration);
        ChataibotVariables variables = variables(values, configuration);
        ConversationMemory memory = getEndpoint().getMemory();
        ChataibotConversationStart started = memory.starting(() -> {
            ChataibotConversationStart answer = client.startConversation(botKey, visitor, message, variables);
            memory.remember(botKey, visitor, answer.conversationId());
            return answer;
        });
        Message out = values.message();
        out.setHeader(ChataibotConstants.CONVERSATION_ID, started.conversationId());
        out.setHeader(ChataibotConstants.CONVERSATION_STARTED, true);
        setOrRemove(out, ChataibotConstants.VISITOR_KEY, started.visitorKey());
        out.removeHeader(ChataibotConstants.MESSAGE_ID);
        return started;
    }

    private ChataibotMessageSent sendMessage(ExchangeValues values, ChataibotConfiguration configuration,
                                             ChataibotClient client) {
        ChataibotMessage message = visitorMessage(values, configuration);
        String conversationId = values.text(ChataibotConstants.CONVERSATION_ID, "conversation_id",
                configuration.getConversationId());
        Visitor visitor = null;
        ChataibotMessageSent sent;
        if (conversationId != null) {
            sent = client.sendMessage(Ids.check(VENDOR, "conversationId", conversationId), message);
        } else {
            String userExternalId = values.text(ChataibotConstants.USER_EXTERNAL_ID, "user_external_id",
                    configuration.getUserExternalId());
            if (userExternalId == null) {
                throw new IllegalArgumentException(VENDOR + ": chataibot:sendMessage needs the conversation: set the "
                                                   + ChataibotConstants.CONVERSATION_ID + " header, a"
                                                   + " 'conversation_id' field in the body or the conversationId"
                                                   + " option; or name the visitor (the "
                                                   + ChataibotConstants.USER_EXTERNAL_ID + " header, a"
                                                   + " 'user_external_id' field or the userExternalId option, with"
                                                   + " botKey) to continue their conversation or start one");
            }
            visitor = new Visitor(botKey(values, configuration),
                    Ids.check(VENDOR, "userExternalId", userExternalId));
            sent = sendAsVisitor(visitor, message, values, configuration, client);
        }
        Message out = values.message();
        out.setHeader(ChataibotConstants.CONVERSATION_ID, sent.conversationId());
        out.setHeader(ChataibotConstants.CONVERSATION_STARTED, sent.startedConversation());
        setOrRemove(out, ChataibotConstants.MESSAGE_ID, sent.messageId());
        setOrRemove(out, ChataibotConstants.VISITOR_KEY, sent.start() != null ? sent.start().visitorKey() : null);
        if (configuration.isDeliverReplies() && !sent.replies().isEmpty()) {
            for (ChataibotRepliesConsumer consumer : getEndpoint().getComponent().getRepliesConsumers()) {
                for (ChataibotReply reply : sent.replies()) {
                    consumer.deliverFromAnswer(reply, visitor);
                }
            }
        }
        return sent;
    }

    /**
     * The message into the visitor's conversation with the bot, starting one with it when none is remembered, or
     * when ChatAIBot no longer knows the remembered one (it answers 404 and has not taken the message).
     */
    private ChataibotMessageSent sendAsVisitor(Visitor visitor, ChataibotMessage message, ExchangeValues values,
                                               ChataibotConfiguration configuration, ChataibotClient client) {
        ConversationMemory memory = getEndpoint().getMemory();
        ChataibotConversationStart[] start = new ChataibotConversationStart[1];
        ChataibotVariables variables = variables(values, configuration);
        String stale = null;
        while (true) {
            Resolved conversation = memory.resolve(visitor.botKey(), visitor.userExternalId(), stale, () -> {
                start[0] = client.startConversation(visitor.botKey(), visitor.userExternalId(), message, variables);
                return start[0].conversationId();
            });
            if (conversation.started()) {
                return new ChataibotMessageSent(conversation.conversationId(), null, List.of(), start[0]);
            }
            try {
                return client.sendMessage(conversation.conversationId(), message);
            } catch (ChatbotNotFoundException gone) {
                if (conversation.conversationId().equals(stale)) {
                    throw gone;
                }
                stale = conversation.conversationId();
            }
        }
    }

    private static String botKey(ExchangeValues values, ChataibotConfiguration configuration) {
        return Ids.check(VENDOR, "botKey", values.requiredText("botKey", ChataibotConstants.BOT_KEY, "bot_key",
                configuration.getBotKey()));
    }

    /**
     * The visitor's message: a {@link ChataibotMessage} body, the {@code message} of an object body (text or a
     * message), an object body that is a message itself, or text, whose type is the messageType.
     */
    private ChataibotMessage visitorMessage(ExchangeValues values, ChataibotConfiguration configuration) {
        String operation = getEndpoint().getOperationUri();
        String type = values.text(ChataibotConstants.MESSAGE_TYPE, null, configuration.getMessageType());
        Object body = values.message().getBody();
        ChataibotMessage message;
        if (body instanceof ChataibotMessage given) {
            message = given;
        } else {
            JsonNode object = values.bodyObject();
            if (object == null) {
                String text = values.message().getBody(String.class);
                message = text == null || text.isBlank() ? null : ChataibotMessage.of(type, text);
            } else {
                JsonNode field = object.get("message");
                if (field != null && field.isTextual()) {
                    message = field.asText().isBlank() ? null : ChataibotMessage.of(type, field.asText());
                } else if (field != null && field.isObject()) {
                    message = read(field, "the body's 'message'");
                } else if (object.has("data")) {
                    message = read(object, "the body");
                } else {
                    message = null;
                }
            }
        }
        if (message == null) {
            throw new IllegalArgumentException(VENDOR + ": " + operation + " needs the"
                                               + " visitor's message as the body: text, a ChataibotMessage, or a Map"
                                               + " or JSON object with a 'message'");
        }
        if (message.type() == null || message.type().isBlank()) {
            message = new ChataibotMessage(type, message.data());
        }
        if (message.data() == null
            || ChataibotMessage.TEXT.equals(message.type()) && (message.text() == null || message.text().isBlank())) {
            throw new IllegalArgumentException(VENDOR + ": a " + message.type() + " message needs its text in"
                                               + " data.body");
        }
        return message;
    }

    private static ChataibotMessage read(JsonNode node, String what) {
        try {
            return ChatbotJson.mapper().treeToValue(node, ChataibotMessage.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(VENDOR + ": " + what + " is no message ({\"type\":\"text\",\"data\":"
                                               + "{\"body\":\"...\"}}): " + e.getMessage(), e);
        }
    }

    /** From the header, the body's {@code variables}, or the option. */
    private static ChataibotVariables variables(ExchangeValues values, ChataibotConfiguration configuration) {
        Object header = values.header(ChataibotConstants.VARIABLES, Object.class);
        if (header instanceof ChataibotVariables variables) {
            return variables;
        }
        if (header != null) {
            return convert(header, "header " + ChataibotConstants.VARIABLES);
        }
        JsonNode object = values.bodyObject();
        JsonNode field = object == null ? null : object.get("variables");
        if (field != null && !field.isNull()) {
            return convert(field, "body field 'variables'");
        }
        return configuration.getVariables();
    }

    private static ChataibotVariables convert(Object value, String source) {
        try {
            if (value instanceof CharSequence text) {
                return ChatbotJson.mapper().readValue(text.toString(), ChataibotVariables.class);
            }
            return ChatbotJson.mapper().convertValue(value, ChataibotVariables.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(VENDOR + ": " + source + " must be variables ({\"system\":{...},"
                                               + "\"contact\":{...},\"conversation\":{...}}), not "
                                               + Texts.quote(value), e);
        }
    }

    private static List<Long> sourceIds(ExchangeValues values, ChataibotConfiguration configuration) {
        Object header = values.header(ChataibotConstants.SOURCE_IDS, Object.class);
        String headerSource = "header " + ChataibotConstants.SOURCE_IDS;
        if (header instanceof Collection<?> ids) {
            return SourceIds.of(headerSource, ids, header);
        }
        if (header != null && !header.toString().isBlank()) {
            return SourceIds.parse(headerSource, header.toString());
        }
        JsonNode object = values.bodyObject();
        JsonNode field = object == null ? null : object.get("source_ids");
        if (field != null && field.isArray()) {
            List<Object> ids = new java.util.ArrayList<>();
            field.forEach(id -> ids.add(id.isNumber() ? id.numberValue() : id.asText()));
            return SourceIds.of("body field 'source_ids'", ids, field);
        }
        if (field != null && field.isValueNode()) {
            return SourceIds.parse("body field 'source_ids'", field.asText());
        }
        if (configuration.getSourceIds() != null) {
            return SourceIds.parse("option sourceIds", configuration.getSourceIds());
        }
        throw new IllegalArgumentException(VENDOR + ": chataibot:sourceStatus needs sourceIds: set the "
                                           + ChataibotConstants.SOURCE_IDS + " header, a 'source_ids' field in the"
                                           + " body or the sourceIds option");
    }

    private static void setOrRemove(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }
}
