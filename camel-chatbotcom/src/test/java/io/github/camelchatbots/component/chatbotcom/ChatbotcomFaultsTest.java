package io.github.camelchatbots.component.chatbotcom;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomStory;
import io.github.camelchatbots.support.error.ChatbotConnectionException;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.error.ChatbotRateLimitedException;
import io.github.camelchatbots.support.error.ChatbotTimeoutException;
import io.github.camelchatbots.support.error.ChatbotVendorException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What the simulator's fault injection does to each kind of call, over real HTTP. */
class ChatbotcomFaultsTest extends ChatbotcomTestSupport {

    private int requestsTo(String method, String path) {
        return (int) chatbotcom().requests().stream()
                .filter(request -> request.method().equals(method) && request.path().equals(path)).count();
    }

    @Test
    void readsAreRetriedAfter5xxAndADroppedConnection() {
        SIM.simulator().faults().on("GET", "/v2/stories").times(1).status(503);
        SIM.simulator().faults().on("GET", "/v2/stories").times(1).dropConnection();

        List<?> stories = template.requestBody("chatbotcom:stories", null, List.class);

        assertThat(stories).isNotEmpty().first().isInstanceOf(ChatbotcomStory.class);
        assertThat(requestsTo("GET", "/v2/stories")).isEqualTo(3);
    }

    @Test
    void retryAfterIsHonoured() {
        SIM.simulator().faults().on("GET", "/users/segments").times(1).status(429, Duration.ofSeconds(1));

        long started = System.nanoTime();
        template.requestBody("chatbotcom:segments", null, List.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(requestsTo("GET", "/users/segments")).isEqualTo(2);
    }

    @Test
    void aRetryAfterBeyondTheLimitIsTheRoutesToHandle() {
        SIM.simulator().faults().on("GET", "/users/segments").times(1).status(429, Duration.ofSeconds(120));

        assertThatThrownBy(() -> template.requestBody("chatbotcom:segments", null, List.class))
                .cause().isInstanceOfSatisfying(ChatbotRateLimitedException.class,
                        e -> assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(120)));
    }

    @Test
    void aQueryIsNeverRepeatedAfterTheVendorMayHaveActed() {
        SIM.simulator().faults().on("POST", "/query").times(1).status(500);

        assertThatThrownBy(() -> template.requestBodyAndHeader("chatbotcom:query", "hello",
                ChatbotcomConstants.SESSION_ID, newSessionId()))
                .cause().isInstanceOf(ChatbotVendorException.class).hasMessageContaining("500");
        assertThat(requestsTo("POST", "/query")).as("a second turn would change the conversation").isEqualTo(1);
    }

    @Test
    void aQueryIsRepeatedAfter429() {
        SIM.simulator().faults().on("POST", "/query").times(1).status(429, Duration.ofMillis(100));

        template.requestBodyAndHeader("chatbotcom:query", "hello", ChatbotcomConstants.SESSION_ID, newSessionId());

        assertThat(requestsTo("POST", "/query")).isEqualTo(2);
    }

    @Test
    void malformedJsonIsReportedAsSuch() {
        SIM.simulator().faults().on("GET", "/v2/stories").always().malformedJson();

        assertThatThrownBy(() -> template.requestBody("chatbotcom:stories", null, List.class))
                .cause().isInstanceOf(ChatbotMalformedResponseException.class);
    }

    @Test
    void aSlowAnswerIsATimeoutAndNotRetried() {
        SIM.simulator().faults().on("GET", "/v2/chats").times(1).latency(Duration.ofSeconds(2));

        assertThatThrownBy(() -> template.requestBody("chatbotcom:chats?responseTimeout=300", null, List.class))
                .cause().isInstanceOf(ChatbotTimeoutException.class);
        assertThat(requestsTo("GET", "/v2/chats")).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionOnAWriteIsNotRepeated() {
        String id = chatbotcom().createUser("faulty", Map.of("default_name", "F"));
        SIM.simulator().faults().on("POST", "/users").times(1).dropConnection();

        assertThatThrownBy(() -> template.requestBody("chatbotcom:createUser",
                Map.of("attributes", Map.of("default_name", "G")), Object.class))
                .cause().isInstanceOf(ChatbotConnectionException.class);
        assertThat(requestsTo("POST", "/users")).isEqualTo(1);
        assertThat(id).hasSize(24);
    }

    @Test
    void consumersSurviveFaultsAndDeliverEverythingAfterwards() throws Exception {
        chatbotcom().createUser("one", Map.of("n", "1"));
        SIM.simulator().faults().on("GET", "/users").times(4).status(502);
        List<String> delivered = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("chatbotcom:users?delay=100&maxRetries=0").process(exchange -> delivered.add(
                        exchange.getMessage().getHeader(ChatbotcomConstants.USER_ID, String.class)));
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);
        assertThat(SIM.simulator().faults().remaining()).isZero();
    }
}
