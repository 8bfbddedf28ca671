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
 * Large stores: what list pages cost, counted in users and chats visited rather than timed. A page is a walk from its
 * cursor, so a client paging through everything pays for each user or chat once.
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

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
