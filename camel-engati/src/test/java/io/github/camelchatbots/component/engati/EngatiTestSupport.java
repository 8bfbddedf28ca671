package io.github.camelchatbots.component.engati;

import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.SimulatorExtension;
import io.github.camelchatbots.simulator.engati.EngatiSimulation;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Engati test talks to the simulator over real HTTP, each with an API key of its own for the simulator's
 * default customer and bot, so that what one test's key did is never mistaken for another's.
 */
abstract class EngatiTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    protected String apiKey;

    protected EngatiSimulation engati() {
        return SIM.engati();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        apiKey = newApiKey();
        engati().addApiKey(apiKey, engati().customerId(), engati().botKey());
        CamelContext context = super.createCamelContext();
        configure(context.getComponent("engati", EngatiComponent.class).getConfiguration());
        return context;
    }

    protected void configure(EngatiConfiguration defaults) {
        defaults.setBaseUrl(engati().baseUrl());
        defaults.setApiKey(apiKey);
        defaults.setCustomerId(Long.toString(engati().customerId()));
        defaults.setBotKey(engati().botKey());
        defaults.setRetryInitialDelay(20);
        defaults.setResponseTimeout(5_000);
    }

    /** A key in the form Engati's portal issues: a UUID, a dash and 7 alphanumerics. */
    protected static String newApiKey() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            suffix.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return UUID.randomUUID() + "-" + suffix;
    }

    /** Sends and rethrows a failure as the producer template would, keeping the exchange for its headers. */
    protected Exchange send(String uri, Object body, java.util.Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
        if (exchange.getException() != null) {
            throw new CamelExecutionException("failed", exchange, exchange.getException());
        }
        return exchange;
    }

    protected RecordedRequest lastRequest() {
        List<RecordedRequest> requests = engati().requests();
        assertThat(requests).isNotEmpty();
        return requests.get(requests.size() - 1);
    }
}
