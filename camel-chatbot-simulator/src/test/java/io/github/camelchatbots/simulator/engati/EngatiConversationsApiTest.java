package io.github.camelchatbots.simulator.engati;

import static io.github.camelchatbots.simulator.engati.EngatiHttp.failure;
import static io.github.camelchatbots.simulator.engati.EngatiHttp.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.engati.EngatiSimulation.ConversationsKey;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.Message;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.PageOrder;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.TextField;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.TimestampFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** E2: {@code GET /bot-api/v1.0/customer/{c}/bot/{b}/channel-user/{channelUserId}/conversations}. */
class EngatiConversationsApiTest extends EngatiApiTestSupport {

    private static final String USER = "919565428256";
    /** 10:00 in India, the time of the one timestamp sample seen. */
    private static final Instant T0 = Instant.parse("2024-01-01T04:30:00Z");

    @BeforeEach
    void aUser() {
        engati.addUser(USER, "whatsapp", "Priya Nair", Map.of());
    }

    private JsonNode conversation(String query) {
        String path = http.botApi("v1.0") + "/channel-user/" + USER + "/conversations" + query;
        return success(http.get(path)).at("/responseObject/conversations");
    }

    private List<String> texts(String query) {
        List<String> texts = new ArrayList<>();
        conversation(query).forEach(message -> texts.add(message.get("text").asText()));
        return texts;
    }

    /** Messages "m0".."m{n-1}", one second apart from T0, user and bot taking turns. */
    private void addMessages(int count) {
        for (int i = 0; i < count; i++) {
            engati.addMessage(USER, i % 2 == 0 ? "user" : "bot", "m" + i, T0.plusSeconds(i));
        }
    }

    @Test
    void answersTheMessagesOldestFirstInTheDocumentedForm() {
        Message hello = engati.addMessage(USER, "user", "Hello", T0);
        engati.addMessage(USER, "bot", "Hi! How can I help?", T0.plusMillis(1200));
        engati.addMessage(USER, "agent", "Neha here", T0.plusSeconds(60));

        JsonNode messages = conversation("");

        assertThat(messages).hasSize(3);
        JsonNode first = messages.get(0);
        assertThat(first.get("message_id").asText()).isEqualTo(hello.messageId());
        assertThat(first.get("sender").asText()).isEqualTo("user");
        assertThat(first.get("text").asText()).isEqualTo("Hello");
        assertThat(first.get("timestamp").asText()).isEqualTo("2024-01-01 10:00:00.000+0530");
        assertThat(first.get("message_type").asText()).isEqualTo("text");
        assertThat(messages.get(1).get("timestamp").asText()).isEqualTo("2024-01-01 10:00:01.200+0530");
        assertThat(messages).extracting(message -> message.get("sender").asText())
                .containsExactly("user", "bot", "agent");
        assertThat(engati.messages(USER)).extracting(Message::text)
                .containsExactly("Hello", "Hi! How can I help?", "Neha here");
    }

    @Test
    void anUnknownChannelUserHasAnEmptyConversation() {
        String path = http.botApi("v1.0") + "/channel-user/910000000000/conversations";

        assertThat(success(http.get(path)).at("/responseObject/conversations")).isEmpty();
    }

    @Test
    void datesAreInclusiveEpochMilliseconds() {
        addMessages(5);
        long second = T0.plusSeconds(1).toEpochMilli();
        long fourth = T0.plusSeconds(3).toEpochMilli();

        assertThat(texts("?start_date=" + second + "&end_date=" + fourth)).containsExactly("m1", "m2", "m3");
        assertThat(texts("?start_date=" + (second + 1) + "&end_date=" + (fourth - 1))).containsExactly("m2");
        assertThat(texts("?start_date=" + fourth)).containsExactly("m3", "m4");
        assertThat(texts("?end_date=" + second)).containsExactly("m0", "m1");
        assertThat(texts("?start_date=&end_date=")).as("blank counts as absent").hasSize(5);
    }

    @Test
    void theEndDefaultsToNow() {
        addMessages(2);
        engati.addMessage(USER, "bot", "from the future", Instant.now().plus(Duration.ofDays(1)));

        assertThat(texts("")).containsExactly("m0", "m1");
        assertThat(texts("?end_date=" + Instant.now().plus(Duration.ofDays(2)).toEpochMilli())).hasSize(3);
    }

