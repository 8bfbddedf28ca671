package io.github.camelchatbots.simulator.engati;

import static io.github.camelchatbots.simulator.engati.EngatiHttp.broadcastForm;
import static io.github.camelchatbots.simulator.engati.EngatiHttp.failure;
import static io.github.camelchatbots.simulator.engati.EngatiHttp.form;
import static io.github.camelchatbots.simulator.engati.EngatiHttp.part;
import static io.github.camelchatbots.simulator.engati.EngatiHttp.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.engati.EngatiSimulation.Broadcast;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.TemplateSend;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** E5 and E6: {@code POST /whatsapp-api/v1.0/customer/{c}/bot/{b}/template} and {@code .../external/broadcast}. */
class EngatiWhatsappApiTest extends EngatiApiTestSupport {

    /** The template payload of the clients seen calling Engati, namespace and all. */
    private static final String PAYLOAD = """
            {"name":"order_update","language":{"code":"en_US","policy":"deterministic"},
             "namespace":"dd96ee84_2909_4425_86ba_8a7fb56c2d2a",
             "components":[
               {"type":"header","parameters":[{"type":"image","image":{"link":"https://example.in/x.jpg"}}]},
               {"type":"body","parameters":[{"type":"text","text":"John"}]},
               {"type":"button","sub_type":"quick_reply","index":0,
                "parameters":[{"type":"payload","payload":"flow_BA8E475BC92A4A2F963651D388348CCC"}]}]}""";

    private static final String AUDIENCE = "user.phone_number,user.attribute_0,user.attribute_1\r\n"
            + "+919876543210,Priya,MC10234\r\n"
            + "+918123456789,\"Iyer, Rohan\",\"MC\"\"99\"\"\"\r\n";

    private HttpResponse<String> template(String json) {
        return http.postJson(http.whatsappApi() + "/template", json);
    }

