package io.github.camelchatbots.examples;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.CallbackCall;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.ConversationView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the example as its users do, without CHATAIBOT_ACCESS_TOKEN, against the embedded simulator's demo bot, and
 * chats on its page in a headless Chromium: type a message, see the bot's answer. Once with the replies posted to the
 * webhook, once with them in the send-message answers. The page's own endpoints are also checked over plain HTTP.
 */
class ChataibotWebChatExampleTest {

    private static final String OPENING_HOURS =
            "We're open Monday to Friday 9:00-18:00 and Saturday 10:00-14:00 (CET).";
    private static final String GREETING = "Hello! I'm the Demo Shop assistant. How can I help you today?";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path target;

    private final HttpClient http = HttpClient.newHttpClient();
    private ChataibotWebChatApplication application;
    private CompletableFuture<Integer> running;
    private int port;

    private void start(String replyDelivery) throws Exception {
        port = freePort();
        application = new ChataibotWebChatApplication(Map.of())
                .override("camel.server.port", String.valueOf(port))
                .override("examples.targetDir", target.toString())
                .override(ChataibotWebChatApplication.DEMO_REPLY_DELIVERY, replyDelivery)
                // a broken route fails this test instead of leaving it waiting
                .override("camel.main.durationMaxSeconds", "110");
        ChataibotWebChatApplication started = application;
        running = CompletableFuture.supplyAsync(() -> {
            try {
                return started.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(PATIENCE).until(() -> running.isDone() || pageAnswers());
        assertThat(running).as("the application is running").isNotDone();
    }

    private boolean pageAnswers() {
        try {
            return get("/chat").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (application != null) {
            application.stop();
            assertThat(running.get(30, TimeUnit.SECONDS)).isZero();
        }
    }

    private ChataibotSimulation chataibot() {
        return application.simulator().chataibot();
    }

    @Test
    @Timeout(120)
    void aVisitorTypesOnThePageAndSeesTheBotsAnswerPostedToTheWebhook() throws Exception {
        Path chromium = chromiumOrSkip();
        start("CALLBACK");

        try (HeadlessChromium browser = HeadlessChromium.start(chromium)) {
            browser.open("http://127.0.0.1:" + port + "/chat");
            browser.typeAndPressEnter("#message", "What are your opening hours?");

            await().atMost(PATIENCE).until(() -> botLines(browser).contains(OPENING_HOURS));
            assertThat(visitorLines(browser)).containsExactly("What are your opening hours?");
            assertThat(browser.evaluate("document.getElementById('status').textContent").asText()).isEmpty();

            String visitor = browser.evaluate("localStorage.getItem('chataibot-visitor')").asText();
            ConversationView conversation = conversationOf(visitor);
            assertThat(conversation.botKey()).isEqualTo(ChataibotSimulation.DEMO_BOT_KEY);
            assertThat(chataibot().callbackCalls()).extracting(CallbackCall::status).containsOnly(200);

            browser.typeAndPressEnter("#message", "hello");
            await().atMost(PATIENCE).until(() -> botLines(browser).contains(GREETING));
            assertThat(conversationOf(visitor).id()).as("the same conversation goes on").isEqualTo(conversation.id());
        }
    }

    @Test
    @Timeout(120)
    void repliesInTheSendMessageAnswerReachThePageToo() throws Exception {
        Path chromium = chromiumOrSkip();
        start("IN_ANSWER");

        try (HeadlessChromium browser = HeadlessChromium.start(chromium)) {
            browser.open("http://127.0.0.1:" + port + "/chat");
            // the simulator's start answer has no room for replies: those to the first message come with the next
            browser.typeAndPressEnter("#message", "hello");
            await().atMost(PATIENCE).until(() -> visitorLines(browser).size() == 1);
            browser.typeAndPressEnter("#message", "What are your opening hours?");

            await().atMost(PATIENCE).until(() -> botLines(browser).size() == 2);
            assertThat(botLines(browser)).containsExactly(GREETING, OPENING_HOURS);
            assertThat(chataibot().callbackCalls()).isEmpty();
        }
    }

    @Test
    @Timeout(120)
    void theEndpointsRefuseWhatThePageWouldNeverSend() throws Exception {
        start("CALLBACK");

        assertThat(post("/chat/messages", "{\"visitor\":\"x\",\"text\":\"hi\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> noText = post("/chat/messages", "{\"visitor\":\"visitor-0001\",\"text\":\" \"}");
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noText.body()).path("error").asText()).contains("text must be 1 to 2000");
        assertThat(post("/chat/messages", "not json").statusCode()).isEqualTo(400);
        assertThat(get("/chat/updates?visitor=../../etc").statusCode()).isEqualTo(400);
        assertThat(chataibot().conversationIds()).as("only the demo's").hasSize(8);

        // a query parameter must not pick the conversation
        String demoConversation = chataibot().conversationIds().get(0);
        HttpResponse<String> sent = post("/chat/messages?CamelChataibotConversationId=" + demoConversation,
                "{\"visitor\":\"visitor-0002\",\"text\":\"What are your opening hours?\"}");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).isEqualTo("{\"ok\":true}");
        assertThat(conversationOf("visitor-0002").id()).isNotEqualTo(demoConversation);

        await().atMost(PATIENCE).until(() -> lines("visitor-0002").size() == 2);
        assertThat(lines("visitor-0002")).extracting(line -> line.path("from").asText() + ": "
                                                               + line.path("text").asText())
                .containsExactly("visitor: What are your opening hours?", "bot: " + OPENING_HOURS);
        assertThat(JSON.readTree(get("/chat/updates?visitor=visitor-0002&after=1").body()).path("lines"))
                .hasSize(1);
        HttpResponse<String> forged = post("/chataibot/replies", "{\"conversation_id\":\"" + demoConversation
                                                                 + "\",\"message\":{\"type\":\"text\",\"data\":"
                                                                 + "{\"body\":\"forged\"}}}");
        assertThat(forged.statusCode()).as("the demo's webhook takes only the simulator's secret").isEqualTo(401);
    }

    private List<JsonNode> lines(String visitor) throws Exception {
        JsonNode lines = JSON.readTree(get("/chat/updates?visitor=" + visitor).body()).path("lines");
        return java.util.stream.StreamSupport.stream(lines.spliterator(), false).toList();
    }

    private ConversationView conversationOf(String visitor) {
        return chataibot().conversationIds().stream().map(chataibot()::conversation)
                .filter(conversation -> conversation.userExternalId().equals(visitor)).findFirst().orElseThrow();
    }

    private static List<String> botLines(HeadlessChromium browser) {
        return texts(browser, ".line.bot");
    }

    private static List<String> visitorLines(HeadlessChromium browser) {
        return texts(browser, ".line.visitor");
    }

    private static List<String> texts(HeadlessChromium browser, String selector) {
        JsonNode texts = browser.evaluate("Array.from(document.querySelectorAll('" + selector
                                          + "')).map(e => e.textContent)");
        return java.util.stream.StreamSupport.stream(texts.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static Path chromiumOrSkip() {
        Path chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium != null, "No Chromium found (chromium, chromium-browser or google-chrome on the"
                                                 + " PATH, or CHROMIUM_BIN): skipping the browser test. Install"
                                                 + " Debian's chromium package to run it.");
        return chromium;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
