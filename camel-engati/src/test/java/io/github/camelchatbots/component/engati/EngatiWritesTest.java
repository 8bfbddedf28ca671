package io.github.camelchatbots.component.engati;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.engati.model.EngatiRecipient;
import io.github.camelchatbots.component.engati.model.EngatiResult;
import io.github.camelchatbots.component.engati.model.EngatiTemplate;
import io.github.camelchatbots.component.engati.model.EngatiTemplateMessage;
import io.github.camelchatbots.component.engati.model.EngatiTemplateResult;
import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.Broadcast;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.FlowTrigger;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.TemplateSend;
import io.github.camelchatbots.support.http.RateLimiter;
import io.github.camelchatbots.support.json.ChatbotJson;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** triggerFlow, sendTemplate and broadcast against the simulator, and what each puts on the wire. */
class EngatiWritesTest extends EngatiTestSupport {

    private static final String FLOW = "27055FA465AE4076BD2D41403A62B1B7";
    /** The template payload Engati's clients send (E5), namespace, header image, body text and quick reply. */
    private static final String PAYLOAD = """
            {"name":"order_update","language":{"code":"en_US","policy":"deterministic"},
             "namespace":"dd96ee84_2909_4425_86ba_8a7fb56c2d2a",
             "components":[
               {"type":"header","parameters":[{"type":"image","image":{"link":"https://example.in/x.jpg"}}]},
               {"type":"body","parameters":[{"type":"text","text":"John"}]},
               {"type":"button","sub_type":"quick_reply","index":0,
                "parameters":[{"type":"payload","payload":"flow_BA8E475BC92A4A2F963651D388348CCC"}]}]}""";

    @TempDir
    Path directory;

    private static JsonNode json(String text) throws Exception {
        return ChatbotJson.mapper().readTree(text);
    }

    private EngatiTemplateResult sent(String uri, Object body, Map<String, Object> headers) {
        return send(uri, body, headers).getMessage().getBody(EngatiTemplateResult.class);
    }

    @Test
    void triggerFlowSendsTheAttributesAsOneFlatObjectAsGiven() throws Exception {
        engati().registerFlow(FLOW, "Welcome!");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("user.channel", "whatsapp");
        attributes.put("user.phone_no", "919876543210");
        attributes.put("attribute_1", "value1");
        attributes.put("budget", 5000);

        EngatiResult result = send("engati:triggerFlow?flowKey=" + FLOW, attributes, Map.of()).getMessage()
                .getBody(EngatiResult.class);

        RecordedRequest request = lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/bot-api/v2.0/customer/10294/bot/1a1c9bfa5e0f41ed/flow/" + FLOW);
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(request.body()).isEqualTo("{\"user.channel\":\"whatsapp\",\"user.phone_no\":\"919876543210\","
                                             + "\"attribute_1\":\"value1\",\"budget\":5000}");
        assertThat(result.status().code()).isEqualTo(1000);
        assertThat(result.status().succeeded()).isTrue();
        assertThat(result.responseObject().isNull()).isTrue();
        FlowTrigger trigger = engati().flowTriggers().get(0);
        assertThat(trigger.version()).isEqualTo(2);
        assertThat(trigger.channelUserId()).isEqualTo("919876543210");
        assertThat(engati().user("919876543210").orElseThrow().attributes()).containsEntry("attribute_1", "value1")
                .containsEntry("budget", "5000");
    }

    @Test
    void triggerFlowTakesJsonTextAndThePhoneNumberFromHeaderOrOption() {
        engati().registerFlow(FLOW, "Welcome!");

        send("engati:triggerFlow?flowKey=" + FLOW, "{\"user.phone_no\":\"911111111111\",\"lead\":\"yes\"}",
                Map.of());
        send("engati:triggerFlow?flowKey=" + FLOW + "&phoneNumber=912222222222", "{\"lead\":\"option\"}", Map.of());
        send("engati:triggerFlow?flowKey=" + FLOW + "&phoneNumber=912222222222",
                Map.of("user.phone_no", "913333333333"), Map.of());
        send("engati:triggerFlow?phoneNumber=912222222222", Map.of("user.phone_no", "913333333333"),
                Map.of(EngatiConstants.PHONE_NUMBER, "914444444444", EngatiConstants.FLOW_KEY, FLOW));
        send("engati:triggerFlow?flowKey=" + FLOW, null, Map.of(EngatiConstants.PHONE_NUMBER, "915555555555"));

        assertThat(engati().flowTriggers()).extracting(FlowTrigger::channelUserId).containsExactly("911111111111",
                "912222222222", "913333333333", "914444444444", "915555555555");
        assertThat(engati().flowTriggers().get(1).attributes()).containsEntry("lead", "option");
    }

