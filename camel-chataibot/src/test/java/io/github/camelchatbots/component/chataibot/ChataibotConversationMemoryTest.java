package io.github.camelchatbots.component.chataibot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Message;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Which conversation each visitor is in: remembered across restarts, per bot and visitor, one start at a time. */
class ChataibotConversationMemoryTest extends ChataibotTestSupport {

    @TempDir
    Path directory;

    private static String say(CamelContext camel, String uri, String visitor, String text) {
        ProducerTemplate template = camel.createProducerTemplate();
        return template.request(uri, exchange -> {
            exchange.getMessage().setBody(text);
            exchange.getMessage().setHeader(ChataibotConstants.USER_EXTERNAL_ID, visitor);
        }).getMessage().getHeader(ChataibotConstants.CONVERSATION_ID, String.class);
    }

    @Test
    void withAConversationFileAVisitorContinuesAfterARestart() throws Exception {
        Path file = directory.resolve("conversations.state");
        String uri = "chataibot:sendMessage?botKey=" + BOT_KEY + "&conversationFile=" + file;
        String visitor = newVisitor();

        String first;
        try (CamelContext before = standaloneContext()) {
            before.start();
            first = say(before, uri, visitor, "hello before the restart");
        }
        assertThat(Files.readString(file)).as("kept in the file").contains(first);
        String after;
        try (CamelContext restarted = standaloneContext()) {
            restarted.start();
            after = say(restarted, uri, visitor, "hello after the restart");
        }

        assertThat(after).isEqualTo(first);
        assertThat(chataibot().conversationIds()).containsExactly(first);
        assertThat(chataibot().conversation(first).messages()).filteredOn(m -> m.from().equals("VISITOR"))
                .extracting(Message::text).containsExactly("hello before the restart", "hello after the restart");
    }

    @Test
    void inMemoryARestartedApplicationStartsAnew() throws Exception {
        String uri = "chataibot:sendMessage?botKey=" + BOT_KEY;
        String visitor = newVisitor();
        String first;
        try (CamelContext before = standaloneContext()) {
            before.start();
            first = say(before, uri, visitor, "hello");
            assertThat(say(before, "chataibot:sendMessage?botKey=" + BOT_KEY + "&responseTimeout=4000", visitor,
                    "another endpoint, the same component")).isEqualTo(first);
        }
        try (CamelContext restarted = standaloneContext()) {
            restarted.start();
            assertThat(say(restarted, uri, visitor, "hello again")).isNotEqualTo(first);
        }
        assertThat(chataibot().conversationIds()).hasSize(2);
    }

    @Test
    void visitorIdsOfAnyCharactersAreKeptApartAndSurviveTheFile() throws Exception {
        Path file = directory.resolve("odd-ids.state");
        String uri = "chataibot:sendMessage?botKey=" + BOT_KEY + "&conversationFile=" + file;
        List<String> visitors = List.of("a=b", "a:b", "a%3Db", "line\u2028break", "äöü@example.com", "a b", "a+b",
                "visitor:" + BOT_KEY);
        List<String> conversations = new ArrayList<>();
        try (CamelContext before = standaloneContext()) {
            before.start();
            for (String visitor : visitors) {
                conversations.add(say(before, uri, visitor, "hi"));
            }
        }
        try (CamelContext restarted = standaloneContext()) {
            restarted.start();
            for (int i = 0; i < visitors.size(); i++) {
                assertThat(say(restarted, uri, visitors.get(i), "again")).as(visitors.get(i))
                        .isEqualTo(conversations.get(i));
            }
        }
        assertThat(conversations).doesNotHaveDuplicates();
        assertThat(chataibot().conversationIds()).hasSize(visitors.size());
        for (int i = 0; i < visitors.size(); i++) {
            assertThat(chataibot().conversation(conversations.get(i)).userExternalId()).isEqualTo(visitors.get(i));
        }
    }

    @Test
    void aRepositoryBeanIsSharedByTheApplicationsThatUseIt() throws Exception {
        MemoryStateRepository shared = new MemoryStateRepository();
        String visitor = newVisitor();
        String first;
        try (CamelContext one = standaloneContext()) {
            one.getRegistry().bind("conversations", shared);
            one.start();
            first = say(one, "chataibot:sendMessage?conversationRepository=#conversations&botKey=" + BOT_KEY, visitor,
                    "from the first application");
        }
        try (CamelContext two = standaloneContext()) {
            two.getComponent("chataibot", ChataibotComponent.class).getConfiguration()
                    .setConversationRepository(shared);
            two.start();
            assertThat(say(two, "chataibot:sendMessage?botKey=" + BOT_KEY, visitor, "from the second"))
                    .isEqualTo(first);
        }
        assertThat(chataibot().conversationIds()).containsExactly(first);
    }

    @Test
    void concurrentFirstMessagesOfOneVisitorStartOneConversation() throws Exception {
        int senders = 8;
        // a slow start, so that every sender arrives while the first one is still starting the conversation
        SIM.simulator().faults().on("POST", "/api/v1/conversations").vendor("chataibot").times(1)
                .latency(Duration.ofMillis(500));
        String visitor = newVisitor();
        String uri = "chataibot:sendMessage?botKey=" + BOT_KEY;
        CountDownLatch ready = new CountDownLatch(senders);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<String>> conversations = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                String text = "message " + i;
                Callable<String> sender = () -> {
                    ready.countDown();
                    ready.await();
                    return say(context, uri, visitor, text);
                };
                conversations.add(pool.submit(sender));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> conversation : conversations) {
                ids.add(conversation.get());
            }

            assertThat(ids).containsOnly(ids.get(0));
            assertThat(chataibot().conversationIds()).containsExactly(ids.get(0));
            assertThat(chataibot().conversation(ids.get(0)).messages()).filteredOn(m -> m.from().equals("VISITOR"))
                    .extracting(Message::text).hasSize(senders).doesNotHaveDuplicates();
            assertThat(chataibot().requests()).filteredOn(r -> r.path().equals("/api/v1/conversations")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedStartLetsTheNextMessageTryAgain() {
        chataibot().respondOkFalse(1, "/api/v1/conversations", "Something went wrong");
        String visitor = newVisitor();
        String uri = "chataibot:sendMessage?botKey=" + BOT_KEY;

        assertThat(template.request(uri, exchange -> {
            exchange.getMessage().setBody("first try");
            exchange.getMessage().setHeader(ChataibotConstants.USER_EXTERNAL_ID, visitor);
        }).getException()).hasMessageContaining("Something went wrong");
        String conversationId = say(context, uri, visitor, "second try");

        assertThat(chataibot().conversationIds()).containsExactly(conversationId);
        assertThat(chataibot().conversation(conversationId).messages()).first().extracting(Message::text)
                .isEqualTo("second try");
    }

    @Test
    void theMemoryNamesBothWays() {
        String visitor = newVisitor();
        String conversationId = say(context, "chataibot:sendMessage?botKey=" + BOT_KEY, visitor, "hi");
        ConversationMemory memory = context.getComponent("chataibot", ChataibotComponent.class).getMemory();

        assertThat(memory.conversationOf(BOT_KEY, visitor)).isEqualTo(conversationId);
        assertThat(memory.visitorOf(conversationId)).isEqualTo(new ConversationMemory.Visitor(BOT_KEY, visitor));
        assertThat(memory.conversationOf("another-bot", visitor)).isNull();
        assertThat(memory.visitorOf("unknown")).isNull();
    }
}
