package io.github.camelchatbots.component.chatbotcom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomChat;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** chatbotcom:chats as a consumer: each archive once, as the list shows it, finished or not. */
class ChatbotcomChatsConsumerTest extends ChatbotcomTestSupport {

    private final List<ChatbotcomChat> delivered = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(exchange -> {
                    ChatbotcomChat chat = exchange.getMessage().getBody(ChatbotcomChat.class);
                    assertThat(exchange.getMessage().getHeader(ChatbotcomConstants.CHAT_ID)).isEqualTo(chat.id());
                    delivered.add(chat);
                });
            }
        });
    }

    @Test
    void eachArchiveOnceAsListedOldestFirstOpenOrFinished() throws Exception {
        String open = converse("hello");
        String finished = converse("opening hours");
        chatbotcom().finishChat(finished);
        consume("chatbotcom:chats?delay=100&initialDelay=0");

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 2);
        assertThat(delivered).extracting(ChatbotcomChat::id).containsExactly(open, finished);
        // what the list shows, as the chats producer returns it: the same records
        List<ChatbotcomChat> listed = template.requestBody("chatbotcom:chats", null, List.class);
        assertThat(listed).extracting(ChatbotcomChat::id).containsExactlyInAnyOrder(open, finished);

        String later = converse("refund");
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 3);
        Thread.sleep(300);
        assertThat(delivered).extracting(ChatbotcomChat::id).containsExactly(open, finished, later);
    }

    @Test
    void aBacklogOfSeveralPagesGoesOutOnceOldestFirstAndARestartGoesOnFromTheFile() throws Exception {
        List<String> chats = new ArrayList<>(IntStream.range(0, 95).mapToObj(i -> converse("hello " + i)).toList());
        String uri = "chatbotcom:chats?delay=100&cursorFile=" + dir.resolve("chats.cursor");
        try (CamelContext first = standaloneContext(uri, exchange -> delivered.add(
                exchange.getMessage().getBody(ChatbotcomChat.class)))) {
            first.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() == 95);
        }
        chats.add(converse("after the restart"));
        try (CamelContext second = standaloneContext(uri, exchange -> delivered.add(
                exchange.getMessage().getBody(ChatbotcomChat.class)))) {
            second.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 96);
            Thread.sleep(300);
        }

        assertThat(delivered).extracting(ChatbotcomChat::id).containsExactlyElementsOf(chats);
    }
}
