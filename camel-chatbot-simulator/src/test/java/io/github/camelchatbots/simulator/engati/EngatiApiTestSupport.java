package io.github.camelchatbots.simulator.engati;

import io.github.camelchatbots.simulator.SimulatorExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulator, reset before each test, and a client with the default key: what every API test here starts from. */
abstract class EngatiApiTestSupport {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    protected EngatiSimulation engati;
    protected EngatiHttp http;

    @BeforeEach
    void client(EngatiSimulation simulation) {
        engati = simulation;
        http = new EngatiHttp(simulation);
    }
}
