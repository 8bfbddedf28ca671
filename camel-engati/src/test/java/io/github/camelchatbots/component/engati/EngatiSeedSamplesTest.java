package io.github.camelchatbots.component.engati;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.engati.model.EngatiResult;
import io.github.camelchatbots.component.engati.model.EngatiTemplateMessage;
import io.github.camelchatbots.component.engati.model.EngatiTemplateResult;
import io.github.camelchatbots.component.engati.model.EngatiUser;
import io.github.camelchatbots.simulator.FixtureServer;
import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.engati.EngatiSimulation;
import io.github.camelchatbots.support.json.ChatbotJson;
import io.github.camelchatbots.support.json.FlexibleInstantDeserializer;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The samples Engati's pages and its clients' code give (seed 000 and the API notes), as printed: the seed's curl is
 * reproduced on the wire, the sample answers read into the records field for field, and the sample requests are what
 * the component sends.
 */
class EngatiSeedSamplesTest extends EngatiTestSupport {

    private static <T> T answering(String fixture, String uri, Object body, Class<T> type) throws Exception {
        try (FixtureServer vendor = FixtureServer.answering(200, FixtureServer.resource(fixture));
             CamelContext camel = new DefaultCamelContext()) {
            EngatiConfiguration defaults = camel.getComponent("engati", EngatiComponent.class).getConfiguration();
            defaults.setBaseUrl(vendor.baseUrl());
            defaults.setApiKey(EngatiSimulation.DEFAULT_API_KEY);
            defaults.setCustomerId("10294");
            defaults.setBotKey("1a1c9bfa5e0f41ed");
            camel.start();
            return camel.createProducerTemplate().requestBody(uri, body, type);
        }
    }

    @Test
    void theSeedsCurlIsReproducedOnTheWire() {
        // curl --location 'http://api.engati.ai/bot-api/v1.0/customer/10294/bot/1a1c9bfa5e0f41ed/users?
        //   attribute_name=c1&attribute_value=straberry' --header 'Authorization: Basic e52ba556-...-IUXaiZ4'
        engati().addUser("919565428256", "whatsapp", "Priya Nair", Map.of("c1", "straberry"));

        List<?> users = send("engati:users?attributeName=c1&attributeValue=straberry&customerId=10294"
                             + "&botKey=1a1c9bfa5e0f41ed&apiKey=e52ba556-bdd0-4e88-a0c4-c41b02414ef4-IUXaiZ4", null,
                Map.of()).getMessage().getBody(List.class);

        RecordedRequest request = lastRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/bot-api/v1.0/customer/10294/bot/1a1c9bfa5e0f41ed/users");
        assertThat(request.query()).isEqualTo("attribute_name=c1&attribute_value=straberry");
        assertThat(request.header("authorization")).isEqualTo("Basic e52ba556-bdd0-4e88-a0c4-c41b02414ef4-IUXaiZ4");
        assertThat(request.header("content-type")).as("curl sends no body, so no Content-Type").isNull();
        assertThat(request.body()).isEmpty();
        assertThat(users).singleElement().extracting(user -> ((EngatiUser) user).channelUserId())
                .isEqualTo("919565428256");
    }

    @Test
    void theUsersShapeTheNotesRecommend() throws Exception {
        List<?> users = answering("users-inferred.json", "engati:users?attributeName=c1&attributeValue=straberry",
                null, List.class);

        assertThat(users).singleElement().isInstanceOfSatisfying(EngatiUser.class, user -> {
            assertThat(user.userId()).isEqualTo("...");
            assertThat(user.channelUserId()).isEqualTo("919565428256");
            assertThat(user.channel()).isEqualTo("whatsapp");
            assertThat(user.attributes()).containsExactly(Map.entry("c1", "straberry"));
            assertThat(user.other()).isEmpty();
        });
    }

    @Test
    void theTimestampFormSeenInEngatisClients() {
        assertThat(FlexibleInstantDeserializer.parse("2024-01-01 10:00:00.000+0530"))
                .isEqualTo(Instant.parse("2024-01-01T04:30:00Z"));
    }

    @Test
    void theTemplateSendOfEngatisClientsGoesOutAsTheyWriteIt() throws Exception {
        String sample = FixtureServer.resource("template-request.json");

        EngatiTemplateResult result = send("engati:sendTemplate",
                ChatbotJson.mapper().readValue(sample, EngatiTemplateMessage.class), Map.of()).getMessage()
                .getBody(EngatiTemplateResult.class);

        JsonNode sent = ChatbotJson.mapper().readTree(lastRequest().body());
        assertThat(sent).isEqualTo(ChatbotJson.mapper().readTree(sample));
        assertThat(result.messageId()).startsWith("wamid.");
    }

    @Test
    void theTemplateAnswerOfEngatisClients() throws Exception {
        EngatiTemplateResult result = answering("template-answer.json",
                "engati:sendTemplate?phoneNumber=+919876543210&templateName=t&templateLanguage=en", null,
                EngatiTemplateResult.class);

        assertThat(result.messageId()).isEqualTo("wamid....");
        assertThat(result.status().code()).isEqualTo(1000);
        assertThat(result.status().message()).isEqualTo("...");
        assertThat(result.other()).isEmpty();
    }

    @Test
    void theTriggerV2BodyOfTheDocsGoesOutAsWritten() {
        engati().registerFlow("27055FA465AE4076BD2D41403A62B1B7", "Hi");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("user.channel", "whatsapp");
        attributes.put("user.phone_no", "919876543210");
        attributes.put("attribute_1", "value1");
        attributes.put("attribute_2", "value2");

        send("engati:triggerFlow?flowKey=27055FA465AE4076BD2D41403A62B1B7", attributes, Map.of());

        assertThat(lastRequest().body()).isEqualTo("{\"user.channel\":\"whatsapp\",\"user.phone_no\":\"919876543210\","
                                                   + "\"attribute_1\":\"value1\",\"attribute_2\":\"value2\"}");
    }

    @Test
    void theTriggerAnswerTheNotesRecommend() throws Exception {
        EngatiResult result = answering("trigger-answer-inferred.json",
                "engati:triggerFlow?flowKey=27055FA465AE4076BD2D41403A62B1B7", Map.of("user.phone_no", "91987"),
                EngatiResult.class);

        assertThat(result.status().code()).isEqualTo(1000);
        assertThat(result.status().desc()).isEqualTo("SUCCESS");
        assertThat(result.responseObject().isNull()).isTrue();
    }
}
