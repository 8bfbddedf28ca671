package io.github.camelchatbots.component.konversation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.SimulatorExtension;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every konversation test talks to the simulator over real HTTP, each with an API key of its own, so that what one
 * test's key did (its rate-limit window, a pause after a 429) is never mistaken for another's.
 */
abstract class KonversationTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    protected String apiKey;

    protected KonversationSimulation konversation() {
        return SIM.konversation();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        apiKey = "key" + UUID.randomUUID().toString().replace("-", "");
        konversation().addToken(apiKey);
        CamelContext context = super.createCamelContext();
        configure(context.getComponent("konversation", KonversationComponent.class).getConfiguration());
        return context;
    }

    protected void configure(KonversationConfiguration defaults) {
        defaults.setBaseUrl(konversation().baseUrl());
        defaults.setApiKey(apiKey);
        defaults.setRetryInitialDelay(20);
        defaults.setResponseTimeout(5_000);
    }

    /** Sends to a konversation endpoint and returns the whole exchange, failing the test when the call failed. */
    protected Exchange call(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
        assertThat(exchange.getException()).as(uri).isNull();
        return exchange;
    }

    protected <T> T body(String uri, Object body, Map<String, Object> headers, Class<T> type) {
        return call(uri, body, headers).getMessage().getBody(type);
    }

    /** The request the simulator received last. */
    protected RecordedRequest lastRequest() {
        List<RecordedRequest> requests = konversation().requests();
        assertThat(requests).isNotEmpty();
        return requests.get(requests.size() - 1);
    }

    /** The last request's JSON body. */
    protected JsonNode lastBody() throws Exception {
        return ChatbotJson.mapper().readTree(lastRequest().body());
    }

    /** Asserts method and path (below /api) of the last request, and returns its JSON body or an empty object. */
    protected JsonNode sent(String method, String path) throws Exception {
        RecordedRequest request = lastRequest();
        assertThat(request.method() + " " + request.path()).isEqualTo(method + " /api" + path);
        assertThat(request.header("authorization")).isEqualTo("Bearer " + apiKey);
        return request.body().isEmpty() ? ChatbotJson.mapper().createObjectNode()
                : ChatbotJson.mapper().readTree(request.body());
    }

    protected static JsonNode json(String text) throws Exception {
        return ChatbotJson.mapper().readTree(text);
    }

    /** A subscriber with a first name and a phone number made from {@code n}. */
    protected String subscriber(String firstName, int n) {
        return konversation().newSubscriber().firstName(firstName).phone("+61 400 000 " + String.format("%03d", n))
                .create();
    }
}
