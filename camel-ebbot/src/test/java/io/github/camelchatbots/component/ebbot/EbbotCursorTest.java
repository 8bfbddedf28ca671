package io.github.camelchatbots.component.ebbot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelchatbots.support.consumer.cursor.DurableFileStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Where cursors live, who may move them, and what survives a stop. */
class EbbotCursorTest extends EbbotTestSupport {

    private static final String FAST = "delay=100&initialDelay=0";

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @Test
    void consumersSharingACursorFileKeepEachOthersCursorsAcrossARestart() throws Exception {
        for (int i = 0; i < 3; i++) {
            ebbot().closeChat(chat(Instant.now().minusSeconds(60 - i)));
        }
        String file = "&cursorFile=" + dir.resolve("shared.dat");
        String chats = "ebbot:chats?" + FAST + file;
        String transcripts = "ebbot:transcript?" + FAST + file;

        try (CamelContext first = twoRoutes(chats, transcripts)) {
            first.start();
            await().until(() -> delivered.size() == 6);
        }
        try (CamelContext second = twoRoutes(chats, transcripts)) {
            second.start();
            await().until(() -> ebbot().requests().size() >= 12);
            Thread.sleep(300);
        }

        assertThat(delivered).hasSize(6);
    }

    @Test
    void aRefusedSecondConsumerLeavesTheFirstOnesCursorIntact() throws Exception {
        for (int i = 0; i < 3; i++) {
            chat(Instant.now().minusSeconds(60 - i));
        }
        String uri = "ebbot:chats?" + FAST + "&cursorFile=" + dir.resolve("cursor.dat");
        CamelContext first = standaloneContext(uri, e -> delivered.add("first"));
        first.start();
        await().until(() -> delivered.size() == 3);
        long sizeBefore = Files.size(dir.resolve("cursor.dat"));

        try (CamelContext second = standaloneContext(uri + "&maxMessagesPerPoll=10", e -> delivered.add("second"))) {
            assertThatThrownBy(second::start).hasStackTraceContaining("is already moved by the consumer of");
        }

        assertThat(Files.size(dir.resolve("cursor.dat"))).isEqualTo(sizeBefore).isPositive();
        // the first consumer dies without a clean stop: what the file holds is all a restart has
        first.getRouteController().stopAllRoutes();
        try (CamelContext restarted = standaloneContext(uri, e -> delivered.add("restarted"))) {
            restarted.start();
            await().until(() -> ebbot().requests().size() >= 8);
            Thread.sleep(300);
        } finally {
            first.close();
        }
        assertThat(delivered).containsOnly("first").hasSize(3);
    }

    @Test
    void theInMemoryCursorSurvivesARouteRestart() throws Exception {
        chat(Instant.now().minusSeconds(30));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ebbot:chats?" + FAST).routeId("chats")
                        .process(e -> delivered.add(e.getMessage().getHeader(EbbotConstants.CHAT_ID, String.class)));
            }
        });
        await().until(() -> delivered.size() == 1);

        context.getRouteController().stopRoute("chats");
        String whileStopped = chat(Instant.now());
        context.getRouteController().startRoute("chats");

        await().until(() -> delivered.size() >= 2);
        Thread.sleep(300);
        assertThat(delivered).hasSize(2).endsWith(whileStopped);
    }

    @Test
    void aCursorKeyCamelsOwnFileStoreCouldNotHoldIsKept() throws Exception {
        chat(Instant.now());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ebbot:chats?cursorKey=RAW(tenant=a b)&cursorFile=" + dir.resolve("c.dat") + "&" + FAST)
                        .process(e -> delivered.add(e.getMessage().getHeader(EbbotConstants.CHAT_ID, String.class)));
            }
        });
        await().until(() -> delivered.size() == 1);
        context.stop();

        assertThat(DurableFileStateRepository.readFile(dir.resolve("c.dat"))).containsKey("tenant=a b");
    }

    @Test
    void anHttpClientConfigurerThatTurnsRetriesOffKeepsTheRateLimit() throws Exception {
        ebbot().setRateLimit(2, Duration.ofSeconds(1));
        ebbot().setHangTimeout(Duration.ofSeconds(3));
        context.getRegistry().bind("noRetries", (HttpClientConfigurer) builder -> builder.disableAutomaticRetries());

        for (int i = 0; i < 5; i++) {
            template.requestBody("ebbot:chats?httpClientConfigurer=#noRetries&rateLimit=2&rateLimitPeriod=1s"
                                 + "&responseTimeout=2s", (Object) null);
        }

        assertThat(ebbot().rejectedByRateLimit()).isZero();
        assertThat(ebbot().maxRequestsInAnyWindow()).isLessThanOrEqualTo(2);
    }

    private String chat(Instant createdAt) {
        String chatId = ebbot().createChat(createdAt);
        ebbot().addMessage(chatId, "user", "hello", createdAt);
        return chatId;
    }

    private CamelContext twoRoutes(String first, String second) throws Exception {
        CamelContext camel = standaloneContext(first,
                e -> delivered.add("chat " + e.getMessage().getHeader(EbbotConstants.CHAT_ID)));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(second).process(e -> delivered.add("transcript " + e.getMessage().getHeader(EbbotConstants.CHAT_ID)));
            }
        });
        return camel;
    }
}
