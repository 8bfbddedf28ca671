package io.github.camelchatbots.simulator.ebbot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelchatbots.simulator.SimulatorExtension;
import io.github.camelchatbots.simulator.TestHttp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Large stores: what a list page costs, counted in chats visited rather than timed (a page is a walk to its end, and
 * a client scanning page after page pays for each chat once), and bulk seeding.
 */
class EbbotScaleTest {

    @RegisterExtension
    static SimulatorExtension SIM = new SimulatorExtension();

    private final TestHttp http = new TestHttp();
    private EbbotSimulation ebbot;

    @BeforeEach
    void liftTheRateLimit(EbbotSimulation simulation) {
        ebbot = simulation;
        ebbot.setRateLimit(1_000_000, Duration.ofMinutes(1));
    }

    private List<String> page(int page, int limit) throws Exception {
        String url = ebbot.baseUrl() + "/api/chats/company_chats?page=" + page + "&limit=" + limit;
        return StreamSupport.stream(TestHttp.json(http.get(url, ebbot.apiKey())).get("data").spliterator(), false)
                .map(chat -> chat.get("id").asText())
                .toList();
    }

    private void createChats(int count) {
        Instant start = Instant.parse("2024-08-01T08:00:00Z");
        for (int i = 0; i < count; i++) {
            ebbot.createChat(start.plusSeconds(i));
        }
    }

    @Test
    void aPageVisitsNoMoreChatsThanItsOwnAndThoseBeforeIt() throws Exception {
        createChats(1_000);
        List<String> all = ebbot.chatIds();

        for (int[] request : new int[][] {{50, 10}, {3, 100}, {1, 7}, {200, 5}, {11, 100}, {7, 1}}) {
            int page = request[0];
            int limit = request[1];
            long before = ebbot.chatsVisitedByList();

            List<String> ids = page(page, limit);

            int from = Math.min(all.size(), (page - 1) * limit);
            assertThat(ids).containsExactlyElementsOf(all.subList(from, Math.min(all.size(), from + limit)));
            assertThat(ebbot.chatsVisitedByList() - before).as("page %d of %d", page, limit)
                    .isLessThanOrEqualTo((long) page * limit + limit);
        }
    }

    @Test
    void aScanFromTheFirstPageVisitsEveryChatOnce() throws Exception {
        createChats(1_000);
        long before = ebbot.chatsVisitedByList();

        List<String> scanned = new ArrayList<>();
        for (int page = 1;; page++) {
            List<String> ids = page(page, 30);
            if (ids.isEmpty()) {
                break;
            }
            scanned.addAll(ids);
        }

        assertThat(scanned).containsExactlyElementsOf(ebbot.chatIds());
        assertThat(ebbot.chatsVisitedByList() - before).isEqualTo(1_000);
    }

    @Test
    void aChatAddedBetweenTwoPagesMovesTheRestOnByOne() throws Exception {
        createChats(10);
        List<String> before = ebbot.chatIds();

        assertThat(page(1, 4)).containsExactlyElementsOf(before.subList(0, 4));
        ebbot.createChat(Instant.parse("2024-09-01T00:00:00Z"));

        assertThat(page(2, 4)).as("the page starts one chat earlier than it would have")
                .containsExactlyElementsOf(before.subList(3, 7));
    }

    @Test
    void seedsChatsInBulk() throws Exception {
        Instant from = Instant.parse("2024-08-01T08:00:00.123Z");

        ebbot.seedChats(3, from, Duration.ofMinutes(5), 5, true);
        ebbot.seedChats(1, from.plus(Duration.ofHours(1)), Duration.ZERO, 0, false);

        List<String> ids = ebbot.chatIds();
        assertThat(ids).hasSize(4);
        assertThat(ebbot.transcript(ids.get(0))).isEmpty();
        List<EbbotSimulation.Message> oldest = ebbot.transcript(ids.get(3));
        assertThat(oldest).extracting(EbbotSimulation.Message::sender)
                .containsExactly("user", "bot", "user", "bot", "user");
        assertThat(oldest).extracting(EbbotSimulation.Message::at).containsExactly(from.plusSeconds(1),
                from.plusSeconds(2), from.plusSeconds(3), from.plusSeconds(4), from.plusSeconds(5));
        var listed = TestHttp.json(http.get(ebbot.baseUrl() + "/api/chats/company_chats", ebbot.apiKey()))
                .get("data");
        assertThat(listed).extracting(chat -> chat.get("status").asText())
                .containsExactly("ongoing", "closed", "closed", "closed");
        assertThat(listed).extracting(chat -> chat.get("createdAt").asText()).containsExactly(
                "2024-08-01T09:00:00.123Z", "2024-08-01T08:10:00.123Z", "2024-08-01T08:05:00.123Z",
                "2024-08-01T08:00:00.123Z");
        assertThat(listed.get(3).get("updatedAt").asText()).isEqualTo("2024-08-01T08:00:06.123Z");
        assertThat(listed.get(3).get("last_message").asText()).isEqualTo("Where is my order?");
    }

    @Test
    void pagesThroughAHundredAndFiftyThousandSeededChats() throws Exception {
        ebbot.seedChats(150_000, Instant.parse("2024-01-01T00:00:00Z"), Duration.ofSeconds(7), 3, true);
        long before = ebbot.chatsVisitedByList();

        List<String> scanned = new ArrayList<>();
        for (int page = 1;; page++) {
            List<String> ids = page(page, 100);
            if (ids.isEmpty()) {
                break;
            }
            scanned.addAll(ids);
        }

        assertThat(scanned).hasSize(150_000).doesNotHaveDuplicates();
        assertThat(scanned.get(0)).startsWith(Long.toString(Instant.parse("2024-01-01T00:00:00Z")
                .plusSeconds(7L * 149_999).getEpochSecond()));
        assertThat(ebbot.chatsVisitedByList() - before).isEqualTo(150_000);
    }
}