    private HttpResponse<String> broadcast(String query, byte[] form) {
        return http.postMultipart(http.whatsappApi() + "/external/broadcast" + query, form);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sendsATemplateAndAnswersItsMessageId() {
        JsonNode body = success(template("{\"phoneNumber\":\"+919876543210\",\"payload\":" + PAYLOAD + "}"));

        String messageId = body.at("/responseObject/message_id").asText();
        assertThat(messageId).startsWith("wamid.").hasSizeGreaterThan(20);
        TemplateSend sent = engati.templateSends().get(0);
        assertThat(sent.messageId()).isEqualTo(messageId);
        assertThat(sent.phoneNumber()).isEqualTo("+919876543210");
        assertThat(sent.botKey()).isEqualTo(engati.botKey());
        assertThat(sent.payload().at("/components/2/parameters/0/payload").asText())
                .isEqualTo("flow_BA8E475BC92A4A2F963651D388348CCC");
    }

    @Test
    void readsThePhoneNumberKeyInAnyCaseWithOrWithoutPlus() {
        String minimal = "{\"name\":\"hello\",\"language\":{\"code\":\"en\"}}";

        success(template("{\"phonenumber\":\"919876543210\",\"payload\":" + minimal + "}"));
        success(template("{\"PhoneNumber\":\"+918123456789\",\"payload\":" + minimal + "}"));

        assertThat(engati.templateSends()).extracting(TemplateSend::phoneNumber)
                .containsExactly("919876543210", "+918123456789");
        assertThat(engati.templateSends().get(0).messageId()).isNotEqualTo(engati.templateSends().get(1).messageId());
    }

    @Test
    void problemsAreReportedInsideA200NamingTheField() {
        String noName = "{\"phoneNumber\":\"+919876543210\",\"payload\":{\"language\":{\"code\":\"en\"}}}";
        String noCode = "{\"phoneNumber\":\"+919876543210\",\"payload\":{\"name\":\"t\",\"language\":{}}}";
        String noPhone = "{\"payload\":{\"name\":\"t\",\"language\":{\"code\":\"en\"}}}";

        assertThat(failure(template(noName), 200, EngatiStatus.FAILURE)).isEqualTo("payload.name is required");
        assertThat(failure(template(noCode), 200, EngatiStatus.FAILURE)).isEqualTo("payload.language.code is required");
        assertThat(failure(template(noPhone), 200, EngatiStatus.FAILURE)).isEqualTo("phoneNumber is required");
        assertThat(failure(template("{\"phoneNumber\":\"+919876543210\"}"), 200, EngatiStatus.FAILURE))
                .startsWith("payload is required");
        assertThat(failure(template("{\"phoneNumber\":\"abc\",\"payload\":{}}"), 200, EngatiStatus.FAILURE))
                .contains("phoneNumber must be a phone number");
        assertThat(failure(template("nonsense"), 200, EngatiStatus.FAILURE)).contains("JSON object");
        assertThat(engati.templateSends()).isEmpty();
    }

    @Test
    void broadcastsToTheAudienceOfTheCsv() {
        HttpResponse<String> response = broadcast("?broadcast_id=Diwali%20offer", broadcastForm(utf8(AUDIENCE),
                PAYLOAD));

        assertThat(success(response).at("/responseObject/broadcast_id").asText()).isEqualTo("Diwali offer");
        Broadcast broadcast = engati.broadcasts().get(0);
        assertThat(broadcast.name()).isEqualTo("Diwali offer");
        assertThat(broadcast.botKey()).isEqualTo(engati.botKey());
        assertThat(broadcast.header()).containsExactly("user.phone_number", "user.attribute_0", "user.attribute_1");
        assertThat(broadcast.rows()).containsExactly(List.of("+919876543210", "Priya", "MC10234"),
                List.of("+918123456789", "Iyer, Rohan", "MC\"99\""));
        assertThat(broadcast.payload().get("name").asText()).isEqualTo("order_update");
    }

    @Test
    void acceptsLineFeedsAByteOrderMarkAndNoTrailingLineBreak() {
        String csv = "\uFEFFuser.phone_number,user.attribute_0\n+919876543210,\"two\nlines\"\n\n+918123456789,x";

        success(broadcast("?broadcast_id=b1", broadcastForm(utf8(csv), PAYLOAD)));

        assertThat(engati.broadcasts().get(0).rows()).containsExactly(List.of("+919876543210", "two\nlines"),
                List.of("+918123456789", "x"));
    }

    @Test
    void theBroadcastNameAndBothPartsAreRequired() {
        assertThat(failure(broadcast("", broadcastForm(utf8(AUDIENCE), PAYLOAD)), 200, EngatiStatus.FAILURE))
                .startsWith("broadcast_id is required");
        byte[] noAudience = form(part("template_payload", null, "application/json", utf8(PAYLOAD)));
        assertThat(failure(broadcast("?broadcast_id=b", noAudience), 200, EngatiStatus.FAILURE))
                .startsWith("target_audience is required");
        byte[] noTemplate = form(part("target_audience", "a.csv", "text/csv", utf8(AUDIENCE)));
        assertThat(failure(broadcast("?broadcast_id=b", noTemplate), 200, EngatiStatus.FAILURE))
                .startsWith("template_payload is required");
        byte[] badTemplate = broadcastForm(utf8(AUDIENCE), "{\"language\":{\"code\":\"en\"}}");
        assertThat(failure(broadcast("?broadcast_id=b", badTemplate), 200, EngatiStatus.FAILURE))
                .isEqualTo("template_payload.name is required");
        assertThat(failure(broadcast("?broadcast_id=b", broadcastForm(utf8(AUDIENCE), "[]")), 200,
                EngatiStatus.FAILURE)).isEqualTo("template_payload must be a JSON object");
        HttpResponse<String> json = http.postJson(http.whatsappApi() + "/external/broadcast?broadcast_id=b", "{}");
        assertThat(failure(json, 200, EngatiStatus.FAILURE)).contains("multipart/form-data");
        assertThat(engati.broadcasts()).isEmpty();
    }

    @Test
    void anAudienceThatIsNotCsvIsInvalidFileFormat() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
        assertThat(failure(broadcast("?broadcast_id=b", broadcastForm(png, PAYLOAD)), 200,
                EngatiStatus.INVALID_FILE_FORMAT)).contains("binary");

        String wrongHeader = "phone,user.attribute_0\r\n+919876543210,Priya\r\n";
        assertThat(failure(broadcast("?broadcast_id=b", broadcastForm(utf8(wrongHeader), PAYLOAD)), 200,
                EngatiStatus.INVALID_FILE_FORMAT)).contains("user.phone_number");

        String unclosedQuote = "user.phone_number,user.attribute_0\r\n+919876543210,\"Priya\r\n";
        assertThat(failure(broadcast("?broadcast_id=b", broadcastForm(utf8(unclosedQuote), PAYLOAD)), 200,
                EngatiStatus.INVALID_FILE_FORMAT)).contains("never closed");

        String ragged = "user.phone_number,user.attribute_0\r\n+919876543210\r\n";
        assertThat(failure(broadcast("?broadcast_id=b", broadcastForm(utf8(ragged), PAYLOAD)), 200,
                EngatiStatus.INVALID_FILE_FORMAT)).contains("row 2 has 1 columns");

        String noPlus = "user.phone_number\r\n919876543210\r\n";
        assertThat(failure(broadcast("?broadcast_id=b", broadcastForm(utf8(noPlus), PAYLOAD)), 200,
                EngatiStatus.INVALID_FILE_FORMAT)).contains("+<country code><number>");

        assertThat(failure(broadcast("?broadcast_id=b", broadcastForm(new byte[0], PAYLOAD)), 200,
                EngatiStatus.INVALID_FILE_FORMAT)).contains("empty");
        assertThat(engati.broadcasts()).isEmpty();
    }

