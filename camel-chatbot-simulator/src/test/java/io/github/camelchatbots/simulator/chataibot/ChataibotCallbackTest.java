package io.github.camelchatbots.simulator.chataibot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.camelchatbots.simulator.TestHttp;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.CallbackCall;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Message;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Replies POSTed to the client's callback: their shape, their order, failures, and no retries. */
class ChataibotCallbackTest extends ChataibotApiTestSupport {

    /** Callbacks are asynchronous; this bounds the wait for them, it is not how long they take. */
    private static final Duration AWAIT = Duration.ofSeconds(10);

    /** A request as the test's callback received it. */
    private record Received(String contentType, String secret, String body) {

        String text() {
            return TestHttp.json(body).at("/message/data/body").asText();
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private HttpServer receiver;
    private String url;
    private volatile int replyStatus = 200;
    /** While set, the callback holds every request until the latch opens. */
    private volatile CountDownLatch hold;

    @BeforeEach
    void startCallback() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(executor);
        receiver.createContext("/hooks/chataibot", this::handle);
        receiver.start();
        url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/chataibot";
        chataibot.setReplyDelivery(ReplyDelivery.CALLBACK);
    }

    @AfterEach
    void stopCallback() {
        receiver.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            CountDownLatch gate = hold;
            if (gate != null) {
                gate.await(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            received.add(new Received(exchange.getRequestHeaders().getFirst("content-type"),
                    exchange.getRequestHeaders().getFirst(ChataibotSimulation.CALLBACK_SECRET_HEADER),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(replyStatus, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void eachReplyIsPostedInTheDocumentedShape() {
        chataibot.registerCallback(url, "s3cr3t");
        chataibot.scriptAnswer(BOT_KEY, "hello", "Hi! I'm the support bot.");
        String conversationId = http.start(BOT_KEY, VISITOR);

        List<CallbackCall> calls = chataibot.awaitCallbackCalls(1, AWAIT);

        assertThat(calls).hasSize(1);
        Message reply = chataibot.conversation(conversationId).messages().get(1);
        CallbackCall call = calls.get(0);
        assertThat(call.url()).isEqualTo(url);
        assertThat(call.conversationId()).isEqualTo(conversationId);
        assertThat(call.messageId()).isEqualTo(reply.id()).matches("[A-Za-z0-9]{32}");
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.responseBody()).isEqualTo("{\"ok\":true}");
        assertThat(call.error()).isNull();
        JsonNode body = call.request();
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("conversation_id", "message_id", "message", "from", "created_at");
        assertThat(body).isEqualTo(TestHttp.json("""
                {"conversation_id":"%s","message_id":"%s",
                 "message":{"type":"text","data":{"body":"Hi! I'm the support bot."}},
                 "from":{"type":"BOT"},"created_at":"%s"}""".formatted(conversationId, reply.id(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
                        .format(reply.createdAt().atOffset(ZoneOffset.UTC)))));
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.secret()).isEqualTo("s3cr3t");
            assertThat(TestHttp.json(request.body())).isEqualTo(body);
        });
    }

    @Test
    void repliesArriveInOrderPerConversation() {
        chataibot.registerCallback(url);
        chataibot.scriptAnswer(BOT_KEY, "hours", "We're open 9 to 17.", "On weekdays.", "Closed on holidays.");
        String first = http.start(BOT_KEY, "visitor-1");
        String second = http.start(BOT_KEY, "visitor-2");
        // Held, so that every reply is queued before the first one is answered.
        hold = new CountDownLatch(1);
        http.say(first, "opening hours?");
        http.say(second, "what are your hours");
        http.say(first, "thanks");
        hold.countDown();

        List<CallbackCall> calls = chataibot.awaitCallbackCalls(9, AWAIT);

        assertThat(calls).hasSize(9).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
        for (String conversationId : List.of(first, second)) {
            List<String> botMessageIds = chataibot.conversation(conversationId).messages().stream()
                    .filter(message -> message.from().equals("BOT")).map(Message::id).toList();
            assertThat(calls.stream().filter(call -> call.conversationId().equals(conversationId))
                    .map(CallbackCall::messageId)).containsExactlyElementsOf(botMessageIds);
            assertThat(received.stream().map(request -> TestHttp.json(request.body()))
                    .filter(body -> body.get("conversation_id").asText().equals(conversationId))
                    .map(body -> body.get("message_id").asText())).containsExactlyElementsOf(botMessageIds);
        }
        assertThat(received).extracting(Received::secret).containsOnlyNulls();
    }

    @Test
    void bothDeliversInTheAnswerAndByCallback() {
        chataibot.setReplyDelivery(ReplyDelivery.BOTH);
        chataibot.registerCallback(url, "X-Hook-Token", "t0k3n");
        String conversationId = http.start(BOT_KEY, VISITOR);

        JsonNode answer = http.say(conversationId, "anything");
        List<CallbackCall> calls = chataibot.awaitCallbackCalls(2, AWAIT);

        assertThat(answer.get("replies").findValuesAsText("message_id"))
                .containsExactlyElementsOf(calls.stream().map(CallbackCall::messageId).toList()).hasSize(2);
        assertThat(calls).extracting(CallbackCall::error).containsOnlyNulls();
        assertThat(received).extracting(Received::secret).as("not in the default header").containsOnlyNulls();
    }

    @Test
    void aFailingCallbackIsRecordedAndNotRetried() {
        chataibot.registerCallback(url);
        replyStatus = 500;
        String conversationId = http.start(BOT_KEY, VISITOR);
        assertThat(chataibot.awaitCallbackCalls(1, AWAIT)).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo(500);
            assertThat(call.error()).isEqualTo("HTTP 500");
        });
        replyStatus = 200;

        http.say(conversationId, "still there?");
        List<CallbackCall> calls = chataibot.awaitCallbackCalls(2, AWAIT);

        // A retry would have come before the next reply, which waits for the earlier ones of its conversation.
        assertThat(calls).extracting(CallbackCall::status).containsExactly(500, 200);
        assertThat(received).extracting(Received::text).containsExactly(
                ChataibotSimulation.DEFAULT_FALLBACK_ANSWER, ChataibotSimulation.DEFAULT_FALLBACK_ANSWER);
        assertThat(calls.get(0).messageId()).isNotEqualTo(calls.get(1).messageId());
    }

    @Test
    void anUnreachableCallbackIsRecordedAsFailed() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        chataibot.registerCallback("http://127.0.0.1:" + closedPort + "/gone");

        http.start(BOT_KEY, VISITOR);

        assertThat(chataibot.awaitCallbackCalls(1, AWAIT)).singleElement().satisfies(call -> {
            assertThat(call.status()).isZero();
            assertThat(call.responseBody()).isNull();
            assertThat(call.error()).contains("ConnectException");
        });
    }

