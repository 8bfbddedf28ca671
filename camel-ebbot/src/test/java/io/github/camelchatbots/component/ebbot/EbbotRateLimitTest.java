package io.github.camelchatbots.component.ebbot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ebbot does not answer requests over its limit, so the client must never send them: every endpoint of one account
 * draws on one budget, retries included, whoever sends.
 */
class EbbotRateLimitTest extends EbbotTestSupport {

    private static final String LIMIT = "rateLimit=5&rateLimitPeriod=2s";

    @Test
    void concurrentProducersAndConsumersOfOneAccountStayWithinItsLimit() throws Exception {
        ebbot().setRateLimit(5, Duration.ofSeconds(2));
        ebbot().setHangTimeout(Duration.ofSeconds(20));
        for (int i = 0; i < 6; i++) {
            String chatId = ebbot().createChat(Instant.now().minusSeconds(60 - i));
            ebbot().addMessage(chatId, "user", "message " + i, Instant.now().minusSeconds(50 - i));
            ebbot().closeChat(chatId);
        }
        Set<String> chats = ConcurrentHashMap.newKeySet();
        Set<String> transcripts = ConcurrentHashMap.newKeySet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ebbot:chats?delay=200&initialDelay=0&" + LIMIT)
                        .process(e -> chats.add(e.getMessage().getHeader(EbbotConstants.CHAT_ID, String.class)));
                from("ebbot:transcript?delay=200&initialDelay=0&" + LIMIT)
                        .process(e -> transcripts.add(e.getMessage().getHeader(EbbotConstants.CHAT_ID, String.class)));
            }
        });

        ExecutorService producers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> calls = producers.invokeAll(List.of(() -> fiveListings(), () -> fiveListings()));
            for (Future<Object> call : calls) {
                call.get();
            }
        } finally {
            producers.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> chats.size() == 6 && transcripts.size() == 6);

        assertThat(ebbot().rejectedByRateLimit()).isZero();
        assertThat(ebbot().maxRequestsInAnyWindow()).isBetween(1, 5);
        assertThat(ebbot().requestCount()).isGreaterThan(5 + 10);
    }

    @Test
    void theStrictestLimitDeclaredForTheAccountHoldsWhicheverEndpointStartsFirst() throws Exception {
        ebbot().setRateLimit(4, Duration.ofSeconds(3));
        ebbot().setHangTimeout(Duration.ofSeconds(20));
        String loose = "ebbot:chats?responseTimeout=10s&rateLimit=20&rateLimitPeriod=3s";
        String strict = "ebbot:chats?responseTimeout=10s&rateLimit=4&rateLimitPeriod=3s";
        // the looser endpoint starts first and has sent already when the stricter one is declared
        template.requestBody(loose, (Object) null);

        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> calls = callers.invokeAll(List.of(() -> listings(loose, 5), () -> listings(strict, 5)));
            for (Future<Object> call : calls) {
                call.get();
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(ebbot().requestCount()).isEqualTo(11);
        assertThat(ebbot().rejectedByRateLimit()).isZero();
        assertThat(ebbot().maxRequestsInAnyWindow()).isLessThanOrEqualTo(4);
        String log = java.nio.file.Files.readString(java.nio.file.Path.of("target/test-logs/camel-ebbot-tests.log"));
        assertThat(log.lines().filter(line -> line.contains("the strictest limit declared for the account")
                                              && line.contains("4 per PT3S"))).hasSize(1);
    }

    private Object listings(String uri, int count) {
        for (int i = 0; i < count; i++) {
            template.requestBody(uri, (Object) null);
        }
        return null;
    }

    private Object fiveListings() {
        for (int i = 0; i < 5; i++) {
            template.requestBody("ebbot:chats?responseTimeout=10s&" + LIMIT, (Object) null);
        }
        return null;
    }
}
