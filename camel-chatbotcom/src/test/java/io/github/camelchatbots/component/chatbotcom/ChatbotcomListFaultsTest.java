package io.github.camelchatbots.component.chatbotcom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chat archive lists that answer short, answer the previous page again, or lose a chat between two reads: both
 * consumers of the list deliver every chat that still exists exactly once.
 */
class ChatbotcomListFaultsTest extends ChatbotcomTestSupport {

    private static final int CHATS = 95;

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    private List<String> finishedChats(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            String chatId = converse("hello " + i);
            chatbotcom().finishChat(chatId);
            return chatId;
        }).toList();
    }

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> delivered.add(e.getMessage().getHeader(ChatbotcomConstants.CHAT_ID,
                        String.class)));
            }
        });
    }

    private void assertDeliveredExactlyOnce(List<String> expected) throws InterruptedException {
        await().atMost(Duration.ofSeconds(30)).until(() -> new HashSet<>(delivered).containsAll(expected));
        Thread.sleep(500);
        assertThat(delivered).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "chats", "chat" })
    void pagesAnsweredShortLoseNoChat(String operation) throws Exception {
        List<String> chats = finishedChats(CHATS);
        chatbotcom().answerNextChatListsShort(7, 3);
        consume("chatbotcom:" + operation + "?delay=100&initialDelay=0");

        assertDeliveredExactlyOnce(chats);
    }

    @ParameterizedTest
    @ValueSource(strings = { "chats", "chat" })
    void aPageAnsweredAgainInsteadOfTheNextLosesNoChat(String operation) throws Exception {
        List<String> chats = finishedChats(CHATS);
        chatbotcom().answerNextChatListsWithPrevious(3);
        consume("chatbotcom:" + operation + "?delay=100&initialDelay=0");

        assertDeliveredExactlyOnce(chats);
    }

    @ParameterizedTest
    @ValueSource(strings = { "chats", "chat" })
    void aChatDeletedBetweenTwoListReadsCostsNoOtherChat(String operation) throws Exception {
        List<String> chats = finishedChats(CHATS);
        String deleted = chats.get(CHATS - 5);
        AtomicInteger reads = new AtomicInteger();
        chatbotcom().beforeChatList(() -> {
            if (reads.incrementAndGet() == 2) {
                chatbotcom().deleteChat(deleted);
            }
        });
        consume("chatbotcom:" + operation + "?delay=100&initialDelay=0");

        List<String> remaining = new ArrayList<>(chats);
        remaining.remove(deleted);
        await().atMost(Duration.ofSeconds(30)).until(() -> new HashSet<>(delivered).containsAll(remaining));
        Thread.sleep(500);
        // the list may have shown it before it went: then it goes out once, as the list showed it
        assertThat(delivered.stream().filter(deleted::equals).count()).isLessThanOrEqualTo(1);
        assertThat(delivered.stream().filter(id -> !id.equals(deleted)).toList()).containsExactlyElementsOf(remaining);
    }
}
