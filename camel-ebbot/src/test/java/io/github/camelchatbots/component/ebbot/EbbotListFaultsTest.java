package io.github.camelchatbots.component.ebbot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The list faults that made the consumers lose chats without a word: a page answered short once, a page answered
 * with another page's chats, a chat deleted between two page reads. Both consumers of the list deliver every chat
 * that still exists exactly once.
 */
class EbbotListFaultsTest extends EbbotTestSupport {

    private static final String FAST = "delay=100&initialDelay=0";
    private static final int CHATS = 40;

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    private List<String> closedChats(int count) {
        Instant start = Instant.now().minus(Duration.ofHours(3));
        for (int i = 0; i < count; i++) {
            String chatId = ebbot().createChat(start.plusSeconds(60L * i));
            ebbot().addMessage(chatId, "user", "question " + i, start.plusSeconds(60L * i + 1));
            ebbot().closeChat(chatId);
        }
        List<String> oldestFirst = new ArrayList<>(ebbot().chatIds());
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> delivered.add(e.getMessage().getHeader(EbbotConstants.CHAT_ID, String.class)));
            }
        });
    }

    /** Every chat once, oldest first, and nothing more after a few idle polls. */
    private void assertDeliveredExactlyOnce(List<String> expected) throws InterruptedException {
        await().atMost(Duration.ofSeconds(30)).until(() -> new HashSet<>(delivered).containsAll(expected));
        Thread.sleep(500);
        assertThat(delivered).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "chats", "transcript" })
    void aPageAnsweredShortOnceLosesNoChat(String operation) throws Exception {
        List<String> chats = closedChats(CHATS);
        // the fault of the report: page 2 answered once with 5 of its 15 chats
        ebbot().answerPageShort(2, 5, 1);
        ebbot().answerPageShort(3, 0, 1);
        consume("ebbot:" + operation + "?" + FAST);

        assertDeliveredExactlyOnce(chats);
    }

    @ParameterizedTest
    @ValueSource(strings = { "chats", "transcript" })
    void aPageAnsweredWithAnotherPagesChatsLosesNoChat(String operation) throws Exception {
        List<String> chats = closedChats(CHATS);
        ebbot().answerPageWith(3, 1, 2);
        ebbot().answerPageWith(2, 3, 1);
        consume("ebbot:" + operation + "?" + FAST);

        assertDeliveredExactlyOnce(chats);
    }

    @ParameterizedTest
    @ValueSource(strings = { "chats", "transcript" })
    void aChatDeletedBetweenTwoPageReadsCostsNoOtherChat(String operation) throws Exception {
        List<String> chats = closedChats(CHATS);
        // deleted from the newest page while a later page is read: every chat after it moves up a page
        String deleted = chats.get(CHATS - 3);
        AtomicBoolean done = new AtomicBoolean();
        ebbot().beforeListPage(page -> {
            if (page >= 2 && done.compareAndSet(false, true)) {
                ebbot().deleteChat(deleted);
            }
        });
        consume("ebbot:" + operation + "?" + FAST);

        List<String> remaining = new ArrayList<>(chats);
        remaining.remove(deleted);
        await().atMost(Duration.ofSeconds(30)).until(() -> new HashSet<>(delivered).containsAll(remaining));
        Thread.sleep(500);
        // the list may have shown it before it went: then it goes out once, as the list showed it
        assertThat(delivered.stream().filter(deleted::equals).count()).isLessThanOrEqualTo(1);
        assertThat(delivered.stream().filter(id -> !id.equals(deleted)).toList()).containsExactlyElementsOf(remaining);
    }

    @ParameterizedTest
    @ValueSource(strings = { "chats", "transcript" })
    void chatsCreatedWhileTheBacklogIsReadArriveToo(String operation) throws Exception {
        List<String> chats = new ArrayList<>(closedChats(CHATS));
        Set<Integer> pagesSeen = new HashSet<>();
        List<String> created = new CopyOnWriteArrayList<>();
        ebbot().beforeListPage(page -> {
            if (pagesSeen.add(page) && created.size() < 5) {
                String chatId = ebbot().createChat(Instant.now().minusSeconds(1));
                ebbot().closeChat(chatId);
                created.add(chatId);
            }
        });
        consume("ebbot:" + operation + "?" + FAST);

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= CHATS + created.size()
                                                           && !created.isEmpty());
        chats.addAll(created);
        assertDeliveredExactlyOnce(chats);
    }
}
