package io.github.camelchatbots.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelchatbots.simulator.ebbot.EbbotSimulation;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorExtensionTest {

    @RegisterExtension
    static SimulatorExtension SIM = new SimulatorExtension();

    @Test
    @Order(1)
    void injectsTheRunningSimulator(ChatbotSimulator sim, EbbotSimulation ebbot) {
        assertThat(sim).isSameAs(SIM.simulator());
        assertThat(ebbot).isSameAs(SIM.ebbot());
        ebbot.createChat(Instant.now());
        sim.faults().on("GET", ".*").status(500);
    }

    @Test
    @Order(2)
    void resetsBeforeEachTest(ChatbotSimulator sim) {
        assertThat(sim.ebbot().chatIds()).isEmpty();
        assertThat(sim.faults().remaining()).isZero();
    }

    @Nested
    class NestedTests {

        @Test
        void shareTheOuterSimulator(ChatbotSimulator sim) {
            assertThat(sim).isSameAs(SIM.simulator());
        }
    }
}
