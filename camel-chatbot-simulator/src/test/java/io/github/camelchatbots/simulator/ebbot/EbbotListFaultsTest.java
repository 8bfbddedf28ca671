package io.github.camelchatbots.simulator.ebbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelchatbots.simulator.SimulatorExtension;
import io.github.camelchatbots.simulator.TestHttp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

/** The list changing and misbehaving while a client scans it page by page, as the consumers' fault tests need. */
class EbbotListFaultsTest {

    @RegisterExtension
    static SimulatorExtension SIM = new SimulatorExtension();

    private static final Instant START = Instant.parse("2024-08-01T08:00:00Z");

    private final TestHttp http = new TestHttp();
    private EbbotSimulation ebbot;
    /** The ten chats of every test, newest first. */
    private List<String> chats;

    @BeforeEach
    void tenChats(EbbotSimulation simulation) {
        ebbot = simulation;
        ebbot.setRateLimit(1_000, Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            ebbot.createChat(START.plusSeconds(i * 60L));
        }
        chats = ebbot.chatIds();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.get(ebbot.baseUrl() + path, ebbot.apiKey());
    }

    private List<String> page(int page, int limit) throws Exception {
        HttpResponse<String> response = get("/api/chats/company_chats?page=" + page + "&limit=" + limit);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(TestHttp.json(response).get("data").spliterator(), false)
                .map(chat -> chat.get("id").asText())
                .toList();
    }

    @Test
    void aDeletedChatLeavesTheListAndItsTranscriptIsNotFound() throws Exception {
        String deleted = chats.get(1);
        ebbot.addMessage(deleted, "user", "hello", START);

        ebbot.deleteChat(deleted);

        assertThat(page(1, 3)).containsExactly(chats.get(0), chats.get(2), chats.get(3));
        assertThat(ebbot.chatIds()).hasSize(9).doesNotContain(deleted);
        HttpResponse<String> transcript = get("/api/chats/company_chats/" + deleted + "/transcript");
        assertThat(transcript.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(transcript).get("error").asText()).isEqualTo("Chat not found");
        assertThatThrownBy(() -> ebbot.deleteChat(deleted)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> ebbot.transcript(deleted)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aShortPageIsShortForTheNextRequestsOfThatPageOnly() throws Exception {
        ebbot.answerPageShort(2, 1, 2);

        assertThat(page(1, 3)).containsExactlyElementsOf(chats.subList(0, 3));
        assertThat(page(2, 3)).containsExactly(chats.get(3));
        assertThat(page(2, 3)).as("a retry").containsExactly(chats.get(3));
        assertThat(page(2, 3)).containsExactlyElementsOf(chats.subList(3, 6));
        assertThat(page(3, 3)).containsExactlyElementsOf(chats.subList(6, 9));
    }

    @Test
    void aShortPageMayBeEmpty() throws Exception {
        ebbot.answerPageShort(1, 0, 1);

        assertThat(page(1, 5)).isEmpty();
        assertThat(page(1, 5)).hasSize(5);
    }

    @Test
    void aStaleCacheAnswersAPageWithAnotherPagesChats() throws Exception {
        ebbot.answerPageWith(3, 1, 1);

        assertThat(page(1, 3)).containsExactlyElementsOf(chats.subList(0, 3));
        assertThat(page(2, 3)).containsExactlyElementsOf(chats.subList(3, 6));
        assertThat(page(3, 3)).containsExactlyElementsOf(chats.subList(0, 3));
        assertThat(page(3, 3)).containsExactlyElementsOf(chats.subList(6, 9));
        assertThat(page(4, 3)).containsExactly(chats.get(9));
    }

    @Test
    void bothGlitchesOnOnePageGiveTheOtherPageCutShort() throws Exception {
        ebbot.answerPageWith(2, 3, 1);
        ebbot.answerPageShort(2, 2, 1);

        assertThat(page(2, 3)).containsExactly(chats.get(6), chats.get(7));
        assertThat(page(2, 3)).containsExactlyElementsOf(chats.subList(3, 6));
    }

    @Test
    void aLaterGlitchForThePageReplacesTheEarlierOne() throws Exception {
        ebbot.answerPageShort(1, 1, 5);
        ebbot.answerPageShort(1, 2, 1);

        assertThat(page(1, 3)).hasSize(2);
        assertThat(page(1, 3)).hasSize(3);
    }

    @Test
    void aHookAddingChatsAtTheFrontMakesTheNextPageRepeatChatsAlreadySeen() throws Exception {
        List<Integer> pagesSeen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        ebbot.beforeListPage(page -> {
            pagesSeen.add(page);
            threads.add(Thread.currentThread().getName());
            if (page == 2) {
                for (int i = 0; i < 3; i++) {
                    ebbot.createChat(START.plus(Duration.ofDays(1)).plusSeconds(i));
                }
            }
        });

        List<String> first = page(1, 4);
        List<String> second = page(2, 4);

        assertThat(first).containsExactlyElementsOf(chats.subList(0, 4));
        assertThat(second).as("shifted by the three new chats").containsExactly(chats.get(1), chats.get(2),
                chats.get(3), chats.get(4));
        assertThat(ebbot.chatIds()).hasSize(13);
        assertThat(pagesSeen).containsExactly(1, 2);
        assertThat(threads).allSatisfy(name -> assertThat(name).startsWith("chatbot-simulator-"));
    }

    @Test
    void aHookDeletingChatsMakesTheNextPageSkipChatsNeverSeen() throws Exception {
        ebbot.beforeListPage(page -> {
            if (page == 2) {
                ebbot.deleteChat(chats.get(0));
                ebbot.deleteChat(chats.get(1));
            }
        });

        assertThat(page(1, 4)).containsExactlyElementsOf(chats.subList(0, 4));
        assertThat(page(2, 4)).as("chats 4 and 5 moved to page 1").containsExactlyElementsOf(chats.subList(6, 10));
    }

    @Test
    void theHookRunsBeforeTheGlitchesAndNotForRefusedRequests() throws Exception {
        List<Integer> pagesSeen = new CopyOnWriteArrayList<>();
        ebbot.beforeListPage(page -> {
            pagesSeen.add(page);
            ebbot.deleteChat(ebbot.chatIds().get(0));
        });
        ebbot.answerPageShort(1, 1, 1);

        assertThat(get("/api/chats/company_chats?page=0").statusCode()).isEqualTo(400);
        assertThat(page(1, 3)).containsExactly(chats.get(1));

        ebbot.beforeListPage(null);
        assertThat(page(1, 3)).containsExactlyElementsOf(chats.subList(1, 4));
        assertThat(pagesSeen).containsExactly(1);
    }

    @Test
    void aHookThatThrowsAnswers500() throws Exception {
        ebbot.beforeListPage(page -> {
            throw new IllegalStateException("test hook failed");
        });

        assertThat(get("/api/chats/company_chats").statusCode()).isEqualTo(500);
    }

    @Test
    void resetClearsTheHookAndEveryPendingGlitch() throws Exception {
        ebbot.beforeListPage(page -> ebbot.createChat(Instant.now()));
        ebbot.answerPageShort(1, 0, 5);
        ebbot.answerPageWith(1, 2, 5);

        SIM.simulator().reset();

        ebbot.createChat(START);
        assertThat(page(1, 15)).hasSize(1);
        assertThat(ebbot.chatIds()).hasSize(1);
    }

    @Test
    void rejectsGlitchesThatCannotHappen() {
        assertThatThrownBy(() -> ebbot.answerPageShort(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ebbot.answerPageShort(1, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ebbot.answerPageShort(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ebbot.answerPageWith(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ebbot.answerPageWith(1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
