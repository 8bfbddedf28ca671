package io.github.camelchatbots.component.chataibot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.chataibot.model.ChataibotMessageSent;
import io.github.camelchatbots.component.chataibot.model.ChataibotReply;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.CallbackCall;
import io.github.camelchatbots.simulator.chataibot.ReplyDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bot's replies reach one route whichever way ChatAIBot delivers them: posted to the replies webhook (on a real
 * HTTP server, platform-http as Camel Main runs it, called by the simulator's callback caller and by plain requests),
 * or in a sendMessage answer, which the producer hands to the same route.
 */
class ChataibotRepliesTest extends ChataibotTestSupport {

    private static final String SECRET = "callback-secret-0123";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** The component's conversation memory, which a test can make hold back what it remembers. */
    private final GatedRepository conversations = new GatedRepository();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Exchange> replies = new CopyOnWriteArrayList<>();
    private final List<ChataibotReply> unique = new CopyOnWriteArrayList<>();
    private final List<Exchange> secured = new CopyOnWriteArrayList<>();
    private final List<ChataibotReply> custom = new CopyOnWriteArrayList<>();
    private int port;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        port = freePort();
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(context);
        server.setHost("127.0.0.1");
        server.setPort(port);
        context.addService(server);
        Properties properties = new Properties();
        properties.setProperty("chataibot.webhookSecret", SECRET);
        context.getPropertiesComponent().setInitialProperties(properties);
        context.getComponent("chataibot", ChataibotComponent.class).getConfiguration()
                .setConversationRepository(conversations);
        context.getRegistry().bind("flatReplies", (ChataibotReplyMapper) payload -> ChataibotReply.botText(
                payload.path("conversation").asText(), payload.path("id").asText(), payload.path("text").asText(),
                null));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("chataibot:replies").routeId("replies")
                        .process(exchange -> replies.add(exchange.copy()))
                        .idempotentConsumer(header(ChataibotConstants.MESSAGE_ID),
                                MemoryIdempotentRepository.memoryIdempotentRepository(100))
                        .process(exchange -> unique.add(exchange.getMessage().getBody(ChataibotReply.class)));
                from("chataibot:replies?webhookPath=/hooks/secured&botKey=secured-bot"
                     + "&webhookSecret={{chataibot.webhookSecret}}")
                        .process(exchange -> secured.add(exchange.copy()));
                from("chataibot:replies?webhookPath=/hooks/custom&botKey=custom-bot&replyMapper=#flatReplies")
                        .process(exchange -> custom.add(exchange.getMessage().getBody(ChataibotReply.class)));
                from("chataibot:replies?webhookPath=/hooks/failing&botKey=failing-bot")
                        .throwException(new IllegalStateException("reply store down"));
            }
        };
    }

    @BeforeEach
    void bot() {
        chataibot().scriptAnswer(BOT_KEY, "hello", "Hi! How can I help?");
        chataibot().scriptAnswer(BOT_KEY, "opening hours", "We're open 9 to 17.", "On weekdays only.");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Exchange say(String visitor, String text) {
        return send("chataibot:sendMessage?botKey=" + BOT_KEY, text,
                Map.of(ChataibotConstants.USER_EXTERNAL_ID, visitor));
    }

    @Test
    void repliesPostedToTheWebhookReachTheRouteTypedWithTheirVisitor() {
        chataibot().setReplyDelivery(ReplyDelivery.CALLBACK);
        chataibot().registerCallback(url("/chataibot/replies"));
        String visitor = newVisitor();

        String conversationId = say(visitor, "hello").getMessage().getHeader(ChataibotConstants.CONVERSATION_ID,
                String.class);
        say(visitor, "opening hours?");

        await().atMost(PATIENCE).until(() -> replies.size() == 3);
        assertThat(replies).extracting(exchange -> exchange.getMessage().getBody(ChataibotReply.class).text())
                .containsExactly("Hi! How can I help?", "We're open 9 to 17.", "On weekdays only.");
        List<CallbackCall> calls = chataibot().callbackCalls();
        assertThat(calls).extracting(CallbackCall::status).containsOnly(200);
        assertThat(calls).extracting(CallbackCall::responseBody).containsOnly("{\"ok\":true}");
        for (int i = 0; i < 3; i++) {
            Exchange exchange = replies.get(i);
            ChataibotReply reply = exchange.getMessage().getBody(ChataibotReply.class);
            assertThat(reply.conversationId()).isEqualTo(conversationId);
            assertThat(reply.messageId()).isEqualTo(calls.get(i).messageId());
            assertThat(reply.senderType()).isEqualTo("BOT");
            assertThat(reply.createdAt()).isNotNull();
            assertThat(exchange.getMessage().getHeaders())
                    .containsEntry(ChataibotConstants.CONVERSATION_ID, conversationId)
                    .containsEntry(ChataibotConstants.MESSAGE_ID, reply.messageId())
                    .containsEntry(ChataibotConstants.USER_EXTERNAL_ID, visitor)
                    .containsEntry(ChataibotConstants.BOT_KEY, BOT_KEY)
                    .containsEntry(ChataibotConstants.REPLY_DELIVERY, ChataibotConstants.DELIVERED_BY_WEBHOOK);
        }
    }

    @Test
    void aReplyPostedBeforeTheStartAnswerIsInStillFindsItsVisitor() throws Exception {
        chataibot().setReplyDelivery(ReplyDelivery.CALLBACK);
        chataibot().registerCallback(url("/chataibot/replies"));
        CountDownLatch gate = new CountDownLatch(1);
        conversations.holdBack(gate);
        String visitor = newVisitor();

        // the start is answered, but the component has not remembered the conversation yet when the reply comes
        CompletableFuture<Exchange> first = CompletableFuture.supplyAsync(() -> say(visitor, "hello"));
        ChataibotRepliesConsumer consumer = (ChataibotRepliesConsumer) context.getRoute("replies").getConsumer();
        await().atMost(PATIENCE).until(() -> consumer.getEventsInFlight() == 1);
        assertThat(replies).isEmpty();
        gate.countDown();

        await().atMost(PATIENCE).until(() -> replies.size() == 1);
        assertThat(replies.get(0).getMessage().getHeaders())
                .containsEntry(ChataibotConstants.USER_EXTERNAL_ID, visitor)
                .containsEntry(ChataibotConstants.CONVERSATION_ID, first.get().getMessage()
                        .getHeader(ChataibotConstants.CONVERSATION_ID));
    }

    /** A memory repository that, once given a gate, remembers whose a conversation is only when the gate opens. */
    static final class GatedRepository extends MemoryStateRepository {
        private volatile CountDownLatch gate;

        void holdBack(CountDownLatch until) {
            gate = until;
        }

        @Override
        public void setState(String key, String value) {
            CountDownLatch until = gate;
            if (until != null && key.startsWith("visitor:")) {
                try {
                    until.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.setState(key, value);
        }
    }

    @Test
    void repliesInTheAnswerReachTheSameRouteBeforeSendMessageReturns() {
        String visitor = newVisitor();

        say(visitor, "hello");
        assertThat(replies).as("the start answer carries no reply").isEmpty();
        Exchange second = say(visitor, "opening hours?");

        ChataibotMessageSent sent = second.getMessage().getBody(ChataibotMessageSent.class);
        assertThat(sent.replies()).hasSize(3);
        assertThat(replies).extracting(exchange -> exchange.getMessage().getBody(ChataibotReply.class))
                .containsExactlyElementsOf(sent.replies());
        assertThat(replies).allSatisfy(exchange -> assertThat(exchange.getMessage().getHeaders())
                .containsEntry(ChataibotConstants.USER_EXTERNAL_ID, visitor)
                .containsEntry(ChataibotConstants.BOT_KEY, BOT_KEY)
                .containsEntry(ChataibotConstants.CONVERSATION_ID, sent.conversationId())
                .containsEntry(ChataibotConstants.REPLY_DELIVERY, ChataibotConstants.DELIVERED_IN_ANSWER));
        assertThat(secured).as("a consumer of another bot takes none of them").isEmpty();
        assertThat(custom).isEmpty();
    }

    @Test
    void byConversationIdTheVisitorIsLookedUp() {
        String visitor = newVisitor();
        String conversationId = say(visitor, "hello").getMessage().getHeader(ChataibotConstants.CONVERSATION_ID,
                String.class);
        String stranger = chataibot().startConversation(BOT_KEY, "started-elsewhere", "hello");

        send("chataibot:sendMessage", "opening hours?", Map.of(ChataibotConstants.CONVERSATION_ID, conversationId));
        send("chataibot:sendMessage", "opening hours?", Map.of(ChataibotConstants.CONVERSATION_ID, stranger));

        assertThat(replies).filteredOn(e -> e.getMessage().getHeader(ChataibotConstants.CONVERSATION_ID)
                .equals(conversationId)).allSatisfy(exchange -> assertThat(exchange.getMessage()
                        .getHeader(ChataibotConstants.USER_EXTERNAL_ID)).isEqualTo(visitor)).hasSize(3);
        assertThat(replies).filteredOn(e -> e.getMessage().getHeader(ChataibotConstants.CONVERSATION_ID)
                .equals(stranger)).allSatisfy(exchange -> assertThat(exchange.getMessage().getHeaders())
                        .doesNotContainKey(ChataibotConstants.USER_EXTERNAL_ID)).hasSize(3);
    }

    @Test
    void withDeliverRepliesOffTheyAreOnlyInTheAnswer() {
        String visitor = newVisitor();
        String uri = "chataibot:sendMessage?deliverReplies=false&botKey=" + BOT_KEY;
        send(uri, "hello", Map.of(ChataibotConstants.USER_EXTERNAL_ID, visitor));

        ChataibotMessageSent sent = send(uri, "opening hours?", Map.of(ChataibotConstants.USER_EXTERNAL_ID, visitor))
                .getMessage().getBody(ChataibotMessageSent.class);

        assertThat(sent.replies()).hasSize(3);
        assertThat(replies).isEmpty();
    }

    @Test
    void deliveredBothWaysEachReplyIsTakenOnceByItsMessageId() {
        chataibot().setReplyDelivery(ReplyDelivery.BOTH);
        chataibot().registerCallback(url("/chataibot/replies"));
        String visitor = newVisitor();

        say(visitor, "hello");
        say(visitor, "opening hours?");

        await().atMost(PATIENCE).until(() -> replies.size() == 6);
        assertThat(replies).extracting(e -> e.getMessage().getHeader(ChataibotConstants.REPLY_DELIVERY))
                .containsOnly(ChataibotConstants.DELIVERED_IN_ANSWER, ChataibotConstants.DELIVERED_BY_WEBHOOK);
        assertThat(unique).extracting(ChataibotReply::text)
                .containsExactlyInAnyOrder("Hi! How can I help?", "We're open 9 to 17.", "On weekdays only.");
    }

    @Test
    void withASecretOnlyRequestsCarryingItAreTaken() throws Exception {
        chataibot().registerBot("secured-bot");
        chataibot().setReplyDelivery(ReplyDelivery.CALLBACK);
        chataibot().registerCallback(url("/hooks/secured"), SECRET);
        String visitor = newVisitor();
        String conversationId = send("chataibot:sendMessage?botKey=secured-bot", "hello",
                Map.of(ChataibotConstants.USER_EXTERNAL_ID, visitor)).getMessage()
                .getHeader(ChataibotConstants.CONVERSATION_ID, String.class);

        await().atMost(PATIENCE).until(() -> secured.size() == 1);
        assertThat(secured.get(0).getMessage().getHeaders()).containsEntry(ChataibotConstants.USER_EXTERNAL_ID, visitor)
                .doesNotContainKey(ChataibotConfiguration.DEFAULT_WEBHOOK_SECRET_HEADER);
        String reply = "{\"conversation_id\":\"" + conversationId + "\",\"message\":{\"type\":\"text\","
                       + "\"data\":{\"body\":\"forged\"}},\"from\":{\"type\":\"BOT\"}}";
        assertThat(post("/hooks/secured", reply, Map.of()).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/secured", reply, Map.of("X-ChatAIBot-Secret", "guessed")).statusCode())
                .isEqualTo(401);
        assertThat(post("/hooks/secured", reply, Map.of("x-chataibot-secret", SECRET)).statusCode()).isEqualTo(200);
        assertThat(secured).hasSize(2);
        assertThat(replies).as("another consumer's webhook").isEmpty();
    }

    @Test
    void aPayloadOfAnotherShapeIsReadByTheReplyMapperBean() throws Exception {
        HttpResponse<String> response = post("/hooks/custom", "{\"conversation\":\"c-1\",\"id\":\"m-1\","
                                                              + "\"text\":\"Hello from elsewhere\"}", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(custom).singleElement().satisfies(reply -> {
            assertThat(reply.conversationId()).isEqualTo("c-1");
            assertThat(reply.messageId()).isEqualTo("m-1");
            assertThat(reply.text()).isEqualTo("Hello from elsewhere");
        });
    }

    @Test
    void theAssumedPayloadKeepsWhatItDoesNotKnow() throws Exception {
        String payload = """
                {"conversation_id":"6790a1b2c3d4e5f601234567","message_id":"R2d2C3po","message":{"type":"text",
                 "data":{"body":"Here is our price list.","url":"https://example.com/prices.pdf"}},
                 "from":{"type":"BOT"},"created_at":"2025-02-10 20:21:04.120000","channel":"API","bot_name":"Support"}
                """;

        assertThat(post("/chataibot/replies", payload, Map.of()).statusCode()).isEqualTo(200);

        ChataibotReply reply = replies.get(0).getMessage().getBody(ChataibotReply.class);
        assertThat(reply.createdAt()).isEqualTo(Instant.parse("2025-02-10T20:21:04.120Z"));
        assertThat(reply.message().data().other()).containsEntry("url", "https://example.com/prices.pdf");
        assertThat(reply.other()).containsEntry("channel", "API").containsEntry("bot_name", "Support");
        assertThat(replies.get(0).getMessage().getHeaders()).doesNotContainKey(ChataibotConstants.USER_EXTERNAL_ID);
    }

    @Test
    void whatIsNoReplyIsRefusedWithoutReachingTheRoute() throws Exception {
        assertThat(post("/chataibot/replies", "not json", Map.of()).statusCode()).isEqualTo(400);
        assertThat(post("/chataibot/replies", "[1,2]", Map.of()).statusCode()).isEqualTo(400);
        assertThat(post("/chataibot/replies", "{\"conversation_id\":\"x\"}", Map.of()).statusCode()).isEqualTo(400);
        assertThat(post("/chataibot/replies", "", Map.of()).statusCode()).isEqualTo(400);
        assertThat(replies).isEmpty();
    }

    @Test
    void aFailingRepliesRouteNeverFailsTheVisitorsMessage() throws Exception {
        chataibot().registerBot("failing-bot");
        chataibot().scriptAnswer("failing-bot", "hello", "Hi!");
        String visitor = newVisitor();
        String uri = "chataibot:sendMessage?botKey=failing-bot";
        send(uri, "hello", Map.of(ChataibotConstants.USER_EXTERNAL_ID, visitor));

        ChataibotMessageSent sent = send(uri, "hello again", Map.of(ChataibotConstants.USER_EXTERNAL_ID, visitor))
                .getMessage().getBody(ChataibotMessageSent.class);

        assertThat(sent.messageId()).hasSize(32);
        assertThat(sent.replies()).extracting(ChataibotReply::text).containsExactly("Hi!", "Hi!");
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("target/test-logs/camel-chataibot-tests.log")))
                .as("the route ran and its failure was handled by the consumer")
                .contains("The route failed on a ChatAIBot reply in conversation " + sent.conversationId()
                          + " that came in a sendMessage answer")
                .contains("reply store down");
        HttpResponse<String> posted = post("/hooks/failing", "{\"conversation_id\":\"x\",\"message\":{\"type\":"
                                                             + "\"text\",\"data\":{\"body\":\"Hi!\"}}}", Map.of());
        assertThat(posted.statusCode()).isEqualTo(500);
        assertThat(posted.body()).doesNotContain("reply store down");
    }

    @Test
    void theAnswerAndTheCallbackCarryTheSameReply() throws Exception {
        chataibot().setReplyDelivery(ReplyDelivery.BOTH);
        chataibot().registerCallback(url("/chataibot/replies"));
        String visitor = newVisitor();
        say(visitor, "hello");
        ChataibotMessageSent sent = say(visitor, "opening hours?").getMessage().getBody(ChataibotMessageSent.class);

        List<CallbackCall> calls = chataibot().awaitCallbackCalls(3, PATIENCE);

        for (int i = 0; i < 3; i++) {
            JsonNode posted = calls.get(i).request();
            ChataibotReply inAnswer = sent.replies().get(i);
            assertThat(ChataibotReplyMapper.ASSUMED.toReply(posted)).isEqualTo(inAnswer);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
