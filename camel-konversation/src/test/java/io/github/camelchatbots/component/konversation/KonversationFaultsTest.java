package io.github.camelchatbots.component.konversation;

import java.time.Duration;
import java.util.Map;

import io.github.camelchatbots.component.konversation.model.KonversationPage;
import io.github.camelchatbots.support.error.ChatbotConnectionException;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.error.ChatbotTimeoutException;
import io.github.camelchatbots.support.error.ChatbotVendorException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's fault injection against each kind of call: reads and the repeatable writes (PUT, DELETE) are
 * retried, a POST that may have reached konversation is not.
 */
class KonversationFaultsTest extends KonversationTestSupport {

    private long requestsTo(String method, String path) {
        return konversation().requests().stream()
                .filter(request -> request.method().equals(method) && request.path().equals("/api" + path)).count();
    }

    private Exception failure(String uri, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setHeaders(new java.util.HashMap<>(headers)));
        assertThat(exchange.getException()).as(uri).isNotNull();
        return exchange.getException();
    }

    @Test
    void readsAreRetriedAfter5xxAndADroppedConnection() {
        konversation().createTag("vip");
        SIM.simulator().faults().on("GET", "/api/flow/tags").times(1).status(503);
        SIM.simulator().faults().on("GET", "/api/flow/tags").times(1).dropConnection();

        KonversationPage<?> tags = body("konversation:tags", null, Map.of(), KonversationPage.class);

        assertThat(tags.data()).hasSize(1);
        assertThat(requestsTo("GET", "/flow/tags")).isEqualTo(3);
    }

    @Test
    void aDeleteIsRepeatableAndRetriedWithItsBody() {
        String ann = subscriber("Ann", 1);
        konversation().addTag(ann, "vip");
        SIM.simulator().faults().on("DELETE", "/api/subscriber/remove-tag-by-name").times(1).status(502);

        call("konversation:removeTags?tagNames=vip", null, Map.of(KonversationConstants.USER_NS, ann));

        assertThat(requestsTo("DELETE", "/subscriber/remove-tag-by-name")).isEqualTo(2);
        assertThat(konversation().requests()).filteredOn(request -> request.method().equals("DELETE"))
                .extracting(request -> request.body()).containsOnly("{\"user_ns\":\"" + ann + "\",\"tag_name\":\"vip\"}");
        assertThat(konversation().subscriber(ann).tags()).isEmpty();
    }

    @Test
    void aPostIsNotRepeatedOnceKonversationMayHaveActed() {
        String ann = subscriber("Ann", 1);
        String welcome = konversation().registerSubFlow("Welcome", "Hi!").subFlowNs();
        SIM.simulator().faults().on("POST", "/api/subscriber/send-sub-flow").times(1).status(500);

        Exception failure = failure("konversation:sendSubFlow?subFlowNs=" + welcome,
                Map.of(KonversationConstants.USER_NS, ann));

        assertThat(failure).isInstanceOf(ChatbotVendorException.class).hasMessageContaining("HTTP 500");
        assertThat(requestsTo("POST", "/subscriber/send-sub-flow")).as("a second send would be a second message")
                .isEqualTo(1);
    }

    @Test
    void aPostIsRepeatedAfter429ForKonversationDidNotTakeIt() {
        String ann = subscriber("Ann", 1);
        SIM.simulator().faults().on("POST", "/api/subscriber/send-text").times(1).status(429, Duration.ofMillis(200));

        call("konversation:sendText", "Hello", Map.of(KonversationConstants.USER_NS, ann));

        assertThat(requestsTo("POST", "/subscriber/send-text")).isEqualTo(2);
        assertThat(konversation().chatHistory(ann)).hasSize(1);
    }

    @Test
    void malformedJsonSlowAnswersAndDroppedWritesAreReportedAsSuch() {
        SIM.simulator().faults().on("GET", "/api/flow/subflows").times(4).malformedJson();
        assertThat(failure("konversation:subFlows?maxRetries=0", Map.of()))
                .isInstanceOf(ChatbotMalformedResponseException.class).hasMessageContaining("invalid JSON");

        SIM.simulator().faults().on("GET", "/api/flow/user-fields").times(1).latency(Duration.ofSeconds(3));
        assertThat(failure("konversation:userFields?responseTimeout=500", Map.of()))
                .isInstanceOf(ChatbotTimeoutException.class);

        SIM.simulator().faults().on("POST", "/api/flow/create-tag").times(1).dropConnection();
        assertThat(failure("konversation:createTag?tagName=vip", Map.of()))
                .isInstanceOf(ChatbotConnectionException.class);
        assertThat(requestsTo("POST", "/flow/create-tag")).isEqualTo(1);
    }
}
