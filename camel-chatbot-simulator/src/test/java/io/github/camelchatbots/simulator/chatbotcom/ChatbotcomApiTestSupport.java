package io.github.camelchatbots.simulator.chatbotcom;

import io.github.camelchatbots.simulator.SimulatorExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulator, reset before each test, and a client with its access token: what every API test here starts from. */
abstract class ChatbotcomApiTestSupport {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    protected ChatbotcomSimulation chatbotcom;
    protected ChatbotcomHttp http;

    @BeforeEach
    void client(ChatbotcomSimulation simulation) {
        chatbotcom = simulation;
        http = new ChatbotcomHttp(simulation);
    }
}
