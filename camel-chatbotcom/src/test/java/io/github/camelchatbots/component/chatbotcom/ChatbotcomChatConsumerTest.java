package io.github.camelchatbots.component.chatbotcom;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomChat;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomQueryResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChatbotcomChatConsumerTest extends ChatbotcomTestSupport {

    private final List<ChatbotcomChat> delivered = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("chats").process(exchange -> delivered.add(
                        exchange.getMessage().getBody(ChatbotcomChat.class)));
            }
        });
    }

    private List<String> deliveredIds() {
        return delivered.stream().map(ChatbotcomChat::id).toList();
    }

    @Test
    void aFinishedChatOnceWithItsMessagesAnOpenOneWhenItFinishes() throws Exception {
        String finished = converse("hello", "opening hours");
        String open = converse("I want a refund");
        chatbotcom().finishChat(finished);
        consume("chatbotcom:chat?delay=100&initialDelay=0");

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);
        ChatbotcomChat chat = delivered.get(0);
        assertThat(chat.id()).isEqualTo(finished);
        assertThat(chat.finished()).isTrue();
        assertThat(chat.messages()).extracting(ChatbotcomChat.Message::content).contains("hello", "opening hours");

        Thread.sleep(300);
        assertThat(deliveredIds()).as("the open chat waits").containsExactly(finished);
        chatbotcom().finishChat(open);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 2);
        Thread.sleep(300);
        assertThat(deliveredIds()).containsExactly(finished, open);
    }

    @Test
    void aChatQuietForTheQuietPeriodCountsAsOver() throws Exception {
        String chatId = converse("hello");
        consume("chatbotcom:chat?delay=100&initialDelay=0&quietPeriod=700");

        Thread.sleep(300);
        assertThat(delivered).as("still within the quiet period").isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);
        assertThat(delivered.get(0).id()).isEqualTo(chatId);
    }

    @Test
    void anExpiredSessionFinishesItsChat() throws Exception {
        String chatId = converse("hello");
        consume("chatbotcom:chat?delay=100&initialDelay=0");
        Thread.sleep(300);
        assertThat(delivered).isEmpty();

        chatbotcom().advanceTime(Duration.ofMinutes(11));

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);
        assertThat(delivered.get(0).id()).isEqualTo(chatId);
    }

    @Test
    void aBacklogOverSeveralListPagesGoesOutOnceOldestFirst() throws Exception {
        List<String> chats = IntStream.range(0, 45).mapToObj(i -> {
            String chatId = converse("hello " + i);
            chatbotcom().finishChat(chatId);
            return chatId;
        }).toList();
        consume("chatbotcom:chat?delay=100");

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() >= 45);
        Thread.sleep(300);
        assertThat(deliveredIds()).containsExactlyElementsOf(chats);
        int afterBacklog = chatbotcom().requestCount();
        Thread.sleep(500);
        assertThat(chatbotcom().requestCount() - afterBacklog).as("an idle poll reads one page").isBetween(1, 8);
    }

    @Test
    void aFailedExchangeComesAgainAfterItsDelayWhileTheOthersGoOn() throws Exception {
        String first = converse("hello");
        String second = converse("opening hours");
        String third = converse("I want a refund");
        List.of(first, second, third).forEach(chatbotcom()::finishChat);
        AtomicBoolean failedOnce = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("chatbotcom:chat?delay=100&failedItemDelay=300").process(exchange -> {
                    ChatbotcomChat chat = exchange.getMessage().getBody(ChatbotcomChat.class);
                    delivered.add(chat);
                    if (chat.id().equals(second) && failedOnce.compareAndSet(false, true)) {
                        throw new IllegalStateException("archive unavailable");
                    }
                });
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() >= 4);
        Thread.sleep(300);
        assertThat(deliveredIds()).containsExactly(first, second, third, second);
    }

    @Test
    void aRestartWithACursorFileDeliversOnlyWhatIsNew() throws Exception {
        Path cursorFile = dir.resolve("chats.cursor");
        String uri = "chatbotcom:chat?delay=100&cursorFile=" + cursorFile;
        String done = converse("hello");
        String waiting = converse("opening hours");
        chatbotcom().finishChat(done);

        try (CamelContext first = standaloneContext(uri, exchange -> delivered.add(
                exchange.getMessage().getBody(ChatbotcomChat.class)))) {
            first.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);
            Thread.sleep(200);
        }

        chatbotcom().finishChat(waiting);
        String newcomer = converse("I want a refund");
        chatbotcom().finishChat(newcomer);
        try (CamelContext second = standaloneContext(uri, exchange -> delivered.add(
                exchange.getMessage().getBody(ChatbotcomChat.class)))) {
            second.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 3);
            Thread.sleep(300);
        }
        assertThat(deliveredIds()).containsExactly(done, waiting, newcomer);
    }

    @Test
    void anArchiveWhoseOwnCreationTimeDiffersFromTheListsGoesOutOnce() throws Exception {
        String chatId = converse("hello");
        chatbotcom().finishChat(chatId);
        // the single archive's shape is only known from third-party code: here it lacks createdAt altogether
        context.getRegistry().bind("withoutCreatedAt", (HttpClientConfigurer) builder -> builder
                .addExecInterceptorFirst("without-created-at", (request, scope, chain) -> {
                    ClassicHttpResponse response = chain.proceed(request, scope);
                    if (request.getRequestUri().endsWith("/v2/chats/" + chatId)) {
                        String body = EntityUtils.toString(response.getEntity());
                        response.setEntity(new StringEntity(body.replaceFirst("\"createdAt\":\"[^\"]*\",", ""),
                                ContentType.APPLICATION_JSON));
                    }
                    return response;
                }));
        consume("chatbotcom:chat?delay=100&initialDelay=0&httpClientConfigurer=#withoutCreatedAt");

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);
        Thread.sleep(500);
        assertThat(deliveredIds()).containsExactly(chatId);
        assertThat(delivered.get(0).createdAt()).isNull();
    }

    @Test
    void anArchiveThatKeepsFailingHoldsUpNoOther() throws Exception {
        String broken = converse("hello");
        String fine = converse("opening hours");
        List.of(broken, fine).forEach(chatbotcom()::finishChat);
        SIM.simulator().faults().on("GET", "/v2/chats/" + broken).always().status(400);
        consume("chatbotcom:chat?delay=100&initialDelay=0&maxMessagesPerPoll=1");

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);
        assertThat(deliveredIds()).containsExactly(fine);
    }

    @Test
    void aListReadThatFailsHalfWayLosesNoChat() throws Exception {
        List<String> chats = IntStream.range(0, 85).mapToObj(i -> {
            String chatId = converse("hello " + i);
            chatbotcom().finishChat(chatId);
            return chatId;
        }).toList();
        AtomicInteger listReads = new AtomicInteger();
        context.getRegistry().bind("cutThirdListRead", (HttpClientConfigurer) builder -> builder
                .addExecInterceptorFirst("cut-third-list-read", (request, scope, chain) -> {
                    if (request.getPath().contains("/v2/chats?") || request.getPath().endsWith("/v2/chats")) {
                        if (listReads.incrementAndGet() == 3) {
                            throw new IOException("connection cut while reading the list");
                        }
                    }
                    return chain.proceed(request, scope);
                }));
        consume("chatbotcom:chat?delay=100&initialDelay=0&maxRetries=0&httpClientConfigurer=#cutThirdListRead");

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() >= 85);
        Thread.sleep(300);
        assertThat(listReads.get()).isGreaterThan(3);
        assertThat(deliveredIds()).containsExactlyElementsOf(chats);
    }
}
