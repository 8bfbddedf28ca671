package io.github.camelchatbots.simulator.konversation;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.SimulatorExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.StreamSupport;

/** The simulator, reset before each test, and a client with the default token: what every API test here starts from. */
abstract class KonversationApiTestSupport {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    protected KonversationSimulation konversation;
    protected KonversationHttp http;

    @BeforeEach
    void client(KonversationSimulation simulation) {
        konversation = simulation;
        http = new KonversationHttp(simulation);
    }

    /** A subscriber with just a first name and a phone number made from {@code n}. */
    protected String subscriber(String firstName, int n) {
        return konversation.newSubscriber().firstName(firstName).phone("+61 400 000 " + String.format("%03d", n))
                .create();
    }

    /** The values of one field of every item of a list's {@code data}. */
    protected static List<String> values(JsonNode page, String field) {
        return StreamSupport.stream(page.get("data").spliterator(), false).map(item -> item.get(field).asText())
                .toList();
    }

    /** {@code n} items for a {@code data} array, each made by {@code item} from its index. */
    protected static List<Object> items(int n, IntFunction<Object> item) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(item.apply(i));
        }
        return items;
    }
}
