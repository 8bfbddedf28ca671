package io.github.camelchatbots.component.chatbotcom;

import java.util.UUID;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomQueryResponse;
import io.github.camelchatbots.simulator.SimulatorExtension;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every ChatBot.com test talks to the simulator over real HTTP, each with an access token of its own, so that what
 * one test's token did is never mistaken for another's.
 */
abstract class ChatbotcomTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    protected String accessToken;

    protected ChatbotcomSimulation chatbotcom() {
        return SIM.chatbotcom();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        accessToken = "tok" + UUID.randomUUID().toString().replace("-", "");
        chatbotcom().addAccessToken(accessToken);
        CamelContext context = super.createCamelContext();
        configure(context.getComponent("chatbotcom", ChatbotcomComponent.class).getConfiguration());
        return context;
    }

    protected void configure(ChatbotcomConfiguration defaults) {
        defaults.setBaseUrl(chatbotcom().baseUrl());
        defaults.setAccessToken(accessToken);
        defaults.setRetryInitialDelay(20);
        defaults.setResponseTimeout(5_000);
    }

    /** A second, independent CamelContext on the same account: what a restarted application would be. */
    protected CamelContext standaloneContext(String uri, Processor processor) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        configure(camel.getComponent("chatbotcom", ChatbotcomComponent.class).getConfiguration());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(processor);
            }
        });
        return camel;
    }

    /** A session id of the length ChatBot.com takes. */
    protected static String newSessionId() {
        return UUID.randomUUID().toString();
    }

    /** Talks to the bot over HTTP, as a visitor would; returns the chat archive the conversation went to. */
    protected String converse(String... messages) {
        String session = newSessionId();
        for (String message : messages) {
            template.requestBodyAndHeader("chatbotcom:query", message, ChatbotcomConstants.SESSION_ID, session,
                    ChatbotcomQueryResponse.class);
        }
        return chatbotcom().sessions().stream().filter(view -> view.sessionId().equals(session)).findFirst()
                .orElseThrow().chatId();
    }

}
