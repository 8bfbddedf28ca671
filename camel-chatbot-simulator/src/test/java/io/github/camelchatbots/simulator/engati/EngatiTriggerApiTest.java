package io.github.camelchatbots.simulator.engati;

import static io.github.camelchatbots.simulator.engati.EngatiHttp.failure;
import static io.github.camelchatbots.simulator.engati.EngatiHttp.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.engati.EngatiSimulation.FlowTrigger;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.Message;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.User;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

/** E3 and E4: {@code POST /bot-api/v1.0|v2.0/customer/{c}/bot/{b}/flow/{flowKey}}. */
class EngatiTriggerApiTest extends EngatiApiTestSupport {

    private static final String FLOW = "27055FA465AE4076BD2D41403A62B1B7";

    @BeforeEach
    void aFlow() {
        engati.registerFlow(FLOW, "Hi! Thanks for your interest.", "Which flavour would you like?");
    }

    private HttpResponse<String> v1(String flowKey, String query) {
        return http.send("POST", http.botApi("v1.0") + "/flow/" + flowKey + query, null, null,
                "Basic " + engati.apiKey());
    }

    private HttpResponse<String> v2(String flowKey, String json) {
        return http.postJson(http.botApi("v2.0") + "/flow/" + flowKey, json);
    }

    @Test
    void v1TakesTheAttributesAsQueryParametersAndCreatesTheUser() {
        HttpResponse<String> response = v1(FLOW,
                "?user.user_name=Salman&attrTest=TESTING&user.language=en&user.phone_no=%2B919876543210"
                        + "&channel=Whatsapp");

        JsonNode body = success(response);
        assertThat(body.get("responseObject").isNull()).isTrue();
        User user = engati.user("919876543210").orElseThrow();
        assertThat(user.name()).isEqualTo("Salman");
        assertThat(user.channel()).isEqualTo("whatsapp");
        assertThat(user.attributes()).containsExactly(Map.entry("user.user_name", "Salman"),
                Map.entry("attrTest", "TESTING"), Map.entry("user.language", "en"), Map.entry("channel", "Whatsapp"));
        assertThat(engati.messages("919876543210")).extracting(Message::sender, Message::text).containsExactly(
                tuple("bot", "Hi! Thanks for your interest."),
                tuple("bot", "Which flavour would you like?"));
        FlowTrigger trigger = engati.flowTriggers().get(0);
        assertThat(trigger.version()).isEqualTo(1);
        assertThat(trigger.flowKey()).isEqualTo(FLOW);
        assertThat(trigger.botKey()).isEqualTo(engati.botKey());
        assertThat(trigger.channelUserId()).isEqualTo("919876543210");
        assertThat(trigger.attributes()).containsEntry("user.phone_no", "+919876543210").hasSize(5);
    }

    @Test
    void v2TakesAFlatJsonObjectAndUpdatesAnExistingUser() {
        engati.addUser("919876543210", "whatsapp", "Priya", Map.of("lead_status", "new"));
        engati.addMessage("919876543210", "user", "Hello", Instant.parse("2024-01-01T04:30:00Z"));

        HttpResponse<String> response = v2(FLOW, "{\"user.channel\":\"whatsapp\",\"user.phone_no\":\"919876543210\","
                + "\"lead_status\":\"qualified\",\"attribute_2\":42,\"opted_in\":true}");

        success(response);
        assertThat(engati.users()).hasSize(1);
        User user = engati.user("919876543210").orElseThrow();
        assertThat(user.name()).isEqualTo("Priya");
        assertThat(user.attributes()).containsEntry("lead_status", "qualified").containsEntry("user.channel",
                "whatsapp").containsEntry("attribute_2", "42").containsEntry("opted_in", "true")
                .doesNotContainKey("user.phone_no");
        assertThat(engati.messages("919876543210")).extracting(Message::text).containsExactly("Hello",
                "Hi! Thanks for your interest.", "Which flavour would you like?");
        assertThat(engati.flowTriggers()).singleElement().satisfies(trigger -> {
            assertThat(trigger.version()).isEqualTo(2);
            assertThat(trigger.attributes()).containsEntry("user.phone_no", "919876543210");
        });
    }

    @Test
    void aUserWithoutANameIsNamedByTheirPhoneNumber() {
        success(v2(FLOW, "{\"user.phone_no\":\"+91 98765 43210\"}"));

        assertThat(engati.user("919876543210").orElseThrow().name()).isEqualTo("919876543210");
    }

    @Test
    void theNewMessagesShowInTheConversationsApi() {
        success(v2(FLOW, "{\"user.phone_no\":\"919876543210\"}"));

        JsonNode messages = success(http.get(http.botApi("v1.0") + "/channel-user/919876543210/conversations"))
                .at("/responseObject/conversations");

        assertThat(messages).extracting(message -> message.get("text").asText())
                .containsExactly("Hi! Thanks for your interest.", "Which flavour would you like?");
    }

    @Test
    void aWellFormedButUnknownFlowIs404() {
        String unknown = "BA8E475BC92A4A2F963651D388348CCC";

        assertThat(failure(v1(unknown, "?user.phone_no=919876543210"), 404, EngatiStatus.FAILURE))
                .contains(unknown);
        assertThat(failure(v2(unknown, "{\"user.phone_no\":\"919876543210\"}"), 404, EngatiStatus.FAILURE))
                .contains(unknown);
        assertThat(engati.flowTriggers()).isEmpty();
    }

    @Test
    void aMalformedFlowKeyIs400() {
        assertThat(failure(v1("27055fa465ae4076bd2d41403a62b1b7", "?user.phone_no=919876543210"), 400,
                EngatiStatus.FAILURE)).contains("flowKey");
        assertThat(failure(v2("flow_" + FLOW, "{\"user.phone_no\":\"919876543210\"}"), 400, EngatiStatus.FAILURE))
                .contains("flowKey");
    }

    @Test
    void thePhoneNumberIsRequired() {
        assertThat(failure(v1(FLOW, "?user.user_name=Salman"), 400, EngatiStatus.FAILURE))
                .contains("user.phone_no is required");
        assertThat(failure(v2(FLOW, "{\"user.channel\":\"whatsapp\"}"), 400, EngatiStatus.FAILURE))
                .contains("user.phone_no is required");
        assertThat(failure(v2(FLOW, "{\"user.phone_no\":\"call me\"}"), 400, EngatiStatus.FAILURE))
                .contains("user.phone_no must be a phone number");
        assertThat(engati.users()).isEmpty();
    }

    @Test
    void v2NeedsAFlatJsonObject() {
        assertThat(failure(v2(FLOW, "not json"), 400, EngatiStatus.FAILURE)).contains("flat JSON object");
        assertThat(failure(v2(FLOW, "[1,2]"), 400, EngatiStatus.FAILURE)).contains("flat JSON object");
        assertThat(failure(v2(FLOW, "{\"user.phone_no\":\"919876543210\",\"user\":{\"name\":\"x\"}}"), 400,
                EngatiStatus.FAILURE)).contains("user must be a string, number or boolean");
    }

    @Test
    void flowKeysAreCheckedWhenRegistered() {
        assertThatThrownBy(() -> engati.registerFlow("abc", "hi")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 uppercase hexadecimal");
    }
}
