package io.github.camelchatbots.simulator.konversation;

import static io.github.camelchatbots.simulator.konversation.KonversationHttp.badRequest;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.konversation.KonversationSimulation.MessageOrder;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** GET /subscriber/chat-messages: who is asked for, which types, time filters, paging, order and ts. */
class KonversationChatMessagesTest extends KonversationApiTestSupport {

    private String userNs;
    private Instant now;

    @BeforeEach
    void conversation() {
        konversation.freezeTime();
        now = konversation.now();
        userNs = konversation.newSubscriber().firstName("Ann").phone("+61 400 000 001").create();
        Instant start = now.minus(Duration.ofDays(2));
        konversation.addIncomingMessage(userNs, "hi", start);
        konversation.addMessage(userNs, "out", "text", "Hello! How can I help?", null, start.plusSeconds(2));
        konversation.addMessage(userNs, "in", "image", null, "https://example.com/bag.jpg", start.plusSeconds(60));
        konversation.addMessage(userNs, "system", "text", "Assigned to Sam", null, start.plusSeconds(70));
        konversation.addMessage(userNs, "agent", "text", "Sam here, sorry about that", null, start.plusSeconds(90));
        konversation.addMessage(userNs, "note", "text", "Send a new bag", null, start.plusSeconds(95));
        konversation.addIncomingMessage(userNs, "thanks", start.plusSeconds(120));
    }

    private JsonNode messages(String query) {
        return ok(http.get("/subscriber/chat-messages?user_ns=" + userNs + query));
    }

