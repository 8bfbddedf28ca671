package io.github.camelchatbots.simulator.chataibot;

import io.github.camelchatbots.simulator.SimulatorExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulator, reset before each test, a deployed bot and a client with the access token. */
abstract class ChataibotApiTestSupport {

    static final String BOT_KEY = "bot-key-0001";
    static final String VISITOR = "visitor-42";
    static final String START = "/api/v1/conversations";

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    protected ChataibotSimulation chataibot;
    protected ChataibotHttp http;

    @BeforeEach
    void client(ChataibotSimulation simulation) {
        chataibot = simulation;
        http = new ChataibotHttp(simulation);
        chataibot.registerBot(BOT_KEY, "65a1f0c2e4b0a1b2c3d4e5f6", "support-bot@example.com");
    }

    static String messages(String conversationId) {
        return "/api/v1/conversation/" + conversationId + "/messages";
    }
}
