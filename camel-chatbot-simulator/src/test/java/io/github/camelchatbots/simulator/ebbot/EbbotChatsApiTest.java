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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

class EbbotChatsApiTest {

    @RegisterExtension
    static SimulatorExtension SIM = new SimulatorExtension();

    private final TestHttp http = new TestHttp();

    private HttpResponse<String> list(String query) throws Exception {
        return http.get(SIM.ebbot().baseUrl() + "/api/chats/company_chats" + query, SIM.ebbot().apiKey());
    }

    private HttpResponse<String> transcript(String chatId) throws Exception {
        return http.get(SIM.ebbot().baseUrl() + "/api/chats/company_chats/" + chatId + "/transcript",
                SIM.ebbot().apiKey());
    }

    private static List<String> ids(HttpResponse<String> response) {
        return StreamSupport.stream(TestHttp.json(response).get("data").spliterator(), false)
                .map(chat -> chat.get("id").asText())
                .toList();
    }

    @Test
    void baseUrlIsMountedUnderTheVendorPrefix() {
        assertThat(SIM.ebbot().baseUrl()).isEqualTo(SIM.simulator().baseUrl() + "/ebbot")
                .matches("http://127\\.0\\.0\\.1:\\d+/ebbot");
    }

    @Test
    void rejectsMissingAndUnknownApiKeys() throws Exception {
        String url = SIM.ebbot().baseUrl() + "/api/chats/company_chats";

        for (String key : new String[] {null, "simpublic.wrong", ""}) {
            HttpResponse<String> response = http.get(url, key);
            JsonNode body = TestHttp.json(response);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(body.get("success").asBoolean()).isFalse();
            assertThat(body.get("error").asText()).isEqualTo("Unauthorized");
            assertThat(body.get("request_id").asText()).isNotBlank();
        }
        SIM.ebbot().addApiKey("other.key");
        assertThat(http.get(url, "other.key").statusCode()).isEqualTo(200);
        assertThat(http.get(url + "/x/transcript", null).statusCode()).isEqualTo(401);
    }

    @Test
    void everyAnswerIsJsonWithAFreshRequestId() throws Exception {
        HttpResponse<String> first = list("");
        HttpResponse<String> second = list("");

        assertThat(first.headers().firstValue("content-type")).hasValue("application/json");
        String requestId = TestHttp.json(first).get("request_id").asText();
        assertThat(first.headers().firstValue("x-request-id")).hasValue(requestId);
        assertThat(TestHttp.json(second).get("request_id").asText()).isNotEqualTo(requestId);
    }

    @Test
    void listsNewestFirstWithTiesBrokenByIdDescending() throws Exception {
        Instant t = Instant.parse("2024-08-12T09:15:03.158Z");
        String oldest = SIM.ebbot().createChat(t.minusSeconds(60));
        String tieA = SIM.ebbot().createChat(t);
        String tieB = SIM.ebbot().createChat(t);
        String newest = SIM.ebbot().createChat(t.plusSeconds(60));
        List<String> ties = new ArrayList<>(List.of(tieA, tieB));
        ties.sort(Comparator.reverseOrder());

        List<String> expected = List.of(newest, ties.get(0), ties.get(1), oldest);
        assertThat(ids(list(""))).containsExactlyElementsOf(expected);
        assertThat(SIM.ebbot().chatIds()).containsExactlyElementsOf(expected);
    }