    @Test
    void messagesWithinOneMillisecondKeepTheirOrderAndBounds() {
        engati.addMessage(USER, "user", "before", T0.minusMillis(1));
        for (int i = 0; i < 4; i++) {
            engati.addMessage(USER, i % 2 == 0 ? "user" : "bot", "same " + i, T0.plusNanos(300_000));
        }
        engati.addMessage(USER, "bot", "after", T0.plusMillis(1));
        long millis = T0.toEpochMilli();

        assertThat(texts("?start_date=" + millis + "&end_date=" + millis))
                .containsExactly("same 0", "same 1", "same 2", "same 3");
        assertThat(texts("?start_date=" + millis + "&end_date=" + millis + "&page_size=3&page_number=2"))
                .containsExactly("same 3");
    }

    @Test
    void pagesAreOneBasedAndFiveHundredLongByDefault() {
        addMessages(501);

        assertThat(texts("")).hasSize(500).startsWith("m0").endsWith("m499");
        assertThat(texts("?page_number=2")).containsExactly("m500");
        assertThat(texts("?page_size=2&page_number=1")).containsExactly("m0", "m1");
        assertThat(texts("?page_size=2&page_number=3")).containsExactly("m4", "m5");
        assertThat(texts("?page_size=1000&page_number=2")).isEmpty();
    }

    @Test
    void pageNumbersCanStartAtZero() {
        addMessages(5);
        engati.setPageNumbersStartAtZero(true);

        assertThat(texts("?page_size=2")).containsExactly("m0", "m1");
        assertThat(texts("?page_size=2&page_number=0")).containsExactly("m0", "m1");
        assertThat(texts("?page_size=2&page_number=2")).containsExactly("m4");
    }

    @Test
    void pagingRunsOldestFirstEvenWhenThePageIsAnsweredNewestFirst() {
        addMessages(5);
        engati.setPageOrder(PageOrder.NEWEST_FIRST);

        assertThat(texts("?page_size=2&page_number=1")).containsExactly("m1", "m0");
        assertThat(texts("?page_size=2&page_number=3")).containsExactly("m4");
        long start = T0.plusSeconds(1).toEpochMilli();
        assertThat(texts("?start_date=" + start + "&page_size=3")).containsExactly("m3", "m2", "m1");
    }

    @Test
    void rejectsParametersThatAreNotValid() {
        String path = http.botApi("v1.0") + "/channel-user/" + USER + "/conversations";

        assertThat(failure(http.get(path + "?start_date=yesterday"), 400, EngatiStatus.FAILURE))
                .contains("start_date");
        assertThat(failure(http.get(path + "?end_date=2024-01-01"), 400, EngatiStatus.FAILURE)).contains("end_date");
        assertThat(failure(http.get(path + "?page_number=one"), 400, EngatiStatus.FAILURE)).contains("page_number");
        assertThat(failure(http.get(path + "?page_number=0"), 400, EngatiStatus.FAILURE))
                .contains("page_number must be at least 1");
        assertThat(failure(http.get(path + "?page_size=0"), 400, EngatiStatus.FAILURE)).contains("page_size");
        assertThat(failure(http.get(path + "?page_size=1001"), 400, EngatiStatus.FAILURE)).contains("page_size");
        assertThat(failure(http.get(path + "?page_size=ten"), 400, EngatiStatus.FAILURE)).contains("page_size");
        assertThat(failure(http.get(path + "?start_date=2000&end_date=1000"), 400, EngatiStatus.FAILURE))
                .contains("start_date").contains("end_date");
    }

    @Test
    void theTextFieldIsSwitchable() {
        engati.addMessage(USER, "bot", "Hello", T0);

        engati.setMessageTextField(TextField.RESPONSE);
        JsonNode response = conversation("").get(0);
        assertThat(response.get("response").asText()).isEqualTo("Hello");
        assertThat(response.has("text")).isFalse();

        engati.setMessageTextField(TextField.MESSAGE);
        assertThat(conversation("").get(0).get("message").asText()).isEqualTo("Hello");
    }

