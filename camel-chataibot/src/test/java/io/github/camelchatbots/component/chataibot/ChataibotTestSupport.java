package io.github.camelchatbots.component.chataibot;

import java.util.List;
import java.util.UUID;

import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.SimulatorExtension;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every ChatAIBot test talks to the simulator over real HTTP, each with an access token of its own, so that what one
 * test's token did is never mistaken for another's, and with a bot deployed under {@link #BOT_KEY}.
 */
abstract class ChataibotTestSupport extends CamelTestSupport {

    static final String BOT_KEY = "test-bot-key-0001";

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    protected String accessToken;

    protected ChataibotSimulation chataibot() {
        return SIM.chataibot();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        accessToken = "tok" + UUID.randomUUID().toString().replace("-", "");
        chataibot().addAccessToken(accessToken);
        if (chataibot().bots().stream().noneMatch(bot -> bot.botKey().equals(BOT_KEY))) {
            chataibot().registerBot(BOT_KEY);
        }
        CamelContext context = super.createCamelContext();
        configure(context.getComponent("chataibot", ChataibotComponent.class).getConfiguration());
        return context;
    }

    protected void configure(ChataibotConfiguration defaults) {
        defaults.setBaseUrl(chataibot().baseUrl());
        defaults.setAccessToken(accessToken);
        defaults.setRetryInitialDelay(20);
        defaults.setResponseTimeout(5_000);
    }

    /** A second, independent CamelContext on the same account: what a restarted application would be. */
    protected CamelContext standaloneContext() {
        CamelContext camel = new DefaultCamelContext();
        configure(camel.getComponent("chataibot", ChataibotComponent.class).getConfiguration());
        return camel;
    }

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
        List<RecordedRequest> requests = chataibot().requests();
        return requests.get(requests.size() - 1);
    }

    protected static String newVisitor() {
        return "visitor-" + UUID.randomUUID();
    }
}
