package io.github.camelchatbots.simulator.chataibot;

import static io.github.camelchatbots.simulator.chataibot.ChataibotHttp.FormField.file;
import static io.github.camelchatbots.simulator.chataibot.ChataibotHttp.FormField.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.TestHttp;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Source;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Uploading sources as multipart forms, and their status moving on as the simulation clock is advanced. */
class ChataibotKnowledgeBaseTest extends ChataibotApiTestSupport {

    private static final int KB = 876;
    private static final Duration PROCESSING = ChataibotSimulation.DEFAULT_SOURCE_PROCESSING_TIME;

    @BeforeEach
    void knowledgeBase() {
        chataibot.registerKnowledgeBase(KB);
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = TestHttp.json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("ok", "error");
        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(body.get("error").asText()).contains(error);
    }

    private JsonNode statuses(String sourceIds) {
        return ChataibotHttp.ok(http.get("/api/v1/ai/status/sources?source_ids=" + sourceIds));
    }

    private List<String> statusesOf(String sourceIds) {
        return statuses(sourceIds).get("sources").findValuesAsText("status");
    }

    @Test
    void filesAndTextsAreGroupedByTheirFieldAsDocumented() {
        JsonNode body = ChataibotHttp.ok(http.upload(KB, List.of(
                file("files", "sample.txt", "Opening hours: 9 to 17."),
                text("faq", "Q: Do you ship abroad?\r\nA: Within the EU."),
                file("files", "prices.csv", "plan,eur\nbasic,19\n"))));

        assertThat(body.fieldNames()).toIterable().containsExactly("files", "faq", "knowledge_base_id", "ok");
        assertThat(body.get("knowledge_base_id").isInt()).isTrue();
        assertThat(body.get("knowledge_base_id").asInt()).isEqualTo(KB);
        List<Source> sources = chataibot.sources();
        assertThat(sources).hasSize(3);
        assertThat(body.get("files")).isEqualTo(TestHttp.json("""
                [{"id":%d,"type":"file","name":"sample.txt","status":"in-progress","errors":null},
                 {"id":%d,"type":"file","name":"prices.csv","status":"in-progress","errors":null}]"""
                .formatted(sources.get(0).id(), sources.get(2).id())));
        assertThat(body.get("faq")).isEqualTo(TestHttp.json("""
                [{"id":%d,"type":"text","name":"faq","status":"in-progress","errors":null}]"""
                .formatted(sources.get(1).id())));
        assertThat(body.get("files").get(0).fieldNames()).toIterable()
                .containsExactly("id", "type", "name", "status", "errors");
        assertThat(sources).extracting(Source::content).containsExactly("Opening hours: 9 to 17.",
                "Q: Do you ship abroad?\r\nA: Within the EU.", "plan,eur\nbasic,19\n");
        assertThat(sources).extracting(Source::field).containsExactly("files", "faq", "files");
        assertThat(sources).extracting(Source::knowledgeBaseId).containsOnly(KB);
        assertThat(sources).extracting(Source::id).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void theNotesSampleShapeIsWhatAnUploadAnswers() {
        JsonNode sample = TestHttp.json("{\"<field>\":[{\"id\":330783,\"type\":\"text\",\"name\":\"sample.txt\","
                + "\"status\":\"in-progress\",\"errors\":null}],\"knowledge_base_id\":876,\"ok\":true}");

        JsonNode body = ChataibotHttp.ok(http.upload(KB, List.of(file("<field>", "sample.txt", "hello"))));

        assertThat(body.get("<field>").get(0).get("id").asInt()).as("the first id is the sample's").isEqualTo(330783);
        assertThat(body.toString()).isEqualTo(sample.toString().replace("\"type\":\"text\"", "\"type\":\"file\""));
    }

    @Test
    void aFormSentByTheJdkClientWithABinaryFileIsAccepted() throws Exception {
        String boundary = "jdk-boundary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"report.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 \u00e9\u00e8\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(chataibot.baseUrl()
                        + "/api/v1/ai/knowledge-base/" + KB + "/upload/sources"))
                .header("Authorization", "Bearer " + chataibot.accessToken())
                .header("Content-Type", "multipart/form-data; boundary=\"" + boundary + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(ChataibotHttp.ok(response).at("/doc/0/name").asText()).isEqualTo("report.pdf");
        assertThat(chataibot.sources().get(0).content()).isEqualTo("%PDF-1.7 \u00e9\u00e8");
    }

    @Test
    void anUnknownKnowledgeBaseIsNotFound() {
        assertError(http.upload(999, List.of(text("faq", "x"))), 404, "Knowledge base not found");
        assertError(http.send("POST", "/api/v1/ai/knowledge-base/abc/upload/sources",
                ChataibotHttp.multipart(List.of(text("faq", "x"))),
                "multipart/form-data; boundary=" + ChataibotHttp.BOUNDARY, "Bearer " + chataibot.accessToken()),
                404, "Knowledge base not found");
        assertThat(chataibot.sources()).isEmpty();
    }

    @Test
    void anUploadThatIsNotAFormIsRefused() {
        String path = "/api/v1/ai/knowledge-base/" + KB + "/upload/sources";
        String token = "Bearer " + chataibot.accessToken();
        String form = ChataibotHttp.multipart(List.of(text("faq", "x")));

        assertError(http.post(path, "{\"faq\":\"x\"}"), 400, "Content-Type must be multipart/form-data");
        assertError(http.send("POST", path, form, null, token), 400, "Content-Type must be multipart/form-data");
        assertError(http.send("POST", path, form, "multipart/form-data", token), 400, "needs a boundary");
        assertError(http.send("POST", path, form, "multipart/form-data; boundary=other", token), 400,
                "no part delimited by the boundary other");
        assertError(http.send("POST", path, "--" + ChataibotHttp.BOUNDARY + "--\r\n",
                "multipart/form-data; boundary=" + ChataibotHttp.BOUNDARY, token), 400, "the form has no field");
        assertError(http.upload(KB, List.of(text("ok", "x"))), 400, "the form field name ok is reserved");
        assertError(http.upload(KB, List.of(file("doc", "", "x"))), 400,
                "the file in the form field doc has no file name");
        assertThat(chataibot.sources()).isEmpty();
    }

    @Test
    void sourcesCompleteOnceTheProcessingTimeHasPassedOnTheSimulationClock() {
        JsonNode body = ChataibotHttp.ok(http.upload(KB, List.of(text("faq", "a"), file("files", "b.txt", "b"))));
        int faq = body.at("/faq/0/id").asInt();
        int file = body.at("/files/0/id").asInt();
        String ids = faq + "," + file;

        assertThat(statusesOf(ids)).containsExactly("in-progress", "in-progress");
        chataibot.advanceTime(PROCESSING.minusNanos(1000));
        assertThat(statusesOf(ids)).containsExactly("in-progress", "in-progress");
        chataibot.advanceTime(Duration.ofNanos(1000));

        JsonNode done = statuses(ids);
        assertThat(done).isEqualTo(TestHttp.json("""
                {"sources":[{"id":%d,"name":"faq","status":"completed","knowledge_base_id":876},
                            {"id":%d,"name":"b.txt","status":"completed","knowledge_base_id":876}],"ok":true}"""
                .formatted(faq, file)));
        assertThat(done.get("sources").get(0).fieldNames()).toIterable()
                .containsExactly("id", "name", "status", "knowledge_base_id");
        assertThat(chataibot.source(faq).error()).isNull();
    }

    @Test
    void sourcesMarkedToFailFailWhenProcessed() {
        chataibot.failSourcesNamed("scan.pdf");
        chataibot.failSourcesContaining("CORRUPT");
        JsonNode body = ChataibotHttp.ok(http.upload(KB, List.of(file("files", "scan.pdf", "fine"),
                text("notes", "this is CORRUPT data"), file("files", "good.txt", "fine"), text("empty", "  "))));
        String ids = body.at("/files/0/id").asInt() + "," + body.at("/notes/0/id").asInt() + ","
                + body.at("/files/1/id").asInt() + "," + body.at("/empty/0/id").asInt();

        assertThat(statusesOf(ids)).containsOnly("in-progress");
        chataibot.advanceTime(PROCESSING);

        assertThat(statusesOf(ids)).containsExactly("failed", "failed", "completed", "failed");
        assertThat(chataibot.sources()).extracting(Source::error).containsExactly(
                "the source scan.pdf cannot be processed", "the content of notes cannot be processed", null,
                "the source empty is empty");
        assertThat(ChataibotHttp.ok(http.upload(KB, List.of(file("files", "scan.pdf", "x")))).at("/files/0/status")
                .asText()).as("an upload answers in-progress, whatever becomes of it").isEqualTo("in-progress");
    }

    @Test
    void theProcessingTimeIsConfigurableForLaterUploads() {
        int before = chataibot.uploadText(KB, "before", "text");
        chataibot.setSourceProcessingTime(Duration.ofMinutes(5));
        int after = chataibot.uploadFile(KB, "files", "after.txt", "text");
        chataibot.setSourceProcessingTime(Duration.ZERO);
        int instant = chataibot.uploadText(KB, "instant", "text");

        assertThat(statusesOf(before + "," + after + "," + instant))
                .containsExactly("in-progress", "in-progress", "completed");
        chataibot.advanceTime(PROCESSING);
        assertThat(statusesOf(before + "," + after)).containsExactly("completed", "in-progress");
        chataibot.advanceTime(Duration.ofMinutes(5));
        assertThat(statusesOf(after + "")).containsExactly("completed");
        assertThat(chataibot.source(after).type()).isEqualTo("file");
        assertThat(chataibot.source(after).name()).isEqualTo("after.txt");
        assertThat(chataibot.source(after).readyAt().minus(Duration.ofMinutes(5)))
                .isEqualTo(chataibot.source(after).uploadedAt());
    }

    @Test
    void theStatusListsKnownSourcesOnceInTheOrderAsked() {
        int first = chataibot.uploadText(KB, "first", "a");
        int second = chataibot.uploadText(KB, "second", "b");

        JsonNode body = statuses(second + "," + first + ",1," + second + ",%20" + first);

        assertThat(body.get("sources").findValuesAsText("name")).containsExactly("second", "first");
        assertThat(statuses("1,2").get("sources")).isEmpty();
    }

    @Test
    void theStatusNeedsNumericSourceIds() {
        assertError(http.get("/api/v1/ai/status/sources"), 400, "source_ids is required");
        assertError(http.get("/api/v1/ai/status/sources?source_ids="), 400, "source_ids is required");
        assertError(http.get("/api/v1/ai/status/sources?source_ids=1,x"), 400,
                "source_ids must be source ids separated by commas");
        assertError(http.get("/api/v1/ai/status/sources?source_ids=1,,2"), 400, "separated by commas");
        assertError(http.get("/api/v1/ai/status/sources?source_ids=-1"), 400, "separated by commas");
    }

    @Test
    void theJavaApiRefusesWhatTheHttpApiRefuses() {
        assertThatThrownBy(() -> chataibot.uploadText(1, "faq", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Knowledge base not found");
        assertThatThrownBy(() -> chataibot.registerKnowledgeBase(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chataibot.setSourceProcessingTime(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chataibot.failSourcesContaining("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chataibot.source(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
