package io.github.camelchatbots.support.producer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one precedence rule of every producer value: header, then body, then option. */
class ExchangeValuesTest {

    private static CamelContext context;

    record Request(String chatId, Integer page, String text) {
    }

    @BeforeAll
    static void startCamel() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void stopCamel() {
        context.stop();
    }

    private static ExchangeValues values(Object body, Map<String, Object> headers) {
        Message message = new DefaultExchange(context).getMessage();
        message.setBody(body);
        headers.forEach(message::setHeader);
        return new ExchangeValues("Fake", "fake:op", message);
    }

    @Test
    void theHeaderWinsOverTheBodyAndTheBodyOverTheOption() {
        Map<String, Object> body = Map.of("chatId", "from-body");

        assertThat(values(body, Map.of("Chat", "from-header")).text("Chat", "chatId", "from-option"))
                .isEqualTo("from-header");
        assertThat(values(body, Map.of()).text("Chat", "chatId", "from-option")).isEqualTo("from-body");
        assertThat(values("plain text", Map.of()).text("Chat", "chatId", "from-option")).isEqualTo("from-option");
        // blank counts as absent everywhere
        assertThat(values(Map.of("chatId", " "), Map.of("Chat", "")).text("Chat", "chatId", "from-option"))
                .isEqualTo("from-option");
    }

    @Test
    void aRecordOrJsonBodyCountsByItsFields() {
        assertThat(values(new Request("c1", 3, "hi"), Map.of()).integer("page", "Page", "page", 1, 1)).isEqualTo(3);
        assertThat(values("{\"page\": \"4\"}", Map.of()).integer("page", "Page", "page", 1, 1)).isEqualTo(4);
        assertThat(values("{\"page\": 4}".getBytes(StandardCharsets.UTF_8), Map.of()).bodyAs(Request.class).page())
                .isEqualTo(4);
    }

    @Test
    void aStreamBodyIsReadOnceAndKeptForTheCall() {
        ExchangeValues values = values(new ByteArrayInputStream("{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8)),
                Map.of());

        assertThat(values.text("Text", "text", null)).isEqualTo("hi");
        assertThat(values.message().getBody(String.class)).isEqualTo("{\"text\":\"hi\"}");
    }

    @Test
    void textThatStartsWithABraceButIsNotJsonIsRefused() {
        assertThatThrownBy(() -> values("{not json", Map.of()).bodyAs(Request.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Fake: fake:op got a body that starts with '{' but is not valid JSON");
        assertThatThrownBy(() -> values(" {\"a\":", Map.of()).text("H", "a", null))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aValueThatDoesNotParseNamesWhereItCameFromAndQuotesIt() {
        assertThatThrownBy(() -> values(null, Map.of("Page", "two")).integer("page", "Page", "page", 1, 1))
                .hasMessage("Fake: header Page must be a whole number, not 'two'");
        assertThatThrownBy(() -> values(Map.of("page", 0), Map.of()).integer("page", "Page", "page", 1, 1))
                .hasMessage("Fake: body field 'page' must be a whole number of at least 1, not '0'");
        assertThatThrownBy(() -> values(null, Map.of()).integer("page", "Page", "page", -1, 1))
                .hasMessage("Fake: option page must be a whole number of at least 1, not '-1'");
        assertThatThrownBy(() -> values(null, Map.of("Reset", "yes")).bool("reset", "Reset", "reset", null))
                .hasMessage("Fake: header Reset must be true or false, not 'yes'");
        assertThatThrownBy(() -> values(null, Map.of("Confidence", "high")).decimal("confidence", "Confidence",
                "confidence", null)).hasMessage("Fake: header Confidence must be a number, not 'high'");
    }

    @Test
    void instantsComeInEveryFormRoutesHaveThem() {
        Instant at = Instant.parse("2024-01-01T04:30:00Z");
        assertThat(values(null, Map.of("At", at)).instant("at", "At", "at", null, ChronoUnit.MILLIS)).isEqualTo(at);
        assertThat(values(null, Map.of("At", java.util.Date.from(at))).instant("at", "At", "at", null,
                ChronoUnit.MILLIS)).isEqualTo(at);
        assertThat(values(null, Map.of("At", "1704083400000")).instant("at", "At", "at", null, ChronoUnit.MILLIS))
                .isEqualTo(at);
        assertThat(values(Map.of("at", 1704083400L), Map.of()).instant("at", "At", "at", null, ChronoUnit.SECONDS))
                .isEqualTo(at);
        // a vendor's own form: a space for the T, an offset without a colon
        assertThat(values(null, Map.of()).instant("at", "At", "at", "2024-01-01 10:00:00.000+0530",
                ChronoUnit.MILLIS)).isEqualTo(at);
        assertThatThrownBy(() -> values(null, Map.of("At", "yesterday")).instant("at", "At", "at", null,
                ChronoUnit.MILLIS)).hasMessage("Fake: header At must be an instant, ISO-8601 such as"
                                               + " 2024-08-01T00:00:00Z or epoch millis, not 'yesterday'");
    }

    @Test
    void listsComeAsCollectionsArraysJsonOrCommaSeparatedText() {
        assertThat(values(null, Map.of("Tags", List.of("a", " b "))).texts("tags", "Tags", "tags", null))
                .containsExactly("a", "b");
        assertThat(values(Map.of("tags", List.of("c", "d")), Map.of()).texts("tags", "Tags", "tags", null))
                .containsExactly("c", "d");
        assertThat(values(null, Map.of()).texts("tags", "Tags", "tags", "e, ,f")).containsExactly("e", "f");
        assertThat(values(null, Map.of()).texts("tags", "Tags", "tags", null)).isEmpty();
    }

    @Test
    void objectsComeAsMapsRecordsOrJsonText() {
        assertThat(values(null, Map.of("Vars", Map.of("plan", "gold"))).object("variables", "Vars", "variables", null)
                .path("plan").asText()).isEqualTo("gold");
        assertThat(values(Map.of("variables", Map.of("plan", "silver")), Map.of())
                .object("variables", "Vars", "variables", null).path("plan").asText()).isEqualTo("silver");
        assertThat(values(null, Map.of()).object("variables", "Vars", "variables", "{\"plan\":\"bronze\"}")
                .path("plan").asText()).isEqualTo("bronze");
        assertThatThrownBy(() -> values(null, Map.of("Vars", "[1]")).object("variables", "Vars", "variables", null))
                .hasMessageStartingWith("Fake: header Vars must be a JSON object");
    }

    @Test
    void aMissingRequiredValueNamesEveryPlaceItCanComeFrom() {
        assertThatThrownBy(() -> values(null, Map.of()).requiredText("chatId", "CamelFakeChatId", "chatId", null))
                .hasMessage("Fake: fake:op needs chatId: set the CamelFakeChatId header, a 'chatId' field in the"
                            + " body or the chatId option");
        assertThatThrownBy(() -> values(null, Map.of()).requiredBodyAs(Request.class))
                .hasMessageContaining("needs its request as the body (a Request, a Map or a JSON object), not an"
                                      + " empty body");
    }
}