    @Test
    void withoutACallbackUrlTheFailureIsRecorded() {
        String conversationId = http.start(BOT_KEY, VISITOR);

        assertThat(chataibot.awaitCallbackCalls(1, AWAIT)).singleElement().satisfies(call -> {
            assertThat(call.url()).isNull();
            assertThat(call.conversationId()).isEqualTo(conversationId);
            assertThat(call.status()).isZero();
            assertThat(call.error()).isEqualTo("no callback URL is registered");
            assertThat(call.request().at("/message/data/body").asText())
                    .isEqualTo(ChataibotSimulation.DEFAULT_FALLBACK_ANSWER);
        });
    }

    @Test
    void repliesGivenWhileDeliveringInTheAnswerNeverGoToTheCallback() {
        chataibot.registerCallback(url);
        chataibot.setReplyDelivery(ReplyDelivery.IN_ANSWER);
        String conversationId = http.start(BOT_KEY, VISITOR);
        http.say(conversationId, "one");
        chataibot.setReplyDelivery(ReplyDelivery.CALLBACK);

        http.say(conversationId, "two");
        List<CallbackCall> calls = chataibot.awaitCallbackCalls(1, AWAIT);

        // Earlier replies queued for the callback would have been sent before this one.
        List<Message> messages = chataibot.conversation(conversationId).messages();
        assertThat(calls).extracting(CallbackCall::messageId).containsExactly(messages.get(5).id());
        assertThat(received).hasSize(1);
    }

    @Test
    void aResetDropsQueuedCallbacks() {
        chataibot.registerCallback(url);
        hold = new CountDownLatch(1);
        http.start(BOT_KEY, VISITOR);

        SIM.simulator().reset();
        hold.countDown();
        chataibot.registerBot(BOT_KEY);
        chataibot.setReplyDelivery(ReplyDelivery.CALLBACK);
        chataibot.registerCallback(url);
        String conversationId = chataibot.startConversation(BOT_KEY, VISITOR, "after the reset");

        assertThat(chataibot.awaitCallbackCalls(1, AWAIT)).singleElement()
                .satisfies(call -> assertThat(call.conversationId()).isEqualTo(conversationId));
    }

    @Test
    void aCallbackNeedsAUrlAndAPositiveTimeout() {
        assertThatThrownBy(() -> chataibot.registerCallback("not a url")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chataibot.setCallbackTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        chataibot.registerCallback(url);
        assertThat(chataibot.callbackUrl()).isEqualTo(url);
    }
}