    @Test
    void pagesWithDefaultsOfPageOneAndFifteenPerPage() throws Exception {
        Instant start = Instant.parse("2024-08-01T08:00:00Z");
        for (int i = 0; i < 20; i++) {
            SIM.ebbot().createChat(start.plusSeconds(i * 60L));
        }
        List<String> all = SIM.ebbot().chatIds();

        assertThat(ids(list(""))).containsExactlyElementsOf(all.subList(0, 15));
        assertThat(ids(list("?page=2"))).containsExactlyElementsOf(all.subList(15, 20));
        assertThat(ids(list("?page=3"))).isEmpty();
        assertThat(ids(list("?page=2&limit=7"))).containsExactlyElementsOf(all.subList(7, 14));
        assertThat(ids(list("?limit=100"))).containsExactlyElementsOf(all);
        assertThat(ids(list("?page=2000000000&limit=100"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"?page=0", "?page=-1", "?limit=0", "?limit=101", "?limit=abc", "?page=1.5", "?page="})
    void rejectsInvalidPaging(String query) throws Exception {
        HttpResponse<String> response = list(query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("error").asText()).isEqualTo("Invalid page or limit");
    }

    @Test
    void summarisesChatsLikeEbbotsChatObject() throws Exception {
        Instant created = Instant.parse("2024-08-12T09:15:03Z");
        String chatId = SIM.ebbot().createChat(created, "Jane");
        SIM.ebbot().addMessage(chatId, "user", "Where is my order?", created.plusSeconds(5));
        SIM.ebbot().addMessage(chatId, "agent", "Let me check.", created.plusSeconds(30));

        JsonNode chat = TestHttp.json(list("")).get("data").get(0);

        assertThat(chatId).matches("1723454103\\.000\\.[0-9a-f-]{36}");
        assertThat(chat.get("id").asText()).isEqualTo(chatId);
        assertThat(chat.get("botId").asText()).isEqualTo("ebmsimbot");
        assertThat(chat.get("companyId").asText()).isEqualTo("ebcsimco");
        assertThat(chat.get("name").asText()).isEqualTo("Chat with Jane");
        assertThat(chat.get("status").asText()).isEqualTo("ongoing");
        assertThat(chat.get("handled_by").asText()).isEqualTo("agent");
        assertThat(chat.get("userId").isNull()).isTrue();
        assertThat(chat.get("last_message").asText()).isEqualTo("Let me check.");
        assertThat(chat.get("createdAt").asText()).isEqualTo("2024-08-12T09:15:03.000Z");
        assertThat(chat.get("statusTimestamp").asText()).isEqualTo("2024-08-12T09:15:03.000Z");
        assertThat(chat.get("updatedAt").asText()).isEqualTo("2024-08-12T09:15:33.000Z");
        assertThat(chat.get("chat_user").get("id").asText()).isEqualTo(chat.get("chatUserId").asText());
        assertThat(TestHttp.json(chat.get("chat_user").get("info").asText()).get("name").asText()).isEqualTo("Jane");
    }

    @Test
    void closingAChatChangesItsStatusAndTimestamps() throws Exception {
        String chatId = SIM.ebbot().createChat(Instant.parse("2024-08-12T09:15:03.158Z"));
        Instant before = Instant.now().minusMillis(1);

        SIM.ebbot().closeChat(chatId);

        JsonNode chat = TestHttp.json(list("")).get("data").get(0);
        assertThat(chat.get("status").asText()).isEqualTo("closed");
        assertThat(Instant.parse(chat.get("statusTimestamp").asText())).isAfter(before);
        assertThat(chat.get("updatedAt").asText()).isEqualTo(chat.get("statusTimestamp").asText());
        assertThat(chat.get("last_message").isNull()).isTrue();
        assertThat(chat.get("name").asText()).as("anonymous visitors get a generated name")
                .matches("Chat with \\w+ \\w+");
    }

    @Test
    void transcriptHasExactlyTheShapeOfEbbotsDocumentation() throws Exception {
        String chatId = SIM.ebbot().createChat(Instant.parse("2024-08-12T09:15:03.158Z"), "Jane");
        SIM.ebbot().addMessage(chatId, "bot", "Hey", Instant.parse("2024-08-12T09:15:08.101Z"));
        SIM.ebbot().addMessage(chatId, "bot", "Hi there!", Instant.parse("2024-08-12T09:15:08.730Z"));
        SIM.ebbot().addMessage(chatId, "user", "I want to talk to human agent!", Instant.parse("2024-08-12T09:15:12Z"));
        SIM.ebbot().addMessage(chatId, "bot", "Sure! Let me connect you...", Instant.parse("2024-08-12T09:15:16Z"));
        SIM.ebbot().addMessage(chatId, "system", "The chat is now handled by an agent.",
                Instant.parse("2024-08-12T09:15:19Z"));
        SIM.ebbot().addMessage(chatId, "agent", "Hello there!", Instant.parse("2024-08-12T09:15:22Z"));

        HttpResponse<String> response = transcript(chatId);

        // The example response on Ebbot's "Chats and transcripts" page.
        JsonNode documented = TestHttp.json("""
                {"success":true,"data":[
                  {"date":"8/12/2024","time":"9:15:08 AM","sender":"bot","text":"Hey"},
                  {"date":"8/12/2024","time":"9:15:08 AM","sender":"bot","text":"Hi there!"},
                  {"date":"8/12/2024","time":"9:15:12 AM","sender":"user","text":"I want to talk to human agent!"},
                  {"date":"8/12/2024","time":"9:15:16 AM","sender":"bot","text":"Sure! Let me connect you..."},
                  {"date":"8/12/2024","time":"9:15:19 AM","sender":"system","text":"The chat is now handled by an agent."},
                  {"date":"8/12/2024","time":"9:15:22 AM","sender":"agent","text":"Hello there!"}],
                 "request_id":"c61b72b1-d966-4873-ae06-7740fac5c00b"}""");
        JsonNode body = TestHttp.json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("data")).isEqualTo(documented.get("data"));
        assertThat(body.fieldNames()).toIterable().containsExactly("success", "data", "request_id");
        assertThat(SIM.ebbot().transcript(chatId)).extracting(EbbotSimulation.Message::text)
                .containsExactly("Hey", "Hi there!", "I want to talk to human agent!", "Sure! Let me connect you...",
                        "The chat is now handled by an agent.", "Hello there!");
    }

    @Test
    void transcriptTimesAreTwelveHourUtc() throws Exception {
        String chatId = SIM.ebbot().createChat(Instant.parse("2024-12-03T00:30:00Z"));
        SIM.ebbot().addMessage(chatId, "user", "night", Instant.parse("2024-12-03T00:30:05Z"));
        SIM.ebbot().addMessage(chatId, "user", "noon", Instant.parse("2024-12-03T12:00:00Z"));
        SIM.ebbot().addMessage(chatId, "user", "afternoon", Instant.parse("2024-12-13T15:04:59Z"));

        JsonNode data = TestHttp.json(transcript(chatId)).get("data");

        assertThat(data.get(0).get("date").asText()).isEqualTo("12/3/2024");
        assertThat(data.get(0).get("time").asText()).isEqualTo("12:30:05 AM");
        assertThat(data.get(1).get("time").asText()).isEqualTo("12:00:00 PM");
        assertThat(data.get(2).get("date").asText()).isEqualTo("12/13/2024");
        assertThat(data.get(2).get("time").asText()).isEqualTo("3:04:59 PM");
    }

    @Test
    void unknownChatIsNotFound() throws Exception {
        HttpResponse<String> response = transcript("1723454103.158.fa1419c9-2568-4ea5-9ddc-00b6c0fbd69e");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(response).get("error").asText()).isEqualTo("Chat not found");
    }

    @Test
    void recordsRequestsWithVendorRelativePathsAndLowerCaseHeaders() throws Exception {
        list("?page=1&limit=15");

        assertThat(SIM.ebbot().requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/api/chats/company_chats");
            assertThat(request.query()).isEqualTo("page=1&limit=15");
            assertThat(request.headers()).containsKey("x-api-key").containsKey("accept");
            assertThat(request.header("X-API-KEY")).isEqualTo(SIM.ebbot().apiKey());
        });
    }
}
