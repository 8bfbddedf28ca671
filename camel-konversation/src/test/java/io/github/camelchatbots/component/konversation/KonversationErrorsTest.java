package io.github.camelchatbots.component.konversation;

import java.util.Map;

import io.github.camelchatbots.component.konversation.model.KonversationSubscriber;
import io.github.camelchatbots.simulator.FixtureServer;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.ErrorEnvelope;
import io.github.camelchatbots.support.error.ChatbotAuthenticationException;
import io.github.camelchatbots.support.error.ChatbotBadRequestException;
import io.github.camelchatbots.support.error.ChatbotException;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import io.github.camelchatbots.support.error.ChatbotRateLimitedException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * konversation's three error envelopes, its 401, 404 and malformed answers: each a failure of its kind with the
 * vendor's message in the exception, a refusal neither retried nor counted twice.
 */
class KonversationErrorsTest extends KonversationTestSupport {

    private Exception failure(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
        assertThat(exchange.getException()).as(uri + " failed").isNotNull();
        return exchange.getException();
    }

    @Test
    void aRefusalAsHttp400WithMessage() {
        Exception failure = failure("konversation:subscriber?userNs=f131667u404", null, Map.of());

        assertThat(failure).isInstanceOf(ChatbotBadRequestException.class)
                .hasMessageContaining("konversation GET /subscriber/get-info")
                .hasMessageContaining("The selected user_ns is invalid.");
        assertThat(((ChatbotException) failure).getHttpStatus()).isEqualTo(400);
        assertThat(konversation().acceptedRequests(apiKey)).as("not retried").isEqualTo(1);
    }

    @Test
    void aRefusalAsStatusErrorInsideHttp200() {
        konversation().setErrorEnvelope(ErrorEnvelope.STATUS_ERROR);

        Exception write = failure("konversation:addTags?tagNames=vip&userNs=f131667u404", null, Map.of());
        Exception read = failure("konversation:subscriber?userNs=f131667u404", null, Map.of());
        Exception missing = failure("konversation:product?productId=999", null, Map.of());

        assertThat(write).isInstanceOf(ChatbotBadRequestException.class)
                .hasMessageContaining("The selected user_ns is invalid.")
                .hasMessageContaining("an error envelope in an HTTP 200 answer");
        assertThat(((ChatbotException) write).getHttpStatus()).isEqualTo(200);
        assertThat(read).isInstanceOf(ChatbotBadRequestException.class);
        assertThat(missing).isInstanceOf(ChatbotNotFoundException.class)
                .hasMessageContaining("No query results for model [Product] 999");
        assertThat(konversation().acceptedRequests(apiKey)).as("refusals are not retried, reads neither")
                .isEqualTo(3);
    }

    @Test
    void aRefusalAsError() {
        konversation().setErrorEnvelope(ErrorEnvelope.ERROR);

        Exception failure = failure("konversation:deleteTag?tagNs=f131667t404", null, Map.of());

        assertThat(failure).isInstanceOf(ChatbotBadRequestException.class)
                .hasMessageContaining("The selected tag_ns is invalid.");
        assertThat(((ChatbotException) failure).getBodyExcerpt()).isEqualTo(
                "{\"error\":\"The selected tag_ns is invalid.\"}");
    }

    @Test
    void anErrorFieldOrAThrottleInsideHttp200() throws Exception {
        assertThat(fixtureFailure("{\"error\":\"Something is wrong with the flow\"}"))
                .isInstanceOf(ChatbotBadRequestException.class)
                .hasMessageContaining("Something is wrong with the flow");
        assertThat(fixtureFailure("{\"status\":\"error\",\"message\":\"Unauthenticated.\"}"))
                .isInstanceOf(ChatbotAuthenticationException.class);
        assertThat(fixtureFailure("{\"status\":\"error\",\"message\":\"Too Many Attempts.\"}"))
                .isInstanceOf(ChatbotRateLimitedException.class);
        assertThat(fixtureFailure("{\"message\":\"The given data was invalid.\",\"errors\":{\"user_ns\":"
                                  + "[\"The user ns field is required.\"]}}", 422))
                .isInstanceOf(ChatbotBadRequestException.class)
                .hasMessageContaining("The given data was invalid.").hasMessageContaining("user ns field is required");
        assertThat(fixtureFailure("[1,2]")).isInstanceOf(ChatbotMalformedResponseException.class)
                .hasMessageContaining("expected an object with 'user_ns'");
    }

    private Exception fixtureFailure(String answer) throws Exception {
        return fixtureFailure(answer, 200);
    }

    private Exception fixtureFailure(String answer, int status) throws Exception {
        try (FixtureServer vendor = FixtureServer.answering(status, answer);
             CamelContext camel = new DefaultCamelContext()) {
            KonversationConfiguration defaults = camel.getComponent("konversation", KonversationComponent.class)
                    .getConfiguration();
            defaults.setBaseUrl(vendor.baseUrl() + "/api");
            defaults.setApiKey("fixture-key");
            defaults.setMaxRetries(0);
            camel.start();
            Exchange exchange = camel.createProducerTemplate().request("konversation:subscriber?userNs=f1u1",
                    e -> e.getMessage().setBody(null));
            assertThat(exchange.getException()).as(answer).isNotNull();
            return exchange.getException();
        }
    }

    @Test
    void anUnknownKeyIsRefusedAndNotRetried() {
        Exception failure = failure("konversation:tags?apiKey=not-a-key-of-konversation", null, Map.of());

        assertThat(failure).isInstanceOf(ChatbotAuthenticationException.class).hasMessageContaining("Unauthenticated.")
                .hasMessageNotContaining("not-a-key-of-konversation");
        assertThat(konversation().requests()).hasSize(1);
    }

    @Test
    void aSingleObjectIsReadBareOrUnderData() {
        String ann = subscriber("Ann", 1);
        KonversationSubscriber wrapped = body("konversation:subscriber", null,
                Map.of(KonversationConstants.USER_NS, ann), KonversationSubscriber.class);
        konversation().answerSingleObjectsBare(true);
        KonversationSubscriber bare = body("konversation:subscriber", null, Map.of(KonversationConstants.USER_NS, ann),
                KonversationSubscriber.class);

        assertThat(bare).isEqualTo(wrapped);
        assertThat(bare.userNs()).isEqualTo(ann);
    }
}