    @Test
    void triggerFlowV1SendsTheAttributesAsQueryParameters() {
        engati().registerFlow(FLOW, "Hello from v1");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("user.user_name", "Salman Khan");
        attributes.put("attrTest", "TESTING & more");
        attributes.put("user.language", "en");
        attributes.put("user.phone_no", "+919876543210");

        send("engati:triggerFlow?apiVersion=v1&flowKey=" + FLOW, attributes, Map.of());

        RecordedRequest request = lastRequest();
        assertThat(request.path()).isEqualTo("/bot-api/v1.0/customer/10294/bot/1a1c9bfa5e0f41ed/flow/" + FLOW);
        assertThat(request.query()).isEqualTo("user.user_name=Salman%20Khan&attrTest=TESTING%20%26%20more"
                                              + "&user.language=en&user.phone_no=%2B919876543210");
        assertThat(request.body()).isEmpty();
        FlowTrigger trigger = engati().flowTriggers().get(0);
        assertThat(trigger.version()).isEqualTo(1);
        assertThat(trigger.channelUserId()).isEqualTo("919876543210");
        assertThat(engati().user("919876543210").orElseThrow().name()).isEqualTo("Salman Khan");
        assertThat(engati().messages("919876543210")).extracting(m -> m.text()).containsExactly("Hello from v1");
    }

    @Test
    void sendTemplateSendsThePayloadAsGivenAndAnswersTheMessageId() throws Exception {
        EngatiTemplate template = ChatbotJson.mapper().readValue(PAYLOAD, EngatiTemplate.class);

        Exchange exchange = send("engati:sendTemplate", new EngatiTemplateMessage("+919876543210", template),
                Map.of());

        EngatiTemplateResult result = exchange.getMessage().getBody(EngatiTemplateResult.class);
        TemplateSend sent = engati().templateSends().get(0);
        assertThat(result.messageId()).startsWith("wamid.").isEqualTo(sent.messageId());
        assertThat(exchange.getMessage().getHeader(EngatiConstants.MESSAGE_ID)).isEqualTo(sent.messageId());
        assertThat(result.status().code()).isEqualTo(1000);
        RecordedRequest request = lastRequest();
        assertThat(request.path()).isEqualTo("/whatsapp-api/v1.0/customer/10294/bot/1a1c9bfa5e0f41ed/template");
        assertThat(json(request.body())).isEqualTo(json("{\"phoneNumber\":\"+919876543210\",\"payload\":" + PAYLOAD
                                                        + "}"));
    }

    @Test
    void sendTemplateTakesAMapJsonOrTheTemplateAlone() {
        String minimal = "{\"name\":\"hello_world\",\"language\":\"en_US\"}";

        sent("engati:sendTemplate", Map.of("phonenumber", "919811111111", "payload",
                Map.of("name", "hello_world", "language", Map.of("code", "en"))), Map.of());
        sent("engati:sendTemplate", "{\"phoneNumber\":\"+919822222222\",\"payload\":" + minimal + "}", Map.of());
        sent("engati:sendTemplate", minimal, Map.of(EngatiConstants.PHONE_NUMBER, "+919833333333"));
        sent("engati:sendTemplate", EngatiTemplate.of("hello_world", "en_US")
                .withComponents(List.of(EngatiTemplate.Component.body("Priya"))), Map.of(EngatiConstants.PHONE_NUMBER,
                "+919844444444"));

        assertThat(engati().templateSends()).extracting(TemplateSend::phoneNumber).containsExactly("919811111111",
                "+919822222222", "+919833333333", "+919844444444");
        assertThat(engati().templateSends().get(1).payload().get("language").toString())
                .as("a language given as text is its code, with the deterministic policy")
                .isEqualTo("{\"code\":\"en_US\",\"policy\":\"deterministic\"}");
        assertThat(engati().templateSends().get(3).payload().at("/components/0/parameters/0/text").asText())
                .isEqualTo("Priya");
    }

