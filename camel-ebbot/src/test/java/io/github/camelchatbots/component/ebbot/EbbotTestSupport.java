package io.github.camelchatbots.component.ebbot;

import java.time.Duration;
import java.util.UUID;

import io.github.camelchatbots.simulator.SimulatorExtension;
import io.github.camelchatbots.simulator.ebbot.EbbotSimulation;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every Ebbot test talks to the simulator over real HTTP. Each test gets its own API key: rate limiters are per
 * account and JVM-wide, so a fresh key keeps one test's spent budget from slowing the next.
 */
abstract class EbbotTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    protected String apiKey;

    protected EbbotSimulation ebbot() {
        return SIM.ebbot();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        apiKey = "pk" + UUID.randomUUID().toString().replace("-", "") + ".sk" + UUID.randomUUID();
        ebbot().addApiKey(apiKey);
        ebbot().setRateLimit(1000, Duration.ofMinutes(1));
        CamelContext context = super.createCamelContext();
        EbbotConfiguration defaults = context.getComponent("ebbot", EbbotComponent.class).getConfiguration();
        defaults.setBaseUrl(ebbot().baseUrl());
        defaults.setApiKey(apiKey);
        defaults.setRateLimit(1000);
        defaults.setRetryInitialDelay(20);
        defaults.setResponseTimeout(5_000);
        return context;
    }

    /** A second, independent CamelContext on the same account: what a restarted application would be. */
    protected CamelContext standaloneContext(String uri, Processor processor) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        EbbotConfiguration defaults = camel.getComponent("ebbot", EbbotComponent.class).getConfiguration();
        defaults.setBaseUrl(ebbot().baseUrl());
        defaults.setApiKey(apiKey);
        defaults.setRateLimit(1000);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(processor);
            }
        });
        return camel;
    }
}