    @Test
    void anAudienceOverTheMaximumSizeFailsTheUpload() {
        assertThat(EngatiSimulation.DEFAULT_MAX_AUDIENCE_FILE_BYTES).isEqualTo(5L * 1024 * 1024);
        byte[] audience = utf8(AUDIENCE);
        engati.setMaxAudienceFileSize(audience.length);
        success(broadcast("?broadcast_id=fits", broadcastForm(audience, PAYLOAD)));

        engati.setMaxAudienceFileSize(audience.length - 1);
        String message = failure(broadcast("?broadcast_id=too-big", broadcastForm(audience, PAYLOAD)), 200,
                EngatiStatus.FILE_UPLOAD_FAILED);

        assertThat(message).contains(audience.length + " bytes").contains("maximum of " + (audience.length - 1));
        assertThat(engati.broadcasts()).extracting(Broadcast::name).containsExactly("fits");
    }

    @Test
    void aBotWithoutWhatsappConfiguredAnswersApiKeyNotFound() {
        engati.setWhatsappConfigured(false);

        String templateMessage = failure(template("{\"phoneNumber\":\"+919876543210\",\"payload\":" + PAYLOAD + "}"),
                200, EngatiStatus.API_KEY_NOT_FOUND);
        String broadcastMessage = failure(broadcast("?broadcast_id=b", broadcastForm(utf8(AUDIENCE), PAYLOAD)), 200,
                EngatiStatus.API_KEY_NOT_FOUND);

        assertThat(templateMessage).isEqualTo(broadcastMessage).contains("WhatsApp").contains(engati.botKey());
        assertThat(engati.templateSends()).isEmpty();
        assertThat(engati.broadcasts()).isEmpty();

        engati.setWhatsappConfigured(true);
        success(template("{\"phoneNumber\":\"+919876543210\",\"payload\":" + PAYLOAD + "}"));
        assertThat(engati.templateSends()).hasSize(1);
    }

    @Test
    void whatsappIsConfiguredPerBotAndAgainAfterReset() {
        engati.addApiKey("2082e8f4-0011-479b-9edb-74293c62d91b-GkoUziQ", engati.customerId(), "00000000000000aa");
        engati.bot("00000000000000aa").setWhatsappConfigured(false);

        assertThat(engati.bot().whatsappConfigured()).isTrue();
        assertThat(engati.bot("00000000000000aa").whatsappConfigured()).isFalse();
        engati.setWhatsappConfigured(false);
        engati.reset();
        assertThat(engati.bot().whatsappConfigured()).isTrue();
    }
}
