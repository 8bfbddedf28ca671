package io.github.camelchatbots.component.engati;

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
 * The API key must not leak: not in logs at any level we write, not in exception messages or stack traces, not in
 * the URIs Camel prints, whether the key is accepted, refused or never reaches Engati, on the JSON calls and on the
 * multipart broadcast alike. Everything our loggers and Camel's write goes to a file (log4j2-test.xml) that this
 * test searches.
 */
class EngatiSecretsTest extends EngatiTestSupport {

    private static final String BROADCAST = "engati:broadcast?broadcastId=b&templateName=t&templateLanguage=en";

    @Test
    void theKeyAppearsNowhere() throws Exception {
        String wrongKey = newApiKey();
        List<Throwable> failures = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:find").routeId("key-in-uri")
                        .to("engati:users?attributeName=lead_status&attributeValue=qualified&apiKey=" + apiKey)
                        .to("log:users?showAll=true");
                from("direct:wrong").to("engati:users?attributeName=a&attributeValue=b&apiKey=" + wrongKey);
                from("direct:broadcast").to(BROADCAST + "&apiKey=" + wrongKey);
            }
        });
        engati().addUser("919565428256", "whatsapp", "Priya", Map.of("lead_status", "qualified"));

        template.requestBody("direct:find", (Object) null);
        template.requestBody(BROADCAST, "user.phone_number\n+919876543210\n");
        record(failures, () -> template.requestBody("direct:wrong", (Object) null));
        record(failures, () -> template.requestBody("direct:broadcast", "user.phone_number\n+919876543210\n"));
        record(failures, () -> template.requestBody("engati:users?attributeName=a&attributeValue=b&maxRetries=0"
                                                    + "&baseUrl=http://127.0.0.1:1&apiKey=" + wrongKey, (Object) null));
        record(failures, () -> template.requestBody("engati:users?apiKey=Basic%20" + wrongKey, (Object) null));

        assertThat(failures).hasSize(4);
        StringBuilder everythingPrinted = new StringBuilder(Files.readString(
                Path.of("target/test-logs/camel-engati-tests.log"), StandardCharsets.UTF_8));
        for (Throwable failure : failures) {
            everythingPrinted.append(stackTrace(failure));
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            everythingPrinted.append(endpoint).append('\n');
        }
        assertThat(everythingPrinted).contains("engati://users").contains("credential refused")
                .contains("connection failed").contains("apiKey must be the API key alone");
        for (String secret : List.of(apiKey, wrongKey)) {
            assertThat(everythingPrinted).doesNotContain(secret);
        }
        assertThat(engati().requests()).extracting(request -> request.header("authorization"))
                .as("the keys did reach the simulator").contains("Basic " + apiKey, "Basic " + wrongKey);
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