    @Test
    void byDefaultOnlyTheSubscribersAndAgentsMessagesNewestFirst() {
        JsonNode page = messages("");

        assertThat(values(page, "content")).containsExactly("thanks", "Sam here, sorry about that",
                "https://example.com/bag.jpg", "hi");
        JsonNode first = page.get("data").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "type", "sender_id", "msg_type", "content",
                "payload", "ts");
        assertThat(first.get("id").isInt()).isTrue();
        assertThat(first.get("type").asText()).isEqualTo("in");
        assertThat(first.get("sender_id").asText()).isEqualTo(userNs);
        assertThat(first.get("payload").toString()).isEqualTo("{\"text\":\"thanks\",\"url\":null}");
        assertThat(first.get("ts").asLong()).isEqualTo(now.minus(Duration.ofDays(2)).plusSeconds(120)
                .getEpochSecond());
        assertThat(page.get("data").get(2).get("payload").get("url").asText()).isEqualTo("https://example.com/bag.jpg");
        assertThat(page.at("/meta/total").asInt()).isEqualTo(4);
    }

    @Test
    void botNotesAndSystemMessagesWhenAskedFor() {
        assertThat(values(messages("&include_bot=1"), "type")).containsExactly("in", "agent", "in", "out", "in");
        assertThat(values(messages("&include_note=1&include_system=1"), "type"))
                .containsExactly("in", "note", "agent", "system", "in", "in");
        assertThat(messages("&include_bot=1&include_note=1&include_system=1").at("/meta/total").asInt()).isEqualTo(7);
        assertThat(badRequest(http.get("/subscriber/chat-messages?user_ns=" + userNs + "&include_bot=yes")))
                .isEqualTo("The include_bot field must be true or false (1 or 0).");
    }

    @Test
    void filtersByMediaType() {
        assertThat(values(messages("&msg_type=image"), "msg_type")).containsExactly("image");
        assertThat(badRequest(http.get("/subscriber/chat-messages?user_ns=" + userNs + "&msg_type=sticker")))
                .isEqualTo("The selected msg_type is invalid. It must be one of: image, audio, video, file.");
    }

    @Test
    void filtersByTimeInUnixSecondsBothEndsIncluded() {
        long start = now.minus(Duration.ofDays(2)).getEpochSecond();

        assertThat(values(messages("&include_bot=1&start_time=" + (start + 2) + "&end_time=" + (start + 90)),
                "type")).containsExactly("agent", "in", "out");
        assertThat(values(messages("&start_time=" + (start + 61)), "content"))
                .containsExactly("thanks", "Sam here, sorry about that");
        assertThat(values(messages("&end_time=" + start), "content")).containsExactly("hi");
    }

    @Test
    void timesGoBackAtMostOneMonth() {
        long monthAgo = now.atZone(ZoneOffset.UTC).minusMonths(1).toEpochSecond();

        assertThat(badRequest(http.get("/subscriber/chat-messages?user_ns=" + userNs + "&start_time="
                + (monthAgo - 1)))).isEqualTo("The start_time field must be no earlier than one month ago ("
                        + monthAgo + ").");
        assertThat(badRequest(http.get("/subscriber/chat-messages?user_ns=" + userNs + "&end_time=" + (monthAgo - 1))))
                .startsWith("The end_time field must be no earlier than one month ago");
        assertThat(badRequest(http.get("/subscriber/chat-messages?user_ns=" + userNs + "&start_time="
                + now.getEpochSecond() + "&end_time=" + (now.getEpochSecond() - 1))))
                .isEqualTo("The end_time field must be greater than or equal to start_time.");
        assertThat(badRequest(http.get("/subscriber/chat-messages?user_ns=" + userNs + "&start_time=yesterday")))
                .isEqualTo("The start_time field must be an integer.");
        assertThat(messages("&start_time=" + monthAgo).at("/meta/total").asInt()).isEqualTo(4);
    }

    @Test
    void pagesWithLimitUpTo100() {
        JsonNode second = messages("&include_bot=1&limit=2&page=2");

        assertThat(values(second, "content")).containsExactly("https://example.com/bag.jpg", "Hello! How can I help?");
        assertThat(second.get("meta").toString()).contains("\"current_page\":2", "\"from\":3", "\"last_page\":3",
                "\"per_page\":2", "\"to\":4", "\"total\":5");
        assertThat(second.at("/links/next").asText()).endsWith("/konversation/api/subscriber/chat-messages?page=3");
        assertThat(badRequest(http.get("/subscriber/chat-messages?user_ns=" + userNs + "&limit=101")))
                .isEqualTo("The limit field must be between 1 and 100.");
    }

    @Test
    void theSubscriberIsNamedByUserNsOrUserId() {
        assertThat(ok(http.get("/subscriber/chat-messages?user_id=61400000001")).at("/meta/total").asInt())
                .isEqualTo(4);
        assertThat(badRequest(http.get("/subscriber/chat-messages")))
                .isEqualTo("The user_ns field is required when user_id is not present.");
        assertThat(badRequest(http.get("/subscriber/chat-messages?user_ns=f131667u9")))
                .isEqualTo("The selected user_ns is invalid.");
    }

    @Test
    void theOrderAndTheTimestampFormCanBeSwitched() {
        konversation.setChatMessageOrder(MessageOrder.OLDEST_FIRST);
        konversation.chatTimestampsAsText(true);

        JsonNode page = messages("");

        assertThat(values(page, "content")).containsExactly("hi", "https://example.com/bag.jpg",
                "Sam here, sorry about that", "thanks");
        assertThat(page.get("data").get(0).get("ts").asText())
                .isEqualTo(KonversationJson.datetime(now.minus(Duration.ofDays(2))))
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void severalMessagesInOneSecondKeepTheOrderTheyCameIn() {
        String bo = subscriber("Bo", 2);
        Instant second = now.minusSeconds(30);
        for (String text : List.of("one", "two", "three")) {
            konversation.addIncomingMessage(bo, text, second);
        }
        konversation.addIncomingMessage(bo, "earlier", second.minusMillis(500));

        JsonNode page = ok(http.get("/subscriber/chat-messages?user_ns=" + bo));

        assertThat(values(page, "content")).containsExactly("three", "two", "one", "earlier");
        assertThat(values(page, "ts")).first().isEqualTo(Long.toString(second.getEpochSecond()));
    }

    @Test
    void subFlowsAndTextsShowUpAsBotMessages() {
        String welcome = konversation.registerSubFlow("Welcome", "Hi {{first_name}}!").subFlowNs();
        konversation.advanceTime(Duration.ofMinutes(1));

        http.post("/subscriber/send-sub-flow", "user_ns", userNs, "sub_flow_ns", welcome);
        http.post("/subscriber/send-text", "user_ns", userNs, "content", "Anything else?");

        assertThat(values(messages("&include_bot=1&limit=2"), "content")).containsExactly("Anything else?", "Hi Ann!");
        assertThat(messages("&include_bot=1&limit=1").get("data").get(0).get("ts").asLong())
                .isEqualTo(konversation.now().getEpochSecond());
    }
}