    @Test
    void sendTemplateFromOptionsAndHeaders() {
        sent("engati:sendTemplate?phoneNumber=+919876543210&templateName=welcome&templateLanguage=hi"
             + "&templateNamespace=ns_1", null, Map.of());
        sent("engati:sendTemplate?phoneNumber=+919876543210&templateName=welcome&templateLanguage=hi", null,
                Map.of(EngatiConstants.TEMPLATE, PAYLOAD, EngatiConstants.TEMPLATE_LANGUAGE, "ta"));
        sent("engati:sendTemplate?phoneNumber=+919876543210&templateLanguage=hi",
                "{\"payload\":{\"name\":\"from_body\"}}", Map.of(EngatiConstants.TEMPLATE_NAME, "from_header"));

        List<JsonNode> payloads = engati().templateSends().stream().map(TemplateSend::payload).toList();
        assertThat(payloads.get(0).toString()).isEqualTo("{\"name\":\"welcome\",\"language\":{\"code\":\"hi\","
                                                         + "\"policy\":\"deterministic\"},\"namespace\":\"ns_1\"}");
        assertThat(payloads.get(1).get("name").asText()).as("the header's template beats the options")
                .isEqualTo("order_update");
        assertThat(payloads.get(1).at("/language/code").asText()).as("a field's header beats the template")
                .isEqualTo("ta");
        assertThat(payloads.get(1).get("components")).hasSize(3);
        assertThat(payloads.get(2).get("name").asText()).isEqualTo("from_header");
        assertThat(payloads.get(2).at("/language/code").asText()).isEqualTo("hi");
    }

    @Test
    void broadcastSendsCsvTextAsAMultipartForm() throws Exception {
        String csv = "user.phone_number,user.attribute_0\r\n+919876543210,Priya\r\n+918123456789,\"Iyer, Rohan\"\r\n";

        EngatiResult result = send("engati:broadcast?broadcastId=Diwali offer&templateName=offer"
                                   + "&templateLanguage=en_US", csv, Map.of()).getMessage()
                .getBody(EngatiResult.class);

        assertThat(result.status().code()).isEqualTo(1000);
        assertThat(result.responseObject().get("broadcast_id").asText()).isEqualTo("Diwali offer");
        Broadcast broadcast = engati().broadcasts().get(0);
        assertThat(broadcast.name()).isEqualTo("Diwali offer");
        assertThat(broadcast.header()).containsExactly("user.phone_number", "user.attribute_0");
        assertThat(broadcast.rows()).containsExactly(List.of("+919876543210", "Priya"),
                List.of("+918123456789", "Iyer, Rohan"));
        assertThat(broadcast.payload()).isEqualTo(json("{\"name\":\"offer\",\"language\":{\"code\":\"en_US\","
                                                       + "\"policy\":\"deterministic\"}}"));
        RecordedRequest request = lastRequest();
        assertThat(request.path()).isEqualTo("/whatsapp-api/v1.0/customer/10294/bot/1a1c9bfa5e0f41ed/external/"
                                             + "broadcast");
        assertThat(request.query()).isEqualTo("broadcast_id=Diwali%20offer");
        assertThat(request.header("authorization")).isEqualTo("Basic " + apiKey);
        assertThat(request.header("content-type")).startsWith("multipart/form-data; boundary=");
        assertThat(request.body())
                .contains("Content-Disposition: form-data; name=\"target_audience\"; filename=\"audience.csv\"\r\n"
                          + "Content-Type: text/csv; charset=UTF-8\r\n\r\n" + csv)
                .contains("Content-Disposition: form-data; name=\"template_payload\"\r\n\r\n{\"name\":\"offer\"");
    }

