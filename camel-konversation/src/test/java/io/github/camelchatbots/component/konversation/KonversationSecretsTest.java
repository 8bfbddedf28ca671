package io.github.camelchatbots.component.konversation;

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
 * the URIs Camel prints. Everything our loggers and Camel's write goes to a file (log4j2-test.xml) searched here.
 */
class KonversationSecretsTest extends KonversationTestSupport {

    @Test
    void keysAppearNowhere() throws Exception {
        String wrongKey = "leaked-key-" + System.nanoTime();
        List<Throwable> failures = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tag").to("konversation:addTags?tagNames=vip&apiKey=" + apiKey)
                        .to("log:tagged?showAll=true");
                from("direct:wrong").to("konversation:tags?apiKey=" + wrongKey);
            }
        });
        String ann = subscriber("Ann", 1);
        konversation().createTag("vip");

        template.requestBodyAndHeader("direct:tag", null, KonversationConstants.USER_NS, ann);
        record(failures, () -> template.requestBody("direct:wrong", "x"));
        record(failures, () -> template.requestBody("konversation:tags?apiKey=" + wrongKey
                                                    + "&baseUrl=http://127.0.0.1:1/api&maxRetries=0", "x"));
        record(failures, () -> template.requestBodyAndHeaders("konversation:subscriber?apiKey=" + wrongKey, null,
                Map.of(KonversationConstants.USER_NS, "f131667u404")));
        context.stop();

        assertThat(failures).hasSize(3);
        String everythingPrinted = Files.readString(Path.of("target/test-logs/camel-konversation-tests.log"),
                StandardCharsets.UTF_8);
        for (Throwable failure : failures) {
            everythingPrinted += stackTrace(failure);
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            everythingPrinted += endpoint.toString();
        }
        assertThat(everythingPrinted).contains("konversation://addTags").contains("credential refused")
                .contains("Unauthenticated.");
        for (String secret : List.of(apiKey, wrongKey)) {
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
