package io.github.camelchatbots.component.chatbotcom;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomWebhookEvent;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomWebhookReply;
import io.github.camelchatbots.support.json.ChatbotJson;
import io.github.camelchatbots.support.webhook.WebhookConsumer;
import io.github.camelchatbots.support.webhook.WebhookReply;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ChatBot.com's webhook. ChatBot.com first verifies the URL with {@code GET ?challenge=..&token=..} and then posts
 * every event with {@code ?token=..}; both are answered only when the token is the {@code webhookVerifyToken}. Each
 * event reaches the route as a {@link ChatbotcomWebhookEvent}, and whatever the route leaves in the body is the reply:
 * a {@link ChatbotcomWebhookReply}, a Map or JSON of one, or text for the bot to say. ChatBot.com gives up after 10
 * seconds; see {@link WebhookConsumer} for how the answer stays within them.
 */
public class ChatbotcomWebhookConsumer extends WebhookConsumer<ChatbotcomWebhookEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ChatbotcomWebhookConsumer.class);
    private static final String EMPTY_REPLY = "{\"responses\":[]}";

    private final ChatbotcomEndpoint endpoint;

    public ChatbotcomWebhookConsumer(ChatbotcomEndpoint endpoint, Processor processor) {
        super(endpoint, processor, new WebhookSettings("ChatBot.com", endpoint.getConfiguration().getWebhookPath(),
                "GET,POST", endpoint.getConfiguration().getReplyTimeout(),
                endpoint.getConfiguration().getWebhookConcurrency(),
                endpoint.getConfiguration().getWebhookQueueSize()));
        this.endpoint = endpoint;
    }

    @Override
    protected WebhookReply answerWithoutRoute(Message request) {
        String method = request.getHeader(Exchange.HTTP_METHOD, String.class);
        Map<String, String> query = query(request);
        if (!tokenMatches(query.get("token"))) {
            LOG.warn("Refused a ChatBot.com webhook {} request on {} without the verification token", method,
                    endpoint.getConfiguration().getWebhookPath());
            return WebhookReply.error(401, "unauthorized");
        }
        if ("GET".equalsIgnoreCase(method)) {
            String challenge = query.get("challenge");
            return challenge == null ? WebhookReply.error(400, "challenge missing") : WebhookReply.text(200, challenge);
        }
        return null;
    }

    @Override
    protected ChatbotcomWebhookEvent readEvent(Message request) {
        String body = request.getBody(String.class);
        ChatbotcomWebhookEvent event;
        try {
            event = ChatbotJson.mapper().readValue(body == null ? "" : body, ChatbotcomWebhookEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON of the documented shape: " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            throw new IllegalArgumentException("an empty event");
        }
        return event;
    }

    @Override
    protected void populate(Message message, ChatbotcomWebhookEvent event) {
        message.setBody(event);
        setHeader(message, ChatbotcomConstants.CHAT_ID, event.chatId());
        setHeader(message, ChatbotcomConstants.USER_ID, event.userId());
        setHeader(message, ChatbotcomConstants.NODE_ID, event.node() != null ? event.node().id() : null);
    }

    /**
     * The reply from the route's body: a {@link ChatbotcomWebhookReply}, a Map or JSON of one, or text for the bot
     * to say. A body left as the event, or emptied, is an empty reply.
     */
    @Override
    protected WebhookReply replyOf(Exchange routed) throws JsonProcessingException {
        Message message = routed.getMessage();
        Object body = message.getBody();
        if (body == null || body instanceof ChatbotcomWebhookEvent) {
            return emptyReply();
        }
        if (body instanceof String || body instanceof byte[]) {
            String text = message.getBody(String.class).trim();
            if (text.startsWith("{")) {
                JsonNode json = ChatbotJson.mapper().readTree(text);
                return WebhookReply.json(200, json.toString());
            }
            return text.isEmpty() ? emptyReply()
                    : WebhookReply.json(200, ChatbotJson.mapper().writeValueAsString(ChatbotcomWebhookReply.text(text)));
        }
        return WebhookReply.json(200, ChatbotJson.mapper().writeValueAsString(body));
    }

    @Override
    protected WebhookReply emptyReply() {
        return WebhookReply.json(200, EMPTY_REPLY);
    }

    @Override
    protected String describe(ChatbotcomWebhookEvent event) {
        return "chat " + event.chatId();
    }

    private boolean tokenMatches(String token) {
        byte[] expected = endpoint.getConfiguration().getWebhookVerifyToken().getBytes(StandardCharsets.UTF_8);
        return token != null && MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(Message request) {
        String raw = request.getHeader(Exchange.HTTP_QUERY, String.class);
        Map<String, String> parameters = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    /** Percent-decoding only: a '+' in a challenge is a plus, not the space of HTML form encoding. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void setHeader(Message message, String name, String value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }
}
