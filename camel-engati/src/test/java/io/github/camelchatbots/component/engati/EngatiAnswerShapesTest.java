package io.github.camelchatbots.component.engati;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.engati.model.EngatiConversationPage;
import io.github.camelchatbots.component.engati.model.EngatiMessage;
import io.github.camelchatbots.simulator.FixtureServer;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat history answers in shapes the simulator does not produce, served as written: Engati shows its answer only as
 * an image, so every plausible place of the messages is read, and whatever comes beside them is kept.
 */
class EngatiAnswerShapesTest {

    private static final String MESSAGE = "{\"message_id\":\"m1\",\"sender\":\"bot\",\"response\":\"Hi!\","
                                          + "\"timestamp\":\"2024-01-01 10:00:00.000+0530\",\"buttons\":[\"Yes\"]}";

    private static EngatiConversationPage page(String answer) throws Exception {
        try (FixtureServer vendor = FixtureServer.answering(200, answer);
             CamelContext camel = new DefaultCamelContext()) {
            EngatiConfiguration defaults = camel.getComponent("engati", EngatiComponent.class).getConfiguration();
            defaults.setBaseUrl(vendor.baseUrl());
            defaults.setApiKey("fixture-key");
            defaults.setCustomerId("10294");
            defaults.setBotKey("1a1c9bfa5e0f41ed");
            camel.start();
            return camel.createProducerTemplate().requestBody(
                    "engati:conversations?channelUserId=919565428256&pageNumber=3&pageSize=2", null,
                    EngatiConversationPage.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"status\":{\"code\":1000},\"responseObject\":{\"conversations\":[" + MESSAGE + "]}}",
            "{\"status\":{\"code\":1000},\"responseObject\":{\"messages\":[" + MESSAGE + "]}}",
            "{\"status\":{\"code\":1000},\"responseObject\":[" + MESSAGE + "]}",
            "[" + MESSAGE + "]",
            "{\"status\":{\"code\":1000},\"responseObject\":{\"data\":{\"content\":[" + MESSAGE + "]}}}",
            "{\"status\":{\"code\":1000},\"responseObject\":{\"chat_history\":[" + MESSAGE + "]}}",
    })
    void theMessagesAreFoundWhereverTheyAre(String answer) throws Exception {
        EngatiConversationPage page = page(answer);

        assertThat(page.messages()).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo("m1");
            assertThat(message.channelUserId()).isEqualTo("919565428256");
            assertThat(message.text()).isEqualTo("Hi!");
            assertThat(message.timestamp()).isEqualTo(Instant.parse("2024-01-01T04:30:00Z"));
            assertThat(message.other()).containsExactly(Map.entry("buttons", List.of("Yes")));
        });
        assertThat(page.pageNumber()).isEqualTo(3);
        assertThat(page.pageSize()).isEqualTo(2);
    }

    @Test
    void whatEngatiSendsBesideTheMessagesIsKept() throws Exception {
        EngatiConversationPage flat = page("{\"status\":{\"code\":1000},\"responseObject\":{\"conversations\":["
                                           + MESSAGE + "],\"total_count\":7,\"page_number\":3,\"has_more\":true}}");
        EngatiConversationPage nested = page("{\"status\":{\"code\":1000},\"responseObject\":{\"messages\":{"
                                             + "\"content\":[" + MESSAGE + "],\"totalElements\":7,\"last\":false},"
                                             + "\"user\":\"919565428256\"}}");

        assertThat(flat.metadata()).containsExactly(Map.entry("total_count", 7), Map.entry("page_number", 3),
                Map.entry("has_more", true));
        assertThat(nested.metadata()).containsEntry("totalElements", 7).containsEntry("last", false)
                .containsEntry("user", "919565428256");
        assertThat(nested.messages()).extracting(EngatiMessage::text).containsExactly("Hi!");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"status\":{\"code\":1000},\"responseObject\":null}",
            "{\"status\":{\"code\":1000},\"responseObject\":{}}",
            "{\"status\":{\"code\":1000},\"responseObject\":{\"conversations\":null,\"total_count\":0}}",
            "{\"status\":{\"code\":1000},\"responseObject\":{\"conversations\":[]}}",
    })
    void anEmptyHistoryInAnyForm(String answer) throws Exception {
        assertThat(page(answer).messages()).isEmpty();
    }

    @Test
    void textInEveryFieldKeepsTheOthers() throws Exception {
        EngatiConversationPage page = page("{\"status\":{\"code\":1000},\"responseObject\":{\"conversations\":["
                                           + "{\"sender\":\"user\",\"text\":\"typed\",\"response\":\"answered\","
                                           + "\"message\":\"shown\",\"timestamp\":1704083400000}]}}");

        EngatiMessage message = page.messages().get(0);
        assertThat(message.text()).isEqualTo("typed");
        assertThat(message.other()).containsExactly(Map.entry("response", "answered"), Map.entry("message", "shown"));
        assertThat(message.timestamp()).isEqualTo(Instant.parse("2024-01-01T04:30:00Z"));
    }
}
