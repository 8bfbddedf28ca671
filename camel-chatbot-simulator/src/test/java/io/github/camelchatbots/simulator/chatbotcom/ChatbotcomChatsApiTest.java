package io.github.camelchatbots.simulator.chatbotcom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.TestHttp;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Chat archives and stories. */
class ChatbotcomChatsApiTest extends ChatbotcomApiTestSupport {

    private static final String ISO = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    private static List<String> ids(JsonNode chats) {
        return StreamSupport.stream(chats.spliterator(), false).map(chat -> chat.get("id").asText()).toList();
    }

    /** {@code count} short chats, one minute apart; their ids, newest first. */
    private List<String> chats(int count) {
        for (int i = 0; i < count; i++) {
            assertThat(chatbotcom.query("session-%04d".formatted(i), "hello"))
                    .containsExactly("Hello! What can I do for you?");
            chatbotcom.advanceTime(Duration.ofMinutes(1));
        }
        return chatbotcom.chatIds();
    }

    @Test
    void listsTheLast40NewestFirstAndPagesByCreationTime() {
        List<String> all = chats(45);

        JsonNode first = http.ok(http.get("/v2/chats"));
        assertThat(ids(first)).containsExactlyElementsOf(all.subList(0, 40));
        long after = Instant.parse(first.get(39).get("createdAt").asText()).toEpochMilli();

        JsonNode second = http.ok(http.get("/v2/chats?after=" + after));

        assertThat(ids(second)).containsExactlyElementsOf(all.subList(40, 45));
        long last = Instant.parse(second.get(4).get("createdAt").asText()).toEpochMilli();
        assertThat(http.ok(http.get("/v2/chats?after=" + last))).isEmpty();
        assertThat(ids(http.ok(http.get("/v2/chats?after=" + (last + 1))))).containsExactly(all.get(44));
    }

    @Test
    void newestFirstIsAlsoIdDescending() {
        for (int i = 0; i < 3; i++) {
            http.query("sessionId", "session-%04d".formatted(i), "query", "hello");
        }
        List<String> newestFirst = chatbotcom.chatIds();

        assertThat(newestFirst).hasSize(3).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ids(http.ok(http.get("/v2/chats")))).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void rejectsAnAfterThatIsNoEpochMillisecond() {
        HttpResponse<String> response = http.get("/v2/chats?after=yesterday");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("status").get("message").asText())
                .isEqualTo("after must be a time in epoch milliseconds, was 'yesterday'");
    }

    @Test
    void summarisesAChat() {
        http.query("sessionId", "session-0001", "trigger", "welcome", "parameters", Map.of("default_name", "Ann"));
        chatbotcom.advanceTime(Duration.ofSeconds(30));
        http.query("sessionId", "session-0001", "query", "I want a refund");

        JsonNode summary = http.ok(http.get("/v2/chats")).get(0);

        assertThat(summary.fieldNames()).toIterable().containsExactly("id", "storyId", "user", "source", "createdAt",
                "updatedAt", "finished", "messagesCount");
        String chatId = chatbotcom.chatIds().get(0);
        ChatbotcomSimulation.ChatView chat = chatbotcom.chat(chatId);
        assertThat(summary.get("id").asText()).isEqualTo(chatId).matches("[0-9a-f]{24}");
        assertThat(summary.get("storyId").asText()).isEqualTo(chatbotcom.defaultStoryId());
        assertThat(summary.get("user").toString())
                .isEqualTo("{\"id\":\"" + chat.userId() + "\",\"name\":\"Ann\",\"avatar\":null}");
        assertThat(summary.get("source").asText()).isEqualTo("api");
        assertThat(summary.get("createdAt").asText()).matches(ISO);
        Instant createdAt = Instant.parse(summary.get("createdAt").asText());
        assertThat(Instant.parse(summary.get("updatedAt").asText()))
                .isBetween(createdAt.plusSeconds(30), createdAt.plusSeconds(35));
        assertThat(summary.get("finished").asBoolean()).isFalse();
        assertThat(summary.get("messagesCount").asInt()).as("welcome, then a question and its answer").isEqualTo(3);
    }

    @Test
    void showsOneChatWithItsMessagesAndAttributes() {
        http.query("sessionId", "session-0001", "query", "I want a refund", "parameters", Map.of("plan", "pro"));
        http.query("sessionId", "session-0001", "query", "my order number is 123");
        String chatId = chatbotcom.chatIds().get(0);

        JsonNode chat = http.ok(http.get("/v2/chats/" + chatId));

        assertThat(chat.fieldNames()).toIterable().containsExactly("id", "storyId", "user", "source", "createdAt",
                "updatedAt", "finished", "messagesCount", "attributes", "messages");
        assertThat(chat.get("attributes").toString()).isEqualTo("{\"plan\":\"pro\"}");
        assertThat(chat.get("messagesCount").asInt()).isEqualTo(4);
        JsonNode messages = chat.get("messages");
        assertThat(messages.get(0).fieldNames()).toIterable()
                .containsExactly("id", "author", "type", "message", "createdAt");
        assertThat(messages).extracting(message -> message.get("author").asText())
                .containsExactly("user", "bot", "user", "bot");
        assertThat(messages).extracting(message -> message.get("message").asText()).containsExactly(
                "I want a refund", "I'm sorry to hear that. What is your order number?", "my order number is 123",
                "Thank you! Your refund is on its way; you will get a confirmation by e-mail within two days.");
        assertThat(messages).extracting(message -> message.get("type").asText()).containsOnly("text");
        assertThat(messages).extracting(message -> message.get("id").asText()).doesNotHaveDuplicates();
        assertThat(messages.get(0).get("createdAt").asText()).matches(ISO);
        assertThat(chatbotcom.chat(chatId).messages()).extracting(ChatbotcomSimulation.Message::text)
                .startsWith("I want a refund");

        HttpResponse<String> unknown = http.get("/v2/chats/0123456789abcdef01234567");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(unknown).get("status").get("message").asText())
                .isEqualTo("chat '0123456789abcdef01234567' not found");
    }

    @Test
    void aChatIsFinishedOnceItsSessionExpires() {
        http.query("sessionId", "session-0001", "query", "hello");
        String chatId = chatbotcom.chatIds().get(0);
        chatbotcom.advanceTime(Duration.ofMinutes(9));
        assertThat(http.ok(http.get("/v2/chats/" + chatId)).get("finished").asBoolean()).isFalse();

        chatbotcom.advanceTime(Duration.ofMinutes(1));

        assertThat(http.ok(http.get("/v2/chats/" + chatId)).get("finished").asBoolean()).isTrue();
        assertThat(http.ok(http.get("/v2/chats")).get(0).get("finished").asBoolean()).isTrue();
    }

    @Test
    void listsTheStories() {
        String sales = chatbotcom.addStory("Sales", "Sells things");

        JsonNode stories = http.ok(http.get("/v2/stories"));

        assertThat(stories).hasSize(2);
        assertThat(stories.get(0).toString()).isEqualTo("{\"id\":\"" + chatbotcom.defaultStoryId()
                + "\",\"name\":\"Support bot\",\"description\":\"Answers the most common support questions\","
                + "\"version\":2,\"published\":true,\"integrations\":[\"widget\"],\"metrics\":[]}");
        assertThat(stories.get(1).get("id").asText()).isEqualTo(sales);
        assertThat(stories.get(1).get("name").asText()).isEqualTo("Sales");
    }
}
