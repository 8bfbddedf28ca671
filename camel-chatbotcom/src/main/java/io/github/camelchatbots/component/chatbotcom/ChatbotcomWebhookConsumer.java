package io.github.camelchatbots.component.chatbotcom;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomWebhookEvent;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomWebhookReply;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a ChatBot.com webhook on the runtime's HTTP server through platform-http, so it runs wherever the route
 * runs (Camel Main, Spring Boot, Quarkus).
 * <p>
 * ChatBot.com first verifies the URL with {@code GET ?challenge=..&token=..} and then posts every event with
 * {@code ?token=..}; both are answered only when the token is the {@code verificationToken}. Each event reaches the
 * route as a {@link ChatbotcomWebhookEvent} in an exchange of its own, so the token and the HTTP request's headers
 * never travel with it, and whatever the route leaves in the body is the reply. ChatBot.com waits 10 seconds: a
 * route slower than {@code replyTimeout} is answered with an empty reply in time, and a warning.
 */
public class ChatbotcomWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ChatbotcomWebhookConsumer.class);
    private static final String EMPTY_REPLY = "{\"responses\":[]}";

    private final ChatbotcomEndpoint endpoint;
    private Consumer httpConsumer;
    private ExecutorService routeRunner;

    public ChatbotcomWebhookConsumer(ChatbotcomEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    private record Reply(int status, String contentType, String body) {

        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }

        static Reply error(int status, String message) {
            return json(status, "{\"error\":\"" + message + "\"}");
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        routeRunner = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newCachedThreadPool(this, "ChatbotcomWebhook");
        Endpoint http = getEndpoint().getCamelContext().getEndpoint("platform-http:"
                + endpoint.getConfiguration().getWebhookPath() + "?httpMethodRestrict=GET,POST");
        httpConsumer = http.createConsumer(this::answer);
        ServiceHelper.startService(httpConsumer);
        LOG.info("Serving the ChatBot.com webhook on {}", endpoint.getConfiguration().getWebhookPath());
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        if (routeRunner != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(routeRunner);
            routeRunner = null;
        }
        super.doStop();
    }

    /** Answers one request of ChatBot.com's on the platform-http exchange. */
    private void answer(Exchange http) {
        Message request = http.getMessage();
        String method = request.getHeader(Exchange.HTTP_METHOD, String.class);
        Map<String, String> query = query(request);
        Reply reply;
        if (!tokenMatches(query.get("token"))) {
            LOG.warn("Refused a ChatBot.com webhook {} request on {} without the verification token", method,
                    endpoint.getConfiguration().getWebhookPath());
            reply = Reply.error(401, "unauthorized");
        } else if ("GET".equalsIgnoreCase(method)) {
            String challenge = query.get("challenge");
            reply = challenge == null ? Reply.error(400, "challenge missing")
                    : new Reply(200, "text/plain; charset=utf-8", challenge);
        } else {
            reply = deliver(request.getBody(String.class));
        }
        // the request's headers (among them the token, as a query parameter) must not be echoed in the answer
        request.removeHeaders("*");
        request.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        request.setHeader(Exchange.CONTENT_TYPE, reply.contentType());
        request.setBody(reply.body());
    }

    private Reply deliver(String body) {
        ChatbotcomWebhookEvent event;
        try {
            event = ChatbotJson.mapper().readValue(body == null ? "" : body, ChatbotcomWebhookEvent.class);
        } catch (JsonProcessingException e) {
            LOG.warn("Refused a ChatBot.com webhook event that is not JSON of the documented shape: {}",
                    e.getOriginalMessage());
            return Reply.error(400, "not a webhook event");
        }
        if (event == null) {
            return Reply.error(400, "empty event");
        }
        Future<Reply> routed = routeRunner.submit(() -> route(event));
        long timeout = endpoint.getConfiguration().getReplyTimeout();
        try {
            return routed.get(timeout, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            LOG.warn("The route did not reply to the ChatBot.com webhook event of chat {} within {} ms; an empty reply"
                     + " was sent so that ChatBot.com does not give up. The route's reply will be dropped.",
                    event.chatId(), timeout);
            return Reply.json(200, EMPTY_REPLY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(503, "shutting down");
        } catch (ExecutionException e) {
            return Reply.error(500, "webhook failed");
        }
    }

    /** Runs the route with the event in an exchange of its own and turns what it leaves in the body into a reply. */
    private Reply route(ChatbotcomWebhookEvent event) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getIn();
            message.setBody(event);
            setHeader(message, ChatbotcomConstants.CHAT_ID, event.chatId());
            setHeader(message, ChatbotcomConstants.USER_ID, event.userId());
            setHeader(message, ChatbotcomConstants.NODE_ID, event.node() != null ? event.node().id() : null);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("The route failed on the ChatBot.com webhook event of chat "
                                                      + event.chatId(), exchange, exchange.getException());
                return Reply.error(500, "webhook failed");
            }
            try {
                return Reply.json(200, replyJson(exchange.getMessage()));
            } catch (JsonProcessingException e) {
                getExceptionHandler().handleException("The route's reply to the ChatBot.com webhook event of chat "
                                                      + event.chatId() + " cannot be written as JSON", exchange, e);
                return Reply.error(500, "webhook reply is not JSON");
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /**
     * The reply from the route's body: a {@link ChatbotcomWebhookReply}, a Map or JSON of one, or text for the bot
     * to say. A body left as the event, or emptied, is an empty reply.
     */
    private static String replyJson(Message message) throws JsonProcessingException {
        Object body = message.getBody();
        if (body == null || body instanceof ChatbotcomWebhookEvent) {
            return EMPTY_REPLY;
        }
        if (body instanceof String || body instanceof byte[]) {
            String text = message.getBody(String.class).trim();
            if (text.startsWith("{")) {
                try {
                    JsonNode json = ChatbotJson.mapper().readTree(text);
                    return json.toString();
                } catch (JsonProcessingException notJson) {
                    // text that merely starts with a brace is something for the bot to say like any other
                }
            }
            return text.isEmpty() ? EMPTY_REPLY
                    : ChatbotJson.mapper().writeValueAsString(ChatbotcomWebhookReply.text(text));
        }
        return ChatbotJson.mapper().writeValueAsString(body);
    }

    private boolean tokenMatches(String token) {
        byte[] expected = endpoint.getConfiguration().getVerificationToken().getBytes(StandardCharsets.UTF_8);
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
