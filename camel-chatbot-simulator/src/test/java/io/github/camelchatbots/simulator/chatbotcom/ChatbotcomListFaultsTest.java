package io.github.camelchatbots.simulator.chatbotcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.TestHttp;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

/** Users and chats going away, and the chat archive list misbehaving while a client scans it, as fault tests need. */
class ChatbotcomListFaultsTest extends ChatbotcomApiTestSupport {

    private static final Instant START = Instant.parse("2024-08-01T08:00:00Z");

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("id").asText()).toList();
    }

    /** {@code count} archives a minute apart, each with its visitor; their ids, newest first. */
    private List<String> chats(int count) {
        chatbotcom.seedChats(count, START, Duration.ofMinutes(1), 2);
        return chatbotcom.chatIds();
    }

    private JsonNode firstPage() {
        return http.ok(http.get("/v2/chats"));
    }

    /** The page after the given one, as a client following the cursor asks for it. */
    private JsonNode pageAfter(JsonNode page) {
        long after = Instant.parse(page.get(page.size() - 1).get("createdAt").asText()).toEpochMilli();
        return http.ok(http.get("/v2/chats?after=" + after));
    }

    @Test
    void aDeletedChatLeavesTheListAndItsUsersConversations() {
        List<String> all = chats(5);
        String deleted = all.get(1);
        String userId = chatbotcom.chat(deleted).userId();

        chatbotcom.deleteChat(deleted);

        assertThat(ids(firstPage())).containsExactly(all.get(0), all.get(2), all.get(3), all.get(4));
        HttpResponse<String> chat = http.get("/v2/chats/" + deleted);
        assertThat(chat.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(chat).get("status").get("message").asText())
                .isEqualTo("chat '" + deleted + "' not found");
        assertThat(chatbotcom.user(userId).conversations()).isEmpty();
        assertThat(http.ok(http.get("/users/" + userId)).get("conversations")).isEmpty();
        assertThatThrownBy(() -> chatbotcom.deleteChat(deleted)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chatbotcom.chat(deleted)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletingTheChatOfALiveSessionEndsTheSession() {
        chatbotcom.query("session-0001", "hello");
        String deleted = chatbotcom.chatIds().get(0);

        chatbotcom.deleteChat(deleted);

        assertThat(chatbotcom.sessions()).isEmpty();
        http.query("sessionId", "session-0001", "query", "I want a refund");
        List<String> chatIds = chatbotcom.chatIds();
        assertThat(chatIds).singleElement().isNotEqualTo(deleted);
        assertThat(chatbotcom.chat(chatIds.get(0)).messages()).extracting(ChatbotcomSimulation.Message::text)
                .startsWith("I want a refund");
    }

    @Test
    void aDeletedUserTakesTheirChatsAlongAndIsNoCursorAnyMore() {
        List<String> all = chats(3);
        String chatId = all.get(1);
        String deleted = chatbotcom.chat(chatId).userId();
        String segment = chatbotcom.createSegment("Leads");
        chatbotcom.addToSegment(deleted, segment);

        chatbotcom.deleteUser(deleted);

        assertThat(http.get("/users/" + deleted).statusCode()).isEqualTo(404);
        assertThat(chatbotcom.userIds()).hasSize(2).doesNotContain(deleted);
        JsonNode users = http.ok(http.get("/users"));
        assertThat(ids(users.get("data"))).hasSize(2).doesNotContain(deleted);
        assertThat(users.get("count").asInt()).isEqualTo(2);
        assertThat(http.ok(http.get("/users/segments")).get(0).get("users").asInt()).isZero();
        assertThat(http.get("/users?after=" + deleted).statusCode()).isEqualTo(400);
        assertThat(ids(firstPage())).containsExactly(all.get(0), all.get(2));
        assertThat(http.get("/v2/chats/" + chatId).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> chatbotcom.deleteUser(deleted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user '" + deleted + "' not found");
    }

    @Test
    void aDeletedUserCanComeBackWithTheSameUserId() {
        String id = chatbotcom.createUser("jane", Map.of("default_name", "Jane"));
        chatbotcom.deleteUser(id);

        String again = chatbotcom.createUser("jane", Map.of("default_name", "Jane"));

        assertThat(again).isNotEqualTo(id);
        assertThat(chatbotcom.userIds()).containsExactly(again);
    }

    @Test
    void shortAnswersCutTheNextRequestsWhicheverPageTheyAskFor() {
        List<String> all = chats(100);
        chatbotcom.answerNextChatListsShort(5, 2);

        JsonNode first = firstPage();
        JsonNode second = pageAfter(first);
        JsonNode third = pageAfter(second);

        assertThat(ids(first)).containsExactlyElementsOf(all.subList(0, 5));
        assertThat(ids(second)).containsExactlyElementsOf(all.subList(5, 10));
        assertThat(ids(third)).containsExactlyElementsOf(all.subList(10, 50));
    }

    @Test
    void anEmptyShortAnswerLooksLikeTheEndOfTheList() {
        chats(3);
        chatbotcom.answerNextChatListsShort(0, 1);

        assertThat(firstPage()).isEmpty();
        assertThat(firstPage()).hasSize(3);
    }

    @Test
    void aStaleCacheAnswersTheNextRequestsAsTheOneBefore() {
        List<String> all = chats(100);
        chatbotcom.answerNextChatListsWithPrevious(1);

        JsonNode first = firstPage();
        JsonNode stale = pageAfter(first);
        JsonNode second = pageAfter(first);

        assertThat(ids(first)).as("no answer before it to repeat").containsExactlyElementsOf(all.subList(0, 40));
        assertThat(stale).isEqualTo(first);
        assertThat(ids(second)).containsExactlyElementsOf(all.subList(40, 80));
    }

    @Test
    void aStaleCacheShowsWhatChangedSinceAsItWas() {
        chatbotcom.query("session-0001", "hello");
        JsonNode before = firstPage();
        chatbotcom.answerNextChatListsWithPrevious(2);
        chatbotcom.advanceTime(Duration.ofMinutes(10));

        assertThat(firstPage().get(0).get("finished").asBoolean()).isFalse();
        assertThat(firstPage()).isEqualTo(before);
        assertThat(firstPage().get(0).get("finished").asBoolean()).isTrue();
    }

    @Test
    void aStaleAndShortAnswerIsThePreviousOneCutShort() {
        List<String> all = chats(50);
        JsonNode first = firstPage();
        chatbotcom.answerNextChatListsWithPrevious(1);
        chatbotcom.answerNextChatListsShort(3, 1);

        assertThat(ids(pageAfter(first))).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(ids(pageAfter(first))).containsExactlyElementsOf(all.subList(40, 50));
    }

    @Test
    void aHookDeletingChatsBetweenTwoPagesMakesTheClientMissThem() {
        List<String> all = chats(100);
        AtomicInteger requests = new AtomicInteger();
        List<String> threads = new CopyOnWriteArrayList<>();
        chatbotcom.beforeChatList(() -> {
            threads.add(Thread.currentThread().getName());
            if (requests.incrementAndGet() == 2) {
                chatbotcom.deleteChat(all.get(40));
                chatbotcom.deleteChat(all.get(41));
            }
        });

        JsonNode first = firstPage();
        JsonNode second = pageAfter(first);

        assertThat(ids(first)).containsExactlyElementsOf(all.subList(0, 40));
        assertThat(ids(second)).containsExactlyElementsOf(all.subList(42, 82));
        assertThat(requests).hasValue(2);
        assertThat(threads).allSatisfy(name -> assertThat(name).startsWith("chatbot-simulator-"));
    }

    @Test
    void aHookAddingNewerChatsLeavesTheCursorsPagesAlone() {
        List<String> all = chats(60);
        AtomicInteger requests = new AtomicInteger();
        chatbotcom.beforeChatList(() -> {
            if (requests.incrementAndGet() == 2) {
                chatbotcom.seedChats(3, START.plus(Duration.ofDays(1)), Duration.ofSeconds(1), 2);
            }
        });

        JsonNode first = firstPage();
        JsonNode second = pageAfter(first);

        assertThat(ids(second)).containsExactlyElementsOf(all.subList(40, 60));
        assertThat(ids(firstPage())).as("a new scan").hasSize(40).startsWith(chatbotcom.chatIds().get(0))
                .doesNotContain(all.get(39));
        assertThat(chatbotcom.chatIds()).hasSize(63);
    }

    @Test
    void theHookRunsForCheckedRequestsOnlyAndCanBeRemoved() {
        chats(3);
        AtomicInteger requests = new AtomicInteger();
        chatbotcom.beforeChatList(requests::incrementAndGet);

        assertThat(http.get("/v2/chats?after=yesterday").statusCode()).isEqualTo(400);
        firstPage();
        chatbotcom.beforeChatList(null);
        firstPage();

        assertThat(requests).hasValue(1);
    }

    @Test
    void aHookThatThrowsAnswers500() {
        chatbotcom.beforeChatList(() -> {
            throw new IllegalStateException("test hook failed");
        });

        assertThat(http.get("/v2/chats").statusCode()).isEqualTo(500);
    }

    @Test
    void resetClearsTheHookAndEveryPendingGlitch() {
        chats(3);
        firstPage();
        AtomicInteger requests = new AtomicInteger();
        chatbotcom.beforeChatList(requests::incrementAndGet);
        chatbotcom.answerNextChatListsShort(0, 5);
        chatbotcom.answerNextChatListsWithPrevious(5);

        SIM.simulator().reset();

        assertThat(firstPage()).isEmpty();
        chats(2);
        assertThat(firstPage()).as("not the previous, empty answer").hasSize(2);
        assertThat(requests).hasValue(0);
    }

    @Test
    void rejectsGlitchesThatCannotHappen() {
        assertThatThrownBy(() -> chatbotcom.answerNextChatListsShort(-1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chatbotcom.answerNextChatListsShort(1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chatbotcom.answerNextChatListsWithPrevious(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
