package io.github.camelchatbots.component.chatbotcom;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access token and the webhook's verification token must not leak: not in logs at any level we write, not in
 * exception messages or stack traces, not in the URIs Camel prints. Everything our loggers and Camel's write goes
 * to a file (log4j2-test.xml) that this test searches.
 */
class ChatbotcomSecretsTest extends ChatbotcomTestSupport {

    @Test
    void tokensAppearNowhere() throws Exception {
        String wrongToken = "leaked-token-" + System.nanoTime();
        String webhookVerifyToken = "verification-" + System.nanoTime();
        List<Throwable> failures = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("chatbotcom:users?delay=100&initialDelay=0&accessToken=" + accessToken).routeId("token-in-uri")
                        .to("log:users?showAll=true");
                from("direct:ask").to("chatbotcom:query?accessToken=" + accessToken).to("log:answers?showAll=true");
                from("direct:wrong").to("chatbotcom:stories?accessToken=" + wrongToken);
            }
        });
        chatbotcom().createUser("someone", Map.of("default_name", "Someone"));

        template.requestBodyAndHeader("direct:ask", "hello", ChatbotcomConstants.SESSION_ID, newSessionId());
        record(failures, () -> template.requestBody("direct:wrong", "x"));
        record(failures, () -> template.requestBody("chatbotcom:stories?accessToken=" + wrongToken
                                                    + "&baseUrl=http://127.0.0.1:1", "x"));
        record(failures, () -> template.requestBody("chatbotcom:webhook?webhookVerifyToken=" + webhookVerifyToken, "x"));
        Thread.sleep(300);

        assertThat(failures).hasSize(3);
        String everythingPrinted = Files.readString(Path.of("target/test-logs/camel-chatbotcom-tests.log"),
                StandardCharsets.UTF_8);
        for (Throwable failure : failures) {
            everythingPrinted += stackTrace(failure);
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            everythingPrinted += endpoint.toString();
        }
        assertThat(everythingPrinted).contains("chatbotcom://users").contains("credential refused");
        for (String secret : List.of(accessToken, wrongToken, webhookVerifyToken)) {
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
}
