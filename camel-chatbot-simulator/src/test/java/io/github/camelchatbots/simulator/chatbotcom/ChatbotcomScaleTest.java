package io.github.camelchatbots.simulator.chatbotcom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Large stores: what list pages cost, counted in users and chats visited rather than timed (a page is a walk from its
 * cursor, so a client paging through everything pays for each user or chat once), and bulk seeding.
 */
class ChatbotcomScaleTest extends ChatbotcomApiTestSupport {

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("id").asText()).toList();
    }

    /** Every user, following the {@code after} cursor from the first page to the empty one after the last. */
    private List<String> scanUsers(String query) {
        List<String> scanned = new ArrayList<>();
        String after = null;
        while (true) {
            JsonNode page = http.ok(http.get("/users?limit=40" + query + (after == null ? "" : "&after=" + after)));
            List<String> ids = ids(page.get("data"));
            if (ids.isEmpty()) {
                return scanned;
            }
            scanned.addAll(ids);
            after = ids.get(ids.size() - 1);
        }
    }

    /** Every chat archive, following the {@code after} cursor (the last chat's createdAt) to the empty page. */
    private List<String> scanChats() {
        List<String> scanned = new ArrayList<>();
        String after = "";
        while (true) {
            JsonNode page = http.ok(http.get("/v2/chats" + after));
            if (page.isEmpty()) {
                return scanned;
            }
            scanned.addAll(ids(page));
            after = "?after=" + Instant.parse(page.get(page.size() - 1).get("createdAt").asText()).toEpochMilli();
        }
    }

    private List<String> createUsers(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(chatbotcom.createUser("user-" + i, Map.of("plan", i % 2 == 0 ? "pro" : "free")));
            chatbotcom.advanceTime(Duration.ofMillis(i % 3));
        }
        return ids;
    }

    @Test
    void pagingThroughUsersVisitsEachUserOnceInEveryOrder() {
        List<String> oldestFirst = createUsers(1_000);
        List<String> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        long before = chatbotcom.usersVisitedByList();

        assertThat(scanUsers("")).containsExactlyElementsOf(newestFirst);
        assertThat(scanUsers("&sort.order=asc")).containsExactlyElementsOf(oldestFirst);
        assertThat(scanUsers("&sort.field=lastSeen")).containsExactlyElementsOf(newestFirst);

        assertThat(chatbotcom.usersVisitedByList() - before).isEqualTo(3_000);
    }

    @Test
    void aSeenUserMovesToTheFrontOfTheLastSeenOrderWithoutAResort() {
        List<String> oldestFirst = createUsers(100);
        chatbotcom.advanceTime(Duration.ofSeconds(1));
        chatbotcom.seeUser(oldestFirst.get(10));
        long before = chatbotcom.usersVisitedByList();

        JsonNode page = http.ok(http.get("/users?limit=2&sort.field=lastSeen"));

        assertThat(ids(page.get("data"))).containsExactly(oldestFirst.get(10), oldestFirst.get(99));
        assertThat(chatbotcom.usersVisitedByList() - before).isEqualTo(2);
        assertThat(scanUsers("&sort.field=lastSeen&sort.order=asc")).hasSize(100).endsWith(oldestFirst.get(10));
    }

    @Test
    void pagingWithFiltersCountsTheMatchesOnceWhileNothingChanges() {
        List<String> oldestFirst = createUsers(1_000);
        String pro = "&" + encode("filters[0][attribute]") + "=plan&" + encode("filters[0][operator]") + "=is&"
                + encode("filters[0][value]") + "=pro";
        long before = chatbotcom.usersVisitedByList();

        List<String> scanned = scanUsers(pro);

        assertThat(scanned).hasSize(500).allSatisfy(id -> assertThat(oldestFirst.indexOf(id) % 2).isZero());
        assertThat(chatbotcom.usersVisitedByList() - before).as("one count, then each user stepped over once")
                .isEqualTo(1_000 + 1_000);
        assertThat(http.ok(http.get("/users?limit=1" + pro)).get("count").asInt()).isEqualTo(500);

        http.ok(http.put("/users/" + oldestFirst.get(1), "{\"attributes\":{\"plan\":\"pro\"}}"));

        assertThat(http.ok(http.get("/users?limit=1" + pro)).get("count").asInt()).isEqualTo(501);
        chatbotcom.createUser("one-more", Map.of("plan", "pro"));
        assertThat(http.ok(http.get("/users?limit=1" + pro)).get("count").asInt()).isEqualTo(502);
    }

    @Test
    void pagingThroughChatArchivesVisitsEachChatOnce() {
        for (int i = 0; i < 100; i++) {
            chatbotcom.query("session-%04d".formatted(i), "hello");
            chatbotcom.advanceTime(Duration.ofMillis(1));
        }
        long before = chatbotcom.chatsVisitedByList();

        assertThat(scanChats()).containsExactlyElementsOf(chatbotcom.chatIds());

        assertThat(chatbotcom.chatsVisitedByList() - before).isEqualTo(100);
    }

    @Test
    void seedsUsersInBulk() {
        Instant from = Instant.parse("2024-08-01T08:00:00.123Z");

        chatbotcom.seedUsers(3, from, Duration.ofMinutes(5));

        List<String> ids = chatbotcom.userIds();
        assertThat(ids).hasSize(3).isSorted();
        ChatbotcomSimulation.UserView last = chatbotcom.user(ids.get(2));
        assertThat(last.createdAt()).isEqualTo(from.plus(Duration.ofMinutes(10)));
        assertThat(last.lastSeen()).isEqualTo(last.createdAt());
        assertThat(last.attributes()).containsEntry("default_name", "User 3")
                .containsEntry("default_email", "user3@example.com");
        assertThat(last.userId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(last.conversations()).isEmpty();
        assertThat(ids(http.ok(http.get("/users")).get("data"))).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    }

    @Test
    void seedsChatArchivesInBulkEachWithItsVisitor() {
        Instant from = Instant.parse("2024-08-01T08:00:00.123Z");

        chatbotcom.seedChats(2, from, Duration.ofMinutes(5), 3);
        chatbotcom.seedChats(1, from.plus(Duration.ofHours(1)), Duration.ZERO, 0);

        List<String> chatIds = chatbotcom.chatIds();
        assertThat(chatIds).hasSize(3);
        assertThat(chatbotcom.userIds()).hasSize(3);
        ChatbotcomSimulation.ChatView oldest = chatbotcom.chat(chatIds.get(2));
        assertThat(oldest.createdAt()).isEqualTo(from);
        assertThat(oldest.finished()).isTrue();
        assertThat(oldest.storyId()).isEqualTo(chatbotcom.defaultStoryId());
        assertThat(oldest.userName()).isEqualTo("Visitor");
        assertThat(oldest.messages()).extracting(ChatbotcomSimulation.Message::author)
                .containsExactly("user", "bot", "user");
        assertThat(oldest.messages()).extracting(ChatbotcomSimulation.Message::createdAt)
                .containsExactly(from.plusSeconds(1), from.plusSeconds(2), from.plusSeconds(3));
        assertThat(oldest.messages()).extracting(ChatbotcomSimulation.Message::id).doesNotHaveDuplicates();
        assertThat(oldest.updatedAt()).isEqualTo(from.plusSeconds(3));
        ChatbotcomSimulation.UserView visitor = chatbotcom.user(oldest.userId());
        assertThat(visitor.lastSeen()).isEqualTo(from.plusSeconds(3));
        assertThat(visitor.conversations()).singleElement()
                .satisfies(conversation -> assertThat(conversation.firstMessage()).isEqualTo("hello"));
        assertThat(chatbotcom.chat(chatIds.get(0)).messages()).isEmpty();
        JsonNode listed = http.ok(http.get("/v2/chats"));
        assertThat(ids(listed)).containsExactlyElementsOf(chatIds);
        assertThat(listed.get(2).get("messagesCount").asInt()).isEqualTo(3);
        assertThat(listed.get(2).get("finished").asBoolean()).isTrue();
    }

    @Test
    void pagesThroughAHundredAndFiftyThousandSeededChatsAndReadsTheirUsersAtAnyDepth() {
        chatbotcom.seedChats(150_000, Instant.parse("2024-01-01T00:00:00Z"), Duration.ofSeconds(7), 2);
        long chatsBefore = chatbotcom.chatsVisitedByList();

        List<String> chats = scanChats();

        assertThat(chats).hasSize(150_000).doesNotHaveDuplicates();
        assertThat(chatbotcom.chatsVisitedByList() - chatsBefore).isEqualTo(150_000);

        List<String> oldestFirst = chatbotcom.userIds();
        List<String> orders =
                List.of("", "&sort.order=asc", "&sort.field=lastSeen", "&sort.field=lastSeen&sort.order=asc");
        for (String order : orders) {
            boolean ascending = order.endsWith("asc");
            // the page after the user at this place in the order: the first page, one halfway, the last
            for (int place : new int[] {-1, 75_000, 149_950}) {
                String after = place < 0 ? ""
                        : "&after=" + oldestFirst.get(ascending ? place : oldestFirst.size() - 1 - place);
                long usersBefore = chatbotcom.usersVisitedByList();

                JsonNode page = http.ok(http.get("/users?limit=40" + order + after));

                assertThat(page.get("count").asInt()).isEqualTo(150_000);
                assertThat(page.get("data")).as("%s after place %d", order, place)
                        .hasSize(Math.min(40, 150_000 - 1 - place));
                assertThat(chatbotcom.usersVisitedByList() - usersBefore).isEqualTo(page.get("data").size());
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
