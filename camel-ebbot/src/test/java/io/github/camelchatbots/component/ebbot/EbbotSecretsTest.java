package io.github.camelchatbots.component.ebbot;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key and the webhook id (whoever knows it can talk to the bot) must not leak: not in logs at any level we
 * write, not in exception messages or stack traces, not in the URIs Camel prints. Everything our loggers and
 * Camel's write goes to a file (log4j2-test.xml) that this test searches.
 */
class EbbotSecretsTest extends EbbotTestSupport {

    @Test
    void keysAndWebhookIdsAppearNowhere() throws Exception {
        String webhookId = ebbot().createIncomingWebhook();
        String wrongKey = "leakedpublic.leakedsecret" + System.nanoTime();
        List<Throwable> failures = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ebbot:chats?delay=100&initialDelay=0&apiKey=" + apiKey).routeId("with-key-in-uri")
                        .to("log:chats?showAll=true");
                from("direct:talk").to("ebbot:sendMessage?webhookId=" + webhookId).to("log:answers?showAll=true");
                from("direct:wrong").to("ebbot:chats?apiKey=" + wrongKey);
            }
        });

        template.requestBody("direct:talk", "hello");
        record(failures, () -> template.requestBody("direct:wrong", "x"));
        record(failures, () -> template.requestBody("ebbot:sendMessage?webhookId=" + webhookId + "x", "hello"));
        record(failures, () -> template.requestBody("ebbot:chats?apiKey=" + wrongKey + "&baseUrl=http://127.0.0.1:1",
                "x"));
        Thread.sleep(300);

        assertThat(failures).hasSize(3);
        List<String> secrets = List.of(apiKey, apiKey.substring(apiKey.indexOf('.') + 1), wrongKey, webhookId);
        String everythingPrinted = Files.readString(Path.of("target/test-logs/camel-ebbot-tests.log"),
                StandardCharsets.UTF_8);
        for (Throwable failure : failures) {
            everythingPrinted += stackTrace(failure);
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            everythingPrinted += endpoint.toString();
        }
        assertThat(everythingPrinted).contains("ebbot://chats").contains("Unauthorized");
        for (String secret : secrets) {
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