    @Test
    void theTimestampFormatIsSwitchable() {
        engati.addMessage(USER, "bot", "Hello", T0.plusMillis(7));

        engati.setTimestampOffset(ZoneOffset.UTC);
        assertThat(conversation("").get(0).get("timestamp").asText()).isEqualTo("2024-01-01 04:30:00.007+0000");

        engati.setTimestampFormat(TimestampFormat.ISO_8601);
        assertThat(conversation("").get(0).get("timestamp").asText()).isEqualTo("2024-01-01T04:30:00.007Z");
        engati.setTimestampOffset(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(conversation("").get(0).get("timestamp").asText()).isEqualTo("2024-01-01T10:00:00.007+05:30");

        engati.setTimestampFormat(TimestampFormat.EPOCH_MILLIS);
        JsonNode millis = conversation("").get(0).get("timestamp");
        assertThat(millis.isIntegralNumber()).isTrue();
        assertThat(millis.asLong()).isEqualTo(T0.toEpochMilli() + 7);
    }

    @Test
    void theMessageIdCanBeLeftOut() {
        engati.addMessage(USER, "bot", "Hello", T0);
        engati.setMessageIdIncluded(false);

        assertThat(conversation("").get(0).has("message_id")).isFalse();
    }

    @Test
    void theListsKeyIsSwitchable() {
        engati.addMessage(USER, "bot", "Hello", T0);
        engati.setConversationsKey(ConversationsKey.MESSAGES);

        JsonNode body = success(http.get(http.botApi("v1.0") + "/channel-user/" + USER + "/conversations"));

        assertThat(body.at("/responseObject/messages/0/text").asText()).isEqualTo("Hello");
        assertThat(body.at("/responseObject").has("conversations")).isFalse();
    }

    @Test
    void theNextPagesCanBeAnsweredShort() {
        addMessages(5);
        engati.answerNextConversationPagesShort(2, 2);

        assertThat(texts("")).containsExactly("m0", "m1");
        assertThat(texts("?page_size=4&page_number=1")).containsExactly("m0", "m1");
        assertThat(engati.pendingConversationFaults()).isZero();
        assertThat(texts("?page_size=4&page_number=1")).containsExactly("m0", "m1", "m2", "m3");
    }

    @Test
    void theNextPagesCanBeAnsweredShuffledWithTheSameMessages() {
        addMessages(20);
        engati.answerNextConversationPagesShuffled(1);

        List<String> shuffled = texts("");

        assertThat(shuffled).containsExactlyInAnyOrderElementsOf(texts("")).isNotEqualTo(texts(""));
        assertThat(engati.pendingConversationFaults()).isZero();
    }

    @Test
    void aHookRunsBeforeEachPageAndMayChangeTheConversation() {
        addMessages(3);
        List<EngatiSimulation.ConversationRequest> seen = new ArrayList<>();
        engati.beforeConversationPage(request -> {
            seen.add(request);
            if (seen.size() == 1) {
                engati.addMessage(USER, "user", "arrived meanwhile", T0.plusSeconds(2).plusMillis(500));
            }
        });
        long start = T0.toEpochMilli();

        assertThat(texts("?start_date=" + start + "&page_size=2&page_number=2")).as("the page read after the hook")
                .containsExactly("m2", "arrived meanwhile");
        engati.beforeConversationPage(null);
        texts("");

        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.botKey()).isEqualTo(engati.botKey());
            assertThat(request.channelUserId()).isEqualTo(USER);
            assertThat(request.startDate()).isEqualTo(start);
            assertThat(request.pageNumber()).isEqualTo(2);
            assertThat(request.pageSize()).isEqualTo(2);
        });
    }

    @Test
    void resetClearsTheGlitchesAndTheHook() {
        addMessages(3);
        engati.answerNextConversationPagesShort(0, 5);
        engati.answerNextConversationPagesShuffled(5);
        List<String> called = new ArrayList<>();
        engati.beforeConversationPage(request -> called.add(request.channelUserId()));

        engati.reset();
        aUser();
        addMessages(3);

        assertThat(engati.pendingConversationFaults()).isZero();
        assertThat(texts("")).containsExactly("m0", "m1", "m2");
        assertThat(called).isEmpty();
    }
}
