package io.github.camelchatbots.support.producer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
    void aMissingRequiredValueNamesEveryPlaceItCanComeFrom() {
        assertThatThrownBy(() -> values(null, Map.of()).requiredText("chatId", "CamelFakeChatId", "chatId", null))
                .hasMessage("Fake: fake:op needs chatId: set the CamelFakeChatId header, a 'chatId' field in the"
                            + " body or the chatId option");
        assertThatThrownBy(() -> values(null, Map.of()).requiredBodyAs(Request.class))
                .hasMessageContaining("needs its request as the body (a Request, a Map or a JSON object), not an"
                                      + " empty body");
    }
}
