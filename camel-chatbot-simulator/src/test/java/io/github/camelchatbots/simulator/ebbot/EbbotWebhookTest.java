package io.github.camelchatbots.simulator.ebbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.SimulatorExtension;
import io.github.camelchatbots.simulator.TestHttp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

class EbbotWebhookTest {

    @RegisterExtension
    static SimulatorExtension SIM = new SimulatorExtension();

    private final TestHttp http = new TestHttp();

    private HttpResponse<String> send(String webhookId, String body) throws Exception {
        return http.postJson(SIM.ebbot().baseUrl() + "/api/webhooks/" + webhookId, body);
    }

    @Test
    void startsANewConversationAndAnswersWithTheCatchAll() throws Exception {
        String webhook = SIM.ebbot().createIncomingWebhook();

        HttpResponse<String> response = send(webhook, "{\"type\":\"text\",\"value\":\"Blorp?\"}");

        JsonNode body = TestHttp.json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.fieldNames()).toIterable().containsExactly("request_id", "success", "data");
        assertThat(response.headers().firstValue("x-request-id")).hasValue(body.get("request_id").asText());
        JsonNode data = body.get("data");
        String chatId = data.get("chatId").asText();
        assertThat(chatId).matches("\\d+\\.\\d{3}\\.[0-9a-f-]{36}");
        assertThat(data.get("sandbox").asBoolean()).isFalse();
        assertThat(data.get("scenario").get("name").asText()).isEqualTo("generalcatchall");
        assertThat(data.get("scenario").get("id").asText()).matches("[0-9a-f-]{36}_[0-9a-f-]{36}");
        JsonNode answer = data.get("answers").get(0);
        assertThat(answer.get("name").asText()).isEqualTo("generalcatchallask");
        assertThat(answer.get("bot_id").asText()).isEqualTo("ebmsimbot");
        assertThat(answer.get("botId").asText()).isEqualTo("ebmsimbot");
        assertThat(answer.get("companyId").asText()).isEqualTo("ebcsimco");
        assertThat(answer.get("chatId").asText()).isEqualTo(chatId);
        assertThat(answer.get("sender").asText()).isEqualTo("bot");
        assertThat(answer.get("type").asText()).isEqualTo("text");
        assertThat(answer.get("value").get("text").asText())
                .isEqualTo("Sorry, I did not quite get that. Could you rephrase?");
        assertThat(SIM.ebbot().chatIds()).containsExactly(chatId);
        assertThat(SIM.ebbot().transcript(chatId)).extracting(EbbotSimulation.Message::sender)
                .containsExactly("user", "bot");
    }

    @Test
    void continuesAConversationWithScriptedAnswers() throws Exception {
        String webhook = SIM.ebbot().createIncomingWebhook();
        SIM.ebbot().scriptAnswer("opening hours", "openinghours", "We are open 10-18.", "Anything else?");
        SIM.ebbot().scriptAnswer("open", "other", "never used: the first matching rule wins");
        String chatId = SIM.ebbot().createChat(Instant.parse("2024-08-12T09:15:03.158Z"), "Jane");

        String message = "{\"chatId\":\"" + chatId + "\",\"type\":\"text\",\"value\":\"What are your OPENING HOURS?\"}";
        JsonNode data = TestHttp.json(send(webhook, message)).get("data");

        assertThat(data.get("chatId").asText()).isEqualTo(chatId);
        assertThat(data.get("scenario").get("name").asText()).isEqualTo("openinghours");
        assertThat(data.get("answers")).extracting(answer -> answer.get("value").get("text").asText())
                .containsExactly("We are open 10-18.", "Anything else?");
        assertThat(SIM.ebbot().transcript(chatId)).extracting(EbbotSimulation.Message::text)
                .containsExactly("What are your OPENING HOURS?", "We are open 10-18.", "Anything else?");
        assertThat(SIM.ebbot().chatIds()).containsExactly(chatId);
    }

    @Test
    void needsNoApiKeyAndIsNotRateLimited() throws Exception {
        String webhook = SIM.ebbot().createIncomingWebhook();
        SIM.ebbot().setRateLimit(1, Duration.ofMinutes(1));

        for (int i = 0; i < 3; i++) {
            assertThat(send(webhook, "{\"value\":\"hi\"}").statusCode()).isEqualTo(200);
        }
        assertThat(SIM.ebbot().requestCount()).isZero();
        assertThat(SIM.ebbot().requests()).hasSize(3)
                .allSatisfy(request -> assertThat(request.path()).isEqualTo("/api/webhooks/" + webhook));
    }

    @Test
    void unknownWebhookIsNotFound() throws Exception {
        HttpResponse<String> response = send("no-such-webhook", "{\"value\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(response).get("success").asBoolean()).isFalse();
    }

    @Test
    void unknownChatIsNotFound() throws Exception {
        String webhook = SIM.ebbot().createIncomingWebhook();

        HttpResponse<String> response = send(webhook, "{\"chatId\":\"1.000.nope\",\"value\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(response).get("error").asText()).isEqualTo("Chat not found");
        assertThat(SIM.ebbot().chatIds()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"type\":\"text\"}", "{\"value\":null}", "[1]", ""})
    void rejectsBodiesWithoutAMessage(String body) throws Exception {
        String webhook = SIM.ebbot().createIncomingWebhook();

        HttpResponse<String> response = send(webhook, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("success").asBoolean()).isFalse();
        assertThat(SIM.ebbot().chatIds()).isEmpty();
    }
}
