package io.github.camelchatbots.simulator;

import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation;
import io.github.camelchatbots.simulator.ebbot.EbbotSimulation;
import io.github.camelchatbots.simulator.engati.EngatiSimulation;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one simulator per test class on a random port, reset before every test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SimulatorExtension SIM = new SimulatorExtension();
 *
 * @Test
 * void polls(ChatbotSimulator sim) { ... }   // or SIM.simulator(), SIM.ebbot(), SIM.chatbotcom()
 * }</pre>
 *
 * Test methods and constructors may declare {@link ChatbotSimulator}, {@link EbbotSimulation},
 * {@link ChatbotcomSimulation}, {@link EngatiSimulation}, {@link KonversationSimulation} or
 * {@link ChataibotSimulation} parameters.
 */
public final class SimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    private ChatbotSimulator simulator;
    /** The class that started the simulator; nested test classes share it instead of starting their own. */
    private String owner;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (simulator == null) {
            simulator = ChatbotSimulator.start();
            owner = context.getUniqueId();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null && context.getUniqueId().equals(owner)) {
            simulator.close();
            simulator = null;
            owner = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ChatbotSimulator.class || type == EbbotSimulation.class || type == ChatbotcomSimulation.class
                || type == EngatiSimulation.class || type == KonversationSimulation.class
                || type == ChataibotSimulation.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == EbbotSimulation.class) {
            return ebbot();
        }
        if (type == EngatiSimulation.class) {
            return engati();
        }
        if (type == KonversationSimulation.class) {
            return konversation();
        }
        if (type == ChataibotSimulation.class) {
            return chataibot();
        }
        return type == ChatbotcomSimulation.class ? chatbotcom() : simulator();
    }

    public ChatbotSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException(
                    "the simulator runs only while the test class runs; register the extension on a static field");
        }
        return simulator;
    }

    public EbbotSimulation ebbot() {
        return simulator().ebbot();
    }

    public ChatbotcomSimulation chatbotcom() {
        return simulator().chatbotcom();
    }

    public EngatiSimulation engati() {
        return simulator().engati();
    }

    public KonversationSimulation konversation() {
        return simulator().konversation();
    }

    public ChataibotSimulation chataibot() {
        return simulator().chataibot();
    }
}
