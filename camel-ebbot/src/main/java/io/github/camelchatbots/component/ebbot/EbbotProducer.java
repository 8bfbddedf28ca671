package io.github.camelchatbots.component.ebbot;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelchatbots.component.ebbot.client.EbbotClient;
import io.github.camelchatbots.component.ebbot.model.EbbotMessageRequest;
import io.github.camelchatbots.component.ebbot.model.EbbotMessageResponse;
import io.github.camelchatbots.component.ebbot.model.EbbotTranscript;
import io.github.camelchatbots.support.Ids;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Makes the endpoint's Ebbot call once per exchange. Headers override the endpoint's options for that exchange;
 * the answer replaces the body.
 */
public class EbbotProducer extends DefaultProducer {

    private final EbbotEndpoint endpoint;

    public EbbotProducer(EbbotEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        EbbotConfiguration configuration = endpoint.getConfiguration();
        EbbotClient client = endpoint.getClient();
        switch (endpoint.getOperation()) {
            case chats -> {
                int page = positive(message, EbbotConstants.PAGE, configuration.getPage());
                int limit = positive(message, EbbotConstants.LIMIT, configuration.getLimit());
                message.setBody(client.chats(page, limit));
            }
            case transcript -> {
                String chatId = Ids.check("Ebbot", "chatId", required(message, EbbotConstants.CHAT_ID,
                        configuration.getChatId(), "chatId"));
                EbbotTranscript transcript = client.transcript(chatId);
                message.setHeader(EbbotConstants.REQUEST_ID, transcript.requestId());
                message.setBody(transcript);
            }
            case sendMessage -> {
                String webhookId = Ids.checkSecret("Ebbot", "webhookId", required(message, EbbotConstants.WEBHOOK_ID,
                        configuration.getWebhookId(), "webhookId"));
                EbbotMessageResponse response = client.sendMessage(webhookId, request(message, configuration));
                message.setHeader(EbbotConstants.CHAT_ID, response.chatId());
                message.setHeader(EbbotConstants.REQUEST_ID, response.requestId());
                message.setBody(response);
            }
        }
    }

    /**
     * The message to send: an {@link EbbotMessageRequest}, a Map or a JSON object of its fields, or any other body
     * as the text of a message. Header and option fill in what the body leaves open.
     */
    private EbbotMessageRequest request(Message message, EbbotConfiguration configuration) {
        Object body = message.getBody();
        EbbotMessageRequest request;
        if (body instanceof EbbotMessageRequest typed) {
            request = typed;
        } else if (body instanceof Map<?, ?> map) {
            request = ChatbotJson.mapper().convertValue(map, EbbotMessageRequest.class);
        } else {
            String text = message.getBody(String.class);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("ebbot:sendMessage needs a message, but the body is empty");
            }
            request = text.trim().startsWith("{") ? parseJson(text) : EbbotMessageRequest.text(text);
        }
        String type = message.getHeader(EbbotConstants.MESSAGE_TYPE, String.class);
        if (type != null) {
            request = request.withType(type);
        } else if (request.type() == null) {
            request = request.withType(configuration.getMessageType());
        }
        String chatId = message.getHeader(EbbotConstants.CHAT_ID, configuration.getChatId(), String.class);
        if (chatId != null) {
            request = request.withChatId(chatId);
        }
        if (request.value() == null) {
            throw new IllegalArgumentException("ebbot:sendMessage needs a 'value' (the message text, variable or"
                                               + " scenario id)");
        }
        return request;
    }

    private static EbbotMessageRequest parseJson(String text) {
        try {
            return ChatbotJson.mapper().readValue(text, EbbotMessageRequest.class);
        } catch (JsonProcessingException e) {
            // text that merely starts with a brace is a message like any other
            return EbbotMessageRequest.text(text);
        }
    }

    private static String required(Message message, String header, String option, String optionName) {
        String value = message.getHeader(header, option, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ebbot: " + optionName + " is required: set the " + optionName
                                               + " option or the " + header + " header");
        }
        return value;
    }

    private static int positive(Message message, String header, int option) {
        Integer value = message.getHeader(header, option, Integer.class);
        if (value == null || value < 1) {
            throw new IllegalArgumentException("ebbot: header " + header + " must be a number of at least 1, not "
                                               + message.getHeader(header));
        }
        return value;
    }
}
