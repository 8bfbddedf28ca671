package io.github.camelchatbots.component.chatbotcom;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomQueryResponse;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomWebhookEvent;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomWebhookReply;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook consumer on a real HTTP server (platform-http as Camel Main runs it), called the way ChatBot.com calls
 * it: by the simulator's webhook caller and by plain HTTP requests.
 */
class ChatbotcomWebhookTest extends ChatbotcomTestSupport {

    private static final String TOKEN = "verify-me-0123";
    private static final String WRONG_TOKEN = "guessed-token-4567";
    private static final String EVENT = """
            {"chatId":"602313f0a1b2c3d4e5f60718","messageId":"5a7fb3e1-0000-4000-8000-000000000001",
             "userId":"602313f0a1b2c3d4e5f60719","externalId":"26565d77-0000-4000-8000-000000000002",
             "node":{"id":"4b0d6bea-0000-4000-8000-000000000003","name":"order status","type":"WEBHOOK",
                     "webhookId":"602313f0a1b2c3d4e5f6071a","webhookName":"orders"},
             "userAttributes":{"default_name":"User","default_email":"me@example.com"},
             "attributes":{"order_number":"A-1042","baz":""}}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ChatbotcomWebhookEvent> events = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> eventHeaders = new CopyOnWriteArrayList<>();
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
        // as a real application keeps it: a placeholder in the route, so that route dumps show no token
        Properties properties = new Properties();
        properties.setProperty("chatbotcom.webhookVerifyToken", TOKEN);
        context.getPropertiesComponent().setInitialProperties(properties);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("chatbotcom:webhook?webhookPath=/hooks/orders&webhookVerifyToken={{chatbotcom.webhookVerifyToken}}")
                        .process(exchange -> {
                            ChatbotcomWebhookEvent event = exchange.getMessage().getBody(ChatbotcomWebhookEvent.class);
                            events.add(event);
                            eventHeaders.add(Map.copyOf(exchange.getMessage().getHeaders()));
                            String order = event.attributes().get("order_number");
                            exchange.getMessage().setBody(ChatbotcomWebhookReply.text("Order " + order
                                    + " ships tomorrow.").withAttributes(Map.of("order_status", "packed")));
                        });
                from("chatbotcom:webhook?webhookPath=/hooks/text&webhookVerifyToken={{chatbotcom.webhookVerifyToken}}")
                        .setBody(constant("Thanks, noted."));
                from("chatbotcom:webhook?webhookPath=/hooks/slow&webhookVerifyToken={{chatbotcom.webhookVerifyToken}}&replyTimeout=300")
                        .delay(2000).setBody(constant("too late"));
                from("chatbotcom:webhook?webhookPath=/hooks/failing&webhookVerifyToken={{chatbotcom.webhookVerifyToken}}")
                        .throwException(new IllegalStateException("order system down"));
            }
        };
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery)))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void verificationAnswersTheChallengeOnlyForTheToken() throws Exception {
        HttpResponse<String> good = get("/hooks/orders?challenge=abc123XYZ&token=" + TOKEN);
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).isEqualTo("abc123XYZ");

        assertThat(get("/hooks/orders?challenge=a+b%2Fc&token=" + TOKEN).body()).isEqualTo("a+b/c");

        HttpResponse<String> bad = get("/hooks/orders?challenge=abc123XYZ&token=" + WRONG_TOKEN);
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).doesNotContain("abc123XYZ");
        assertThat(get("/hooks/orders?challenge=abc123XYZ").statusCode()).isEqualTo(401);
        assertThat(get("/hooks/orders?token=" + TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void theSimulatorsVerificationSucceedsOnlyWithTheToken() {
        assertThat(chatbotcom().registerWebhook(url("/hooks/orders"), TOKEN).verified()).isTrue();
        assertThat(chatbotcom().registerWebhook(url("/hooks/orders"), "another-token").verified()).isFalse();
    }

    @Test
    void aConversationReachingAWebhookBlockGetsTheRoutesAnswer() {
        String webhookId = chatbotcom().registerWebhook("orders", url("/hooks/orders"), TOKEN).webhookId();
        chatbotcom().interaction(chatbotcom().defaultStoryId(), "order status").userSays("where is my order")
                .responses("Let me check.").webhook(webhookId).add();
        String session = newSessionId();

        template.requestBodyAndHeader("chatbotcom:query", "hello", ChatbotcomConstants.SESSION_ID, session);
        template.requestBodyAndHeader("chatbotcom:updateSessionAttributes", Map.of("attributes",
                Map.of("order_number", "B-7")), ChatbotcomConstants.SESSION_ID, session);
        ChatbotcomQueryResponse answer = template.requestBodyAndHeaders("chatbotcom:query", "where is my order",
                Map.of(ChatbotcomConstants.SESSION_ID, session), ChatbotcomQueryResponse.class);

        assertThat(answer.messages()).containsExactly("Let me check.", "Order B-7 ships tomorrow.");
        assertThat(answer.result().sessionParameters()).containsEntry("order_status", "packed");
        ChatbotcomWebhookEvent event = events.get(0);
        assertThat(event.chatId()).isEqualTo(chatbotcom().sessions().get(0).chatId());
        assertThat(event.node().webhookName()).isEqualTo("orders");
        assertThat(chatbotcom().webhookCalls()).last().satisfies(call -> {
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.error()).isNull();
        });
    }

    @Test
    void anEventReachesTheRouteTypedAndItsReplyGoesBack() throws Exception {
        HttpResponse<String> response = post("/hooks/orders?token=" + TOKEN, EVENT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"responses\":[{\"type\":\"text\",\"message\":\"Order A-1042 ships"
                                              + " tomorrow.\"}],\"attributes\":{\"order_status\":\"packed\"}}");
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("token"));

        ChatbotcomWebhookEvent event = events.get(0);
        assertThat(event.chatId()).isEqualTo("602313f0a1b2c3d4e5f60718");
        assertThat(event.userId()).isEqualTo("602313f0a1b2c3d4e5f60719");
        assertThat(event.externalId()).isEqualTo("26565d77-0000-4000-8000-000000000002");
        assertThat(event.node().type()).isEqualTo("WEBHOOK");
        assertThat(event.node().webhookName()).isEqualTo("orders");
        assertThat(event.userAttributes()).containsEntry("default_email", "me@example.com");
        assertThat(event.attributes()).containsEntry("baz", "");
        assertThat(eventHeaders.get(0)).containsEntry(ChatbotcomConstants.CHAT_ID, "602313f0a1b2c3d4e5f60718")
                .containsEntry(ChatbotcomConstants.USER_ID, "602313f0a1b2c3d4e5f60719")
                .containsEntry(ChatbotcomConstants.NODE_ID, "4b0d6bea-0000-4000-8000-000000000003");
        assertThat(eventHeaders.get(0).values()).as("the token does not travel with the event")
                .noneMatch(value -> String.valueOf(value).contains(TOKEN));
    }

    @Test
    void eventsWithoutTheTokenNeverReachTheRoute() throws Exception {
        assertThat(post("/hooks/orders?token=" + WRONG_TOKEN, EVENT).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/orders", EVENT).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/orders?token=" + TOKEN, "not json").statusCode()).isEqualTo(400);
        assertThat(events).isEmpty();

        // Camel's own DEBUG lines print resolved placeholders; what this component logs must not hold a token
        String componentLog = Files.readAllLines(Path.of("target/test-logs/camel-chatbotcom-tests.log"),
                StandardCharsets.UTF_8).stream().filter(line -> line.contains("io.github.camelchatbots"))
                .collect(Collectors.joining("\n"));
        assertThat(componentLog).contains("Refused a ChatBot.com webhook POST request").doesNotContain(TOKEN)
                .doesNotContain(WRONG_TOKEN);
    }

    @Test
    void textFromTheRouteIsSomethingForTheBotToSay() throws Exception {
        HttpResponse<String> response = post("/hooks/text?token=" + TOKEN, EVENT);

        assertThat(response.body()).isEqualTo("{\"responses\":[{\"type\":\"text\",\"message\":\"Thanks, noted.\"}]}");
    }

    @Test
    void aSlowRouteIsAnsweredInTimeWithAnEmptyReply() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = post("/hooks/slow?token=" + TOKEN, EVENT);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1800));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"responses\":[]}");
    }

    @Test
    void aFailingRouteIsA500WithoutItsDetails() throws Exception {
        HttpResponse<String> response = post("/hooks/failing?token=" + TOKEN, EVENT);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("order system down");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
