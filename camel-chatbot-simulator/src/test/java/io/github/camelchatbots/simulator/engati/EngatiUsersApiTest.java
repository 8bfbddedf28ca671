package io.github.camelchatbots.simulator.engati;

import static io.github.camelchatbots.simulator.engati.EngatiHttp.failure;
import static io.github.camelchatbots.simulator.engati.EngatiHttp.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.TestHttp;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.UsersShape;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

/** E1: {@code GET /bot-api/v1.0/customer/{customerId}/bot/{botKey}/users?attribute_name=&attribute_value=}. */
class EngatiUsersApiTest extends EngatiApiTestSupport {

    @BeforeEach
    void threeUsers() {
        engati.addUser("919565428256", "whatsapp", "Priya Nair", Map.of("c1", "straberry", "feedback", "1"));
        engati.addUser("919812345678", "whatsapp", "Rohan Iyer", Map.of("c1", "mango", "feedback", "1"));
        engati.addUser("917700011122", "whatsapp", "Meera Das", Map.of("c1", "straberry", "feedback", "5"));
    }

    private HttpResponse<String> users(String name, String value) {
        return http.get(http.botApi("v1.0") + "/users?attribute_name=" + name + "&attribute_value=" + value);
    }

    @Test
    void answersTheCurlRequestOfEngatisDocumentation() {
        // Exactly Engati's sample: customer 10294, bot 1a1c9bfa5e0f41ed and its key, with no other header.
        HttpResponse<String> response = http.send("GET", "/bot-api/v1.0/customer/10294/bot/1a1c9bfa5e0f41ed/users"
                + "?attribute_name=c1&attribute_value=straberry", null, null,
                "Basic e52ba556-bdd0-4e88-a0c4-c41b02414ef4-IUXaiZ4");

        JsonNode users = success(response).at("/responseObject/users");
        assertThat(users).hasSize(2);
        JsonNode priya = users.get(0);
        assertThat(priya.get("user_id").asText()).matches("[0-9a-f]{32}");
        assertThat(priya.get("channel_user_id").asText()).isEqualTo("919565428256");
        assertThat(priya.get("channel").asText()).isEqualTo("whatsapp");
        assertThat(priya.get("name").asText()).isEqualTo("Priya Nair");
        assertThat(priya.at("/attributes/c1").asText()).isEqualTo("straberry");
        assertThat(priya.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0530");
        assertThat(users.get(1).get("name").asText()).isEqualTo("Meera Das");
        assertThat(priya.get("user_id").asText()).isEqualTo(engati.user("919565428256").orElseThrow().userId());
    }

    @Test
    void matchesTheValueExactly() {
        assertThat(success(users("feedback", "1")).at("/responseObject/users")).hasSize(2);
        assertThat(success(users("c1", "Straberry")).at("/responseObject/users")).isEmpty();
        assertThat(success(users("colour", "red")).at("/responseObject/users")).isEmpty();
    }

    @Test
    void aChangedAttributeMakesAUserMatch() {
        assertThat(success(users("c1", "mango")).at("/responseObject/users")).hasSize(1);

        engati.setAttribute("919565428256", "c1", "mango");

        JsonNode users = success(users("c1", "mango")).at("/responseObject/users");
        assertThat(users).extracting(user -> user.get("channel_user_id").asText())
                .containsExactly("919565428256", "919812345678");
        assertThat(success(users("c1", "straberry")).at("/responseObject/users")).hasSize(1);
    }

    @Test
    void bothParametersAreRequired() {
        assertThat(failure(http.get(http.botApi("v1.0") + "/users?attribute_value=mango"), 400, EngatiStatus.FAILURE))
                .isEqualTo("attribute_name is required");
        assertThat(failure(http.get(http.botApi("v1.0") + "/users?attribute_name=c1"), 400, EngatiStatus.FAILURE))
                .isEqualTo("attribute_value is required");
        assertThat(failure(users("c1", ""), 400, EngatiStatus.FAILURE)).isEqualTo("attribute_value is required");
    }

    @Test
    void decodesTheParameters() {
        engati.addUser("918000000001", "web", "Ali", Map.of("favourite dessert", "kulfi & falooda"));

        JsonNode users = success(users("favourite%20dessert", "kulfi+%26+falooda")).at("/responseObject/users");

        assertThat(users).extracting(user -> user.get("channel").asText()).containsExactly("web");
    }

    @Test
    void theShapeOfTheAnswerIsSwitchable() {
        engati.setUsersShape(UsersShape.DATA_OBJECT);
        assertThat(success(users("c1", "mango")).at("/responseObject/data/0/name").asText()).isEqualTo("Rohan Iyer");

        engati.setUsersShape(UsersShape.RESPONSE_OBJECT_LIST);
        assertThat(success(users("c1", "mango")).at("/responseObject/0/name").asText()).isEqualTo("Rohan Iyer");

        engati.setUsersShape(UsersShape.BARE_ARRAY);
        HttpResponse<String> bare = users("c1", "mango");
        assertThat(bare.statusCode()).isEqualTo(200);
        JsonNode array = TestHttp.json(bare);
        assertThat(array.isArray()).isTrue();
        assertThat(array.get(0).get("name").asText()).isEqualTo("Rohan Iyer");
        assertThat(failure(users("c1", ""), 400, EngatiStatus.FAILURE)).as("errors keep the envelope")
                .isEqualTo("attribute_value is required");
    }
}
