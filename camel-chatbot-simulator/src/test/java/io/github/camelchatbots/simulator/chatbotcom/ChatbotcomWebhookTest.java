package io.github.camelchatbots.simulator.chatbotcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.camelchatbots.simulator.SimulatorExtension;
import io.github.camelchatbots.simulator.TestHttp;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.WebhookCall;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.WebhookEvent;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.WebhookVerification;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The simulator calling a client's webhook: the verification handshake, and events with their replies. */
class ChatbotcomWebhookTest {

    @RegisterExtension
    static SimulatorExtension SIM = new SimulatorExtension();

    private static final String TOKEN = "my-verification-token";
    private static final String SESSION = "session-0001";

    /** A request as the test's webhook received it. */
    private record Received(String method, Map<String, String> params, String contentType, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private HttpServer receiver;
    private String url;
    private volatile boolean echoChallenge = true;
    private volatile int replyStatus = 200;
    private volatile String replyBody = "{}";
    private volatile Duration replyDelay = Duration.ZERO;

    private ChatbotcomSimulation chatbotcom;
    private ChatbotcomHttp http;

    @BeforeEach
    void startWebhook(ChatbotcomSimulation simulation) throws IOException {
        chatbotcom = simulation;
        http = new ChatbotcomHttp(simulation);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(executor);
        receiver.createContext("/hooks/chatbot", this::handle);
        receiver.start();
        url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/chatbot";
    }

    @AfterEach
    void stopWebhook() {
        receiver.stop(0);
        executor.shutdownNow();
    }

    /** Like ChatBot.com's official webhook examples: the token is checked on every request. */
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = new LinkedHashMap<>();
            String query = exchange.getRequestURI().getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                String[] parts = pair.split("=", 2);
                params.put(parts[0], URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), params,
                    exchange.getRequestHeaders().getFirst("content-type"), body));
            if (!TOKEN.equals(params.get("token"))) {
                respond(exchange, 401, "wrong token");
            } else if (exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 200, echoChallenge ? params.get("challenge") : "ok");
            } else {
                Thread.sleep(replyDelay.toMillis());
                respond(exchange, replyStatus, replyBody);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String registered() {
        WebhookVerification verification = chatbotcom.registerWebhook("Order status", url, TOKEN);
        assertThat(verification.verified()).as(verification.toString()).isTrue();
        received.clear();
        return verification.webhookId();
    }

    private JsonNode ask(String text) {
        return http.query("sessionId", SESSION, "query", text).get("result");
    }

    private static List<String> messages(JsonNode result) {
        return result.get("fulfillment").findValuesAsText("message");
    }

    @Test
    void aWebhookThatEchoesTheChallengeIsVerified() {
        WebhookVerification verification = chatbotcom.registerWebhook("Order status", url, TOKEN);

        assertThat(verification.verified()).isTrue();
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.error()).isNull();
        assertThat(verification.webhookId()).matches("[0-9a-f]{24}");
        Received handshake = received.get(0);
        assertThat(handshake.method()).isEqualTo("GET");
        assertThat(handshake.params()).containsOnlyKeys("challenge", "token").containsEntry("token", TOKEN);
        assertThat(verification.body()).isEqualTo(handshake.params().get("challenge")).isNotBlank();
        assertThat(chatbotcom.webhooks()).singleElement().isEqualTo(
                new ChatbotcomSimulation.Webhook(verification.webhookId(), "Order status", url, TOKEN));
        WebhookCall call = chatbotcom.webhookCalls().get(0);
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.url()).isEqualTo(url);
        assertThat(call.token()).isEqualTo(TOKEN);
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.error()).isNull();
    }

    @Test
    void aWebhookThatAnswersSomethingElseIsNotVerified() {
        echoChallenge = false;

        WebhookVerification other = chatbotcom.registerWebhook(url, TOKEN);
        WebhookVerification wrongToken = chatbotcom.registerWebhook(url, "another-token");

        assertThat(other.verified()).isFalse();
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).isEqualTo("ok");
        assertThat(other.webhookId()).isNull();
        assertThat(other.error()).isEqualTo("verification failed: the answer is not the challenge");
        assertThat(wrongToken.verified()).isFalse();
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.error()).isEqualTo("verification failed: HTTP 401");
        assertThat(chatbotcom.webhooks()).isEmpty();
        assertThat(chatbotcom.webhookCalls()).hasSize(2);
    }

    @Test
    void anUnreachableWebhookIsNotVerified() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        WebhookVerification verification = chatbotcom.registerWebhook("http://127.0.0.1:" + closedPort + "/x", TOKEN);

        assertThat(verification.verified()).isFalse();
        assertThat(verification.status()).isZero();
        assertThat(verification.body()).isNull();
        assertThat(verification.error()).contains("ConnectException");
    }

    @Test
    void aMatchedInteractionPostsAnEventAndTheReplyJoinsTheAnswer() {
        String webhookId = registered();
        String story = chatbotcom.defaultStoryId();
        String node = chatbotcom.interaction(story, "order status").userSays("where is my order")
                .responses("Let me check...").webhook(webhookId).add();
        replyBody = "{\"responses\":[{\"type\":\"text\",\"delay\":1500,\"message\":\"Your order ships tomorrow.\"}],"
                + "\"attributes\":{\"orderStatus\":\"shipped\"}}";
        http.query("sessionId", SESSION, "trigger", "welcome",
                "parameters", Map.of("default_name", "Ann", "plan", "pro"));

        JsonNode result = ask("Where is my order?");

        assertThat(result.get("fulfillment").toString()).isEqualTo("[{\"type\":\"text\",\"delay\":1000,"
                + "\"message\":\"Let me check...\"},{\"type\":\"text\",\"delay\":1500,"
                + "\"message\":\"Your order ships tomorrow.\"}]");
        assertThat(result.get("sessionParameters").get("orderStatus").asText()).isEqualTo("shipped");

        Received event = received.get(0);
        assertThat(event.method()).isEqualTo("POST");
        assertThat(event.params()).containsOnlyKeys("token").containsEntry("token", TOKEN);
        assertThat(event.contentType()).isEqualTo("application/json");
        JsonNode body = TestHttp.json(event.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("chatId", "messageId", "userId", "externalId",
                "node", "userAttributes", "attributes");
        String chatId = chatbotcom.chatIds().get(0);
        ChatbotcomSimulation.ChatView chat = chatbotcom.chat(chatId);
        assertThat(body.get("chatId").asText()).isEqualTo(chatId);
        assertThat(body.get("messageId").asText()).isEqualTo(chat.messages().get(1).id());
        assertThat(body.get("userId").asText()).isEqualTo(chat.userId());
        assertThat(body.get("externalId").asText()).isEqualTo(SESSION);
        assertThat(body.get("node")).isEqualTo(TestHttp.json("{\"id\":\"" + node + "\",\"name\":\"order status\","
                + "\"type\":\"WEBHOOK\",\"webhookId\":\"" + webhookId + "\",\"webhookName\":\"Order status\"}"));
        assertThat(body.get("userAttributes")).isEqualTo(TestHttp.json("{\"default_name\":\"Ann\"}"));
        assertThat(body.get("attributes")).isEqualTo(TestHttp.json("{\"default_name\":\"Ann\",\"plan\":\"pro\"}"));

        assertThat(chat.messages()).extracting(ChatbotcomSimulation.Message::text).endsWith("Where is my order?",
                "Let me check...", "Your order ships tomorrow.");
        assertThat(chat.attributes()).containsEntry("orderStatus", "shipped");
        assertThat(chatbotcom.user(chat.userId()).sessionAttributes()).containsEntry("orderStatus", "shipped");
        WebhookCall call = chatbotcom.webhookCalls().get(1);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.error()).isNull();
        assertThat(call.request()).isEqualTo(body);
        assertThat(call.reply().get("attributes").get("orderStatus").asText()).isEqualTo("shipped");
    }

    @Test
    void aWebhookCanBeBoundToAnExistingInteraction() {
        String webhookId = registered();
        String refund = chatbotcom.interactionId(chatbotcom.defaultStoryId(), "refund");
        chatbotcom.bindWebhook(refund, webhookId);
        replyBody = "{\"responses\":[{\"type\":\"text\",\"message\":\"Refund ticket #7 opened.\"}]}";

        JsonNode result = ask("I want a refund");

        assertThat(messages(result)).containsExactly("I'm sorry to hear that. What is your order number?",
                "Refund ticket #7 opened.");
        assertThat(result.get("fulfillment").get(1).get("delay").asInt()).isEqualTo(1000);
        assertThat(TestHttp.json(received.get(0).body()).at("/node/name").asText()).isEqualTo("refund");
        assertThat(messages(ask("hello"))).as("other interactions call nothing").hasSize(1);
        assertThat(received).hasSize(1);
    }

    @Test
    void aFailingWebhookLeavesOnlyItsPartOut() {
        String webhookId = registered();
        chatbotcom.bindWebhook(chatbotcom.interactionId(chatbotcom.defaultStoryId(), "greeting"), webhookId);
        replyStatus = 500;
        replyBody = "{\"responses\":[{\"type\":\"text\",\"message\":\"never shown\"}]}";

        JsonNode result = http.query("sessionId", SESSION, "query", "hello", "debug", true).get("result");

        assertThat(messages(result)).containsExactly("Hello! What can I do for you?");
        assertThat(result.get("debug").toString()).contains("webhook " + url + " failed: HTTP 500");
        WebhookCall call = chatbotcom.webhookCalls().get(1);
        assertThat(call.status()).isEqualTo(500);
        assertThat(call.error()).isEqualTo("HTTP 500");

        replyStatus = 200;
        replyBody = "not json";
        assertThat(messages(ask("hello"))).containsExactly("Hello! What can I do for you?");
        assertThat(chatbotcom.webhookCalls().get(2).error()).isEqualTo("the reply is not a JSON object");
    }

    @Test
    void aSlowWebhookTimesOutAndTheQueryStillAnswers() {
        String webhookId = registered();
        chatbotcom.bindWebhook(chatbotcom.interactionId(chatbotcom.defaultStoryId(), "greeting"), webhookId);
        chatbotcom.setWebhookTimeout(Duration.ofMillis(300));
        replyDelay = Duration.ofSeconds(2);
        replyBody = "{\"responses\":[{\"type\":\"text\",\"message\":\"too late\"}]}";

        JsonNode result = ask("hello");

        assertThat(messages(result)).containsExactly("Hello! What can I do for you?");
        WebhookCall call = chatbotcom.webhookCalls().get(1);
        assertThat(call.status()).isZero();
        assertThat(call.error()).isEqualTo("timeout of 300ms exceeded");
    }

    @Test
    void anInteractionBoundToAnUnverifiedUrlRecordsAFailure() {
        chatbotcom.interaction(chatbotcom.defaultStoryId(), "order status").userSays("where is my order")
                .responses("Let me check...").webhookUrl(url).add();

        JsonNode result = ask("where is my order");

        assertThat(messages(result)).containsExactly("Let me check...");
        assertThat(received).isEmpty();
        assertThat(chatbotcom.webhookCalls()).singleElement().satisfies(call -> {
            assertThat(call.url()).isEqualTo(url);
            assertThat(call.status()).isZero();
            assertThat(call.error()).isEqualTo("no verified webhook is registered for " + url);
        });
    }

    @Test
    void sendsAnEventDirectly() {
        String webhookId = registered();
        replyBody = "{\"responses\":[],\"attributes\":{\"foo\":\"bar\"}}";
        WebhookEvent event = new WebhookEvent("602313f0aaaaaaaaaaaaaaaa", "5a7fb3e1-0000-4000-8000-000000000000",
                "602313f0bbbbbbbbbbbbbbbb", "26565d77-0000-4000-8000-000000000000", "4b0d6bea-node", "foo bar",
                Map.of("default_name", "User"), Map.of("baz", ""));

        WebhookCall call = chatbotcom.sendEvent(webhookId, event);

        assertThat(call.status()).isEqualTo(200);
        assertThat(call.error()).isNull();
        assertThat(call.reply().get("attributes").get("foo").asText()).isEqualTo("bar");
        assertThat(TestHttp.json(received.get(0).body())).isEqualTo(TestHttp.json("""
                {"chatId":"602313f0aaaaaaaaaaaaaaaa","messageId":"5a7fb3e1-0000-4000-8000-000000000000",
                 "userId":"602313f0bbbbbbbbbbbbbbbb","externalId":"26565d77-0000-4000-8000-000000000000",
                 "node":{"id":"4b0d6bea-node","name":"foo bar","type":"WEBHOOK","webhookId":"%s",
                         "webhookName":"Order status"},
                 "userAttributes":{"default_name":"User"},"attributes":{"baz":""}}""".formatted(webhookId)));
        assertThatThrownBy(() -> chatbotcom.sendEvent("0123456789abcdef01234567", event))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
