package io.github.camelchatbots.component.chataibot;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelchatbots.simulator.chataibot.ReplyDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The access token and the webhook secret must not leak: not in logs at any level we write, not in exception messages
 * or stack traces, not in the URIs Camel prints. Everything our loggers and Camel's write goes to a file
 * (log4j2-test.xml) that this test searches.
 */
class ChataibotSecretsTest extends ChataibotTestSupport {

    private final String webhookSecret = "webhook-secret-" + System.nanoTime();
    private final List<Object> replies = new CopyOnWriteArrayList<>();
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
        return context;
    }

    @Test
    void secretsAppearNowhere() throws Exception {
        String wrongToken = "leaked-token-" + System.nanoTime();
        List<Throwable> failures = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("chataibot:replies?webhookSecret=" + webhookSecret).routeId("secret-in-uri")
                        .process(exchange -> replies.add(exchange.getMessage().getBody()))
                        .to("log:replies?showAll=true");
                from("direct:say").to("chataibot:sendMessage?botKey=" + BOT_KEY + "&accessToken=" + accessToken)
                        .to("log:answers?showAll=true");
                from("direct:wrong").to("chataibot:sourceStatus?sourceIds=1&accessToken=" + wrongToken);
            }
        });
        chataibot().setReplyDelivery(ReplyDelivery.BOTH);
        chataibot().registerCallback("http://127.0.0.1:" + port + "/chataibot/replies", webhookSecret);

        template.requestBodyAndHeader("direct:say", "hello", ChataibotConstants.USER_EXTERNAL_ID, newVisitor());
        await().until(() -> replies.size() == 1);
        record(failures, () -> template.requestBody("direct:wrong", "x"));
        record(failures, () -> template.requestBody("chataibot:uploadSources?knowledgeBaseId=1&accessToken="
                                                    + wrongToken + "&baseUrl=http://127.0.0.1:1", "x"));
        record(failures, () -> template.requestBody("chataibot:replies?webhookSecret=" + webhookSecret, "x"));
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/chataibot/replies")).header("X-ChatAIBot-Secret",
                        wrongToken).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);

        assertThat(failures).hasSize(3);
        String everythingPrinted = Files.readString(Path.of("target/test-logs/camel-chataibot-tests.log"),
                StandardCharsets.UTF_8);
        for (Throwable failure : failures) {
            everythingPrinted += stackTrace(failure);
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            everythingPrinted += endpoint.toString();
        }
        assertThat(everythingPrinted).contains("chataibot://replies").contains("credential refused")
                .contains("Refused a ChatAIBot reply on /chataibot/replies without the secret");
        for (String secret : List.of(accessToken, wrongToken, webhookSecret)) {
            assertThat(everythingPrinted).doesNotContain(secret);
        }
    }

    private static void record(List<Throwable> failures, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
