package io.github.camelchatbots.component.chataibot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.chataibot.model.ChataibotSource;
import io.github.camelchatbots.component.chataibot.model.ChataibotUploadedSources;
import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Source;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** uploadSources (multipart) and sourceStatus against the simulator, whose clock decides when processing ends. */
class ChataibotKnowledgeBaseTest extends ChataibotTestSupport {

    private static final String UPLOAD = "chataibot:uploadSources?knowledgeBaseId=876";

    @TempDir
    Path files;

    @BeforeEach
    void knowledgeBase() {
        chataibot().registerKnowledgeBase(876);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> sourceIds(Exchange exchange) {
        return exchange.getMessage().getHeader(ChataibotConstants.SOURCE_IDS, List.class);
    }

    @Test
    void aTextBodyIsOneTextSourceInTheSourceField() {
        Exchange uploaded = send(UPLOAD, "Opening hours: 9 to 17, Monday to Friday.", Map.of());

        ChataibotUploadedSources answer = uploaded.getMessage().getBody(ChataibotUploadedSources.class);
        assertThat(answer.knowledgeBaseId()).isEqualTo(876L);
        assertThat(answer.fields()).containsOnlyKeys("sources");
        ChataibotSource source = answer.sources().get(0);
        assertThat(source.type()).isEqualTo("text");
        assertThat(source.name()).isEqualTo("sources");
        assertThat(source.status()).isEqualTo(ChataibotSource.IN_PROGRESS);
        assertThat(source.finished()).isFalse();
        assertThat(sourceIds(uploaded)).containsExactly(source.id());
        Source stored = chataibot().source(source.id().intValue());
        assertThat(stored.content()).isEqualTo("Opening hours: 9 to 17, Monday to Friday.");
        assertThat(stored.knowledgeBaseId()).isEqualTo(876);

        RecordedRequest request = lastRequest();
        assertThat(request.path()).isEqualTo("/api/v1/ai/knowledge-base/876/upload/sources");
        assertThat(request.header("content-type")).startsWith("multipart/form-data; boundary=");
        assertThat(request.header("authorization")).isEqualTo("Bearer " + accessToken);
    }

    @Test
    void filesTextsListsAndMapsEachBecomeFormFields() throws Exception {
        Path pricing = Files.writeString(files.resolve("pricing.txt"), "Plans start at 10 EUR a month.");
        Path faq = Files.writeString(files.resolve("faq.md"), "# FAQ\nQ: Refunds? A: Within 30 days.");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("docs", List.of(pricing, faq.toFile()));
        form.put("notes", "We ship to the EU only.");
        form.put("raw", "Delivery takes 3 days.".getBytes(StandardCharsets.UTF_8));

        ChataibotUploadedSources answer = send(UPLOAD, form, Map.of()).getMessage()
                .getBody(ChataibotUploadedSources.class);

        assertThat(answer.fields()).containsOnlyKeys("docs", "notes", "raw");
        assertThat(answer.sources()).extracting(ChataibotSource::type, ChataibotSource::name).containsExactly(
                tuple("file", "pricing.txt"), tuple("file", "faq.md"), tuple("text", "notes"), tuple("file", "raw"));
        assertThat(chataibot().sources()).extracting(Source::field, Source::content).containsExactly(
                tuple("docs", "Plans start at 10 EUR a month."),
                tuple("docs", "# FAQ\nQ: Refunds? A: Within 30 days."),
                tuple("notes", "We ship to the EU only."),
                tuple("raw", "Delivery takes 3 days."));

        send(UPLOAD + "&sourceField=more", List.of("first text", pricing), Map.of());
        assertThat(chataibot().sources().subList(4, 6)).extracting(Source::field, Source::type, Source::name)
                .containsExactly(tuple("more", "text", "more"), tuple("more", "file", "pricing.txt"));
    }

    @Test
    void contentWithAFileNameHeaderIsAFileAsTheFileComponentDeliversIt() {
        send(UPLOAD, "Returns are free.", Map.of(Exchange.FILE_NAME, "policies/returns.txt"));
        send(UPLOAD, "Ünïcode näme".getBytes(StandardCharsets.UTF_8),
                Map.of(Exchange.FILE_NAME_ONLY, "größen.txt", Exchange.FILE_NAME, "x/größen.txt"));

        assertThat(chataibot().sources()).extracting(Source::type, Source::name, Source::content).containsExactly(
                tuple("file", "returns.txt", "Returns are free."), tuple("file", "größen.txt", "Ünïcode näme"));
    }

    @Test
    void sourceStatusFollowsProcessingToItsEnd() {
        chataibot().setSourceProcessingTime(Duration.ofMinutes(2));
        chataibot().failSourcesContaining("#corrupt#");
        Exchange uploaded = send(UPLOAD, Map.of("good", "Fine content.", "bad", "This is #corrupt#."), Map.of());
        List<Long> ids = sourceIds(uploaded);

        List<ChataibotSource> before = statusOf(ids);
        assertThat(before).extracting(ChataibotSource::status).containsOnly(ChataibotSource.IN_PROGRESS);
        chataibot().advanceTime(Duration.ofMinutes(1));
        assertThat(statusOf(ids)).noneMatch(ChataibotSource::finished);

        chataibot().advanceTime(Duration.ofMinutes(1));
        List<ChataibotSource> after = statusOf(ids);
        assertThat(after).extracting(ChataibotSource::id).containsExactlyElementsOf(ids);
        assertThat(after).allMatch(ChataibotSource::finished).allSatisfy(
                source -> assertThat(source.knowledgeBaseId()).isEqualTo(876L));
        assertThat(after).extracting(ChataibotSource::name, ChataibotSource::status).containsExactlyInAnyOrder(
                tuple("good", ChataibotSource.COMPLETED), tuple("bad", ChataibotSource.FAILED));
        assertThat(lastRequest().path()).isEqualTo("/api/v1/ai/status/sources");
        // the support client percent-encodes the comma of the documented source_ids=1,2; servers decode it
        assertThat(lastRequest().query()).isEqualTo("source_ids=" + ids.get(0) + "%2C" + ids.get(1));
    }

    @SuppressWarnings("unchecked")
    private List<ChataibotSource> statusOf(List<Long> ids) {
        return send("chataibot:sourceStatus", null, Map.of(ChataibotConstants.SOURCE_IDS, ids)).getMessage()
                .getBody(List.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void sourceIdsComeFromTheHeaderTheBodyOrTheOption() {
        int first = chataibot().uploadText(876, "a", "one");
        int second = chataibot().uploadText(876, "b", "two");

        List<ChataibotSource> byOption = send("chataibot:sourceStatus?sourceIds=" + first + "," + second, null,
                Map.of()).getMessage().getBody(List.class);
        List<ChataibotSource> byText = send("chataibot:sourceStatus?sourceIds=1", null,
                Map.of(ChataibotConstants.SOURCE_IDS, " " + second + " ")).getMessage().getBody(List.class);
        List<ChataibotSource> byBody = send("chataibot:sourceStatus", Map.of("source_ids", List.of(first)), Map.of())
                .getMessage().getBody(List.class);

        assertThat(byOption).extracting(ChataibotSource::name).containsExactly("a", "b");
        assertThat(byText).extracting(ChataibotSource::name).containsExactly("b");
        assertThat(byBody).extracting(ChataibotSource::name).containsExactly("a");
    }

    @Test
    void anUploadsSourcesCanBeAskedForRightAfterIt() throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:train").to(UPLOAD).to("chataibot:sourceStatus");
            }
        });

        List<?> statuses = template.requestBody("direct:train", "Some knowledge.", List.class);

        assertThat(statuses).singleElement().isInstanceOf(ChataibotSource.class);
    }
}