    @Test
    void broadcastWritesListsOfRowsAsCsv() {
        String uri = "engati:broadcast?broadcastId=b&templateName=offer&templateLanguage=en";

        send(uri, List.of(List.of("+919876543210", "Priya", "MC10234"), List.of("918123456789", "Iyer, \"Ro\"")),
                Map.of());
        send(uri, List.of(EngatiRecipient.of("+91 98765 43210", "Priya"), EngatiRecipient.of("918123456789")),
                Map.of());
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("user.phone_number", "+919876543210");
        first.put("user.attribute_0", "Priya");
        send(uri, List.of(first, Map.of("user.phone_number", "918123456789", "user.attribute_1", 7)), Map.of());
        send(uri, List.of("+919876543210", "918123456789"), Map.of());
        send(uri, List.of(List.of("user.phone_number", "user.attribute_0"), List.of("+919876543210", "given")),
                Map.of());

        List<Broadcast> broadcasts = engati().broadcasts();
        assertThat(broadcasts.get(0).header()).containsExactly("user.phone_number", "user.attribute_0",
                "user.attribute_1");
        assertThat(broadcasts.get(0).rows()).containsExactly(List.of("+919876543210", "Priya", "MC10234"),
                List.of("+918123456789", "Iyer, \"Ro\"", ""));
        assertThat(broadcasts.get(1).rows()).containsExactly(List.of("+919876543210", "Priya"),
                List.of("+918123456789", ""));
        assertThat(broadcasts.get(2).header()).containsExactly("user.phone_number", "user.attribute_0",
                "user.attribute_1");
        assertThat(broadcasts.get(2).rows()).containsExactly(List.of("+919876543210", "Priya", ""),
                List.of("+918123456789", "", "7"));
        assertThat(broadcasts.get(3).header()).containsExactly("user.phone_number");
        assertThat(broadcasts.get(3).rows()).containsExactly(List.of("+919876543210"), List.of("+918123456789"));
        assertThat(broadcasts.get(4).rows()).containsExactly(List.of("+919876543210", "given"));
    }

    @Test
    void broadcastSendsAFileUnderItsOwnName() throws Exception {
        Path file = directory.resolve("leads-2024.csv");
        Files.writeString(file, "user.phone_number\n+919876543210\n", StandardCharsets.UTF_8);
        String uri = "engati:broadcast?broadcastId=from-file&templateName=offer&templateLanguage=en";

        send(uri, file, Map.of());
        assertThat(lastRequest().body()).contains("filename=\"leads-2024.csv\"");
        send(uri, file.toFile(), Map.of(EngatiConstants.BROADCAST_ID, "from-java-file"));
        assertThat(lastRequest().query()).isEqualTo("broadcast_id=from-java-file");

        assertThat(engati().broadcasts()).extracting(Broadcast::rows)
                .containsOnly(List.of(List.of("+919876543210")));
    }

    @Test
    void broadcastFromTheFileComponent() throws Exception {
        Path inbox = Files.createDirectory(directory.resolve("inbox"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?initialDelay=0&delay=50")
                        .setHeader(EngatiConstants.TEMPLATE, constant(PAYLOAD))
                        .to("engati:broadcast?broadcastId=weekly");
            }
        });
        Files.writeString(inbox.resolve("weekly.csv"), "user.phone_number,user.attribute_0\n+919876543210,Priya\n");

        org.awaitility.Awaitility.await().until(() -> engati().broadcasts().size() == 1);

        assertThat(engati().broadcasts().get(0).rows()).containsExactly(List.of("+919876543210", "Priya"));
        assertThat(engati().broadcasts().get(0).payload().get("name").asText()).isEqualTo("order_update");
        assertThat(lastRequest().body()).contains("filename=\"weekly.csv\"");
    }

    @Test
    void aMissingFileFailsBeforeAnyRequest() {
        File missing = directory.resolve("not-there.csv").toFile();
        int before = engati().requests().size();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send(
                "engati:broadcast?broadcastId=b&templateName=t&templateLanguage=en", missing, Map.of()))
                .cause().hasMessageContaining("the recipients file").hasMessageContaining("not-there.csv");
        assertThat(engati().requests()).hasSize(before);
    }

    @Test
    void theMultipartCallDrawsOnTheAccountsRateLimiterLikeTheOthers() {
        AtomicInteger permits = new AtomicInteger();
        AtomicInteger open = new AtomicInteger();
        context.getRegistry().bind("countingLimiter", new RateLimiter() {
            @Override
            public Permit acquire() {
                permits.incrementAndGet();
                open.incrementAndGet();
                return open::decrementAndGet;
            }

            @Override
            public boolean hasBudget() {
                return true;
            }

            @Override
            public void pauseFor(Duration pause) {
            }
        });
        String limited = "rateLimiter=#countingLimiter&templateName=offer&templateLanguage=en";

        send("engati:broadcast?broadcastId=b&" + limited, "user.phone_number\n+919876543210\n", Map.of());
        send("engati:sendTemplate?phoneNumber=+919876543210&" + limited, null, Map.of());

        assertThat(permits).as("one for each call").hasValue(2);
        assertThat(open).as("each given back").hasValue(0);
    }
}
