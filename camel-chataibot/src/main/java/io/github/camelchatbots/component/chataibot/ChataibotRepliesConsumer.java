package io.github.camelchatbots.component.chataibot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.chataibot.ConversationMemory.Visitor;
import io.github.camelchatbots.component.chataibot.model.ChataibotReply;
import io.github.camelchatbots.support.json.ChatbotJson;
import io.github.camelchatbots.support.webhook.WebhookConsumer;
import io.github.camelchatbots.support.webhook.WebhookReply;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's replies, one exchange each, with a {@link ChataibotReply} as the body, however they reach the
 * application:
 * <ul>
 * <li>posted by ChatAIBot to the webhook this consumer serves on the runtime's HTTP server (platform-http), in the
 * payload assumed in the docs (ChatAIBot documents none) or the one the {@code replyMapper} reads; with a
 * {@code webhookSecret}, only requests carrying it are taken. The route's body is not sent back: every reply taken is
 * answered {@code {"ok":true}}.</li>
 * <li>handed over by {@code sendMessage} of the same component when they come back in its answer, in the caller's
 * thread before {@code sendMessage} returns; to every replies consumer of the component, or with {@code botKey} set
 * on the consumer, to those of the reply's bot.</li>
 * </ul>
 * The headers name the conversation and the reply, and the visitor and bot whenever the component remembers whose the
 * conversation is; {@code CamelChataibotReplyDelivery} says which way the reply came.
 */
public class ChataibotRepliesConsumer extends WebhookConsumer<ChataibotReply> {

    private static final Logger LOG = LoggerFactory.getLogger(ChataibotRepliesConsumer.class);
    private static final String TAKEN = "{\"ok\":true}";

    private final ChataibotEndpoint endpoint;

    public ChataibotRepliesConsumer(ChataibotEndpoint endpoint, Processor processor) {
        super(endpoint, processor, new WebhookSettings("ChatAIBot", endpoint.getConfiguration().getWebhookPath(),
                "POST", endpoint.getConfiguration().getReplyTimeout(),
                endpoint.getConfiguration().getWebhookConcurrency(),
                endpoint.getConfiguration().getWebhookQueueSize()));
        this.endpoint = endpoint;
    }

    @Override
    public ChataibotEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.getComponent().register(this);
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.getComponent().unregister(this);
        super.doStop();
    }

    @Override
    protected WebhookReply answerWithoutRoute(Message request) {
        String secret = endpoint.getConfiguration().getWebhookSecret();
        if (secret == null) {
            return null;
        }
        String header = endpoint.getConfiguration().getWebhookSecretHeader();
        String given = request.getHeader(header, String.class);
        if (given == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("Refused a ChatAIBot reply on {} without the secret in its {} header",
                    endpoint.getConfiguration().getWebhookPath(), header);
            return WebhookReply.error(401, "unauthorized");
        }
        return null;
    }

    @Override
    protected ChataibotReply readEvent(Message request) {
        String body = request.getBody(String.class);
        JsonNode payload;
        try {
            payload = ChatbotJson.mapper().readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (payload == null || payload.isMissingNode()) {
            throw new IllegalArgumentException("an empty request");
        }
        ChataibotReply reply = endpoint.getConfiguration().replyMapperOrDefault().toReply(payload);
        if (reply == null) {
            throw new IllegalArgumentException("the reply mapper found no reply in the request");
        }
        return reply;
    }

    @Override
    protected void populate(Message message, ChataibotReply reply) {
        populate(message, reply, ChataibotConstants.DELIVERED_BY_WEBHOOK, null);
    }

    private void populate(Message message, ChataibotReply reply, String delivery, Visitor known) {
        message.setBody(reply);
        setHeader(message, ChataibotConstants.CONVERSATION_ID, reply.conversationId());
        setHeader(message, ChataibotConstants.MESSAGE_ID, reply.messageId());
        Visitor visitor = known != null || reply.conversationId() == null ? known
                : endpoint.getMemory().visitorOf(reply.conversationId(),
                        Duration.ofMillis(endpoint.getConfiguration().getResponseTimeout()));
        if (visitor != null) {
            setHeader(message, ChataibotConstants.USER_EXTERNAL_ID, visitor.userExternalId());
            setHeader(message, ChataibotConstants.BOT_KEY, visitor.botKey());
        }
        message.setHeader(ChataibotConstants.REPLY_DELIVERY, delivery);
    }

    /** Every reply the route took is acknowledged alike; the route's body is not ChatAIBot's business. */
    @Override
    protected WebhookReply replyOf(Exchange routed) {
        return WebhookReply.json(200, TAKEN);
    }

    @Override
    protected WebhookReply emptyReply() {
        return WebhookReply.json(200, TAKEN);
    }

    @Override
    protected String describe(ChataibotReply reply) {
        return "conversation " + reply.conversationId();
    }

    /**
     * Routes a reply that came back in a sendMessage answer, in the caller's thread. A failure of the route is the
     * consumer's to handle, as for a posted reply: the visitor's message was sent, so it must not fail the sender. A
     * consumer with a {@code botKey} takes only the replies of that bot's conversations.
     *
     * @param known whose the conversation is, when the sender knows; else it is looked up
     */
    void deliverFromAnswer(ChataibotReply reply, Visitor known) {
        if (!isRunAllowed() || isSuspendingOrSuspended()) {
            return;
        }
        Visitor visitor = known != null || reply.conversationId() == null ? known
                : endpoint.getMemory().visitorOf(reply.conversationId());
        String onlyBot = endpoint.getConfiguration().getBotKey();
        if (onlyBot != null && (visitor == null || !onlyBot.equals(visitor.botKey()))) {
            return;
        }
        Exchange exchange = createExchange(false);
        try {
            populate(exchange.getIn(), reply, ChataibotConstants.DELIVERED_IN_ANSWER, visitor);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("The route failed on a ChatAIBot reply in " + describe(reply)
                                                      + " that came in a sendMessage answer", exchange,
                        exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private static void setHeader(Message message, String name, String value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }
}
