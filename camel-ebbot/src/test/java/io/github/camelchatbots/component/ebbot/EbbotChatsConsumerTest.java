package io.github.camelchatbots.component.ebbot;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelchatbots.component.ebbot.model.EbbotChat;
import io.github.camelchatbots.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EbbotChatsConsumerTest extends EbbotTestSupport {

    private static final String FAST = "delay=100&initialDelay=0";

    private final Instant base = Instant.parse("2024-08-12T09:00:00Z");
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Test
    void deliversEveryChatOnceOldestFirstAndChatsCreatedBetweenPolls() throws Exception {
        List<String> first = createChats(0, 5);
        consume("ebbot:chats?" + FAST);

        await().until(() -> delivered.size() == 5);
        List<String> later = createChats(5, 3);

        await().until(() -> delivered.size() == 8);
        List<String> expected = new ArrayList<>(first);
        expected.addAll(later);
        assertThat(delivered).containsExactlyElementsOf(expected);
        Thread.sleep(300);
        assertThat(delivered).hasSize(8);
    }

    @Test
    void anIdlePollCostsOneRequestAndPagingStopsAtDeliveredChats() throws Exception {
        createChats(0, 7);
        consume("ebbot:chats?limit=2&" + FAST);
        await().until(() -> delivered.size() == 7);
        // seven chats at two a page: pages 1 to 4, the last one short
        // seven chats at two a page: the oldest found by galloping, the list's end confirmed by reading it again
        // and the place after it twice, then a walk back to the front; never one request per chat
        assertThat(listedPages()).hasSizeLessThanOrEqualTo(16);

        int mark = ebbot().requests().size();
        createChats(7, 1);
        await().until(() -> delivered.size() == 8);
        await().until(() -> ebbot().requests().size() >= mark + 4);

        List<String> pagesSinceMark = pagesOf(ebbot().requests().subList(mark, ebbot().requests().size()));
        assertThat(pagesSinceMark).isNotEmpty().containsOnly("1");
    }

    @Test
    void startFromNowSkipsWhatExistedAndAnInstantSkipsWhatCameBefore() throws Exception {
        createChats(0, 3);
        consume("ebbot:chats?startFrom=now&" + FAST);
        await().until(() -> ebbot().requests().size() >= 2);
        String fresh = ebbot().createChat(Instant.now().plusSeconds(1));
        await().until(() -> delivered.size() == 1);
        assertThat(delivered).containsExactly(fresh);

        delivered.clear();
        List<String> all = new ArrayList<>(ebbot().chatIds());
        Collections.reverse(all);
        consume("ebbot:chats?startFrom=" + base.plus(1, ChronoUnit.MINUTES) + "&cursorKey=from-instant&" + FAST);
        await().until(() -> delivered.size() == 3);
        assertThat(delivered).containsExactlyElementsOf(all.subList(1, 4));
    }

    @Test
    void aBacklogLargerThanTheRateLimitIsReadAcrossPollsWithoutSkippingOrRepeating() throws Exception {
        ebbot().setRateLimit(3, Duration.ofSeconds(1));
        List<String> chats = createChats(0, 11);
        consume("ebbot:chats?limit=2&rateLimit=3&rateLimitPeriod=1s&" + FAST);

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= 11);
        Thread.sleep(500);

        assertThat(delivered).containsExactlyElementsOf(chats);
        assertThat(ebbot().rejectedByRateLimit()).isZero();
        assertThat(ebbot().maxRequestsInAnyWindow()).isLessThanOrEqualTo(3);
    }

    @Test
    void aFailedExchangeIsDeliveredAgainAfterItsDelayAndTheOthersGoOnMeanwhile() throws Exception {
        List<String> chats = createChats(0, 5);
        List<String> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("ebbot:chats?failedItemDelay=300&" + FAST).process(exchange -> {
                    String id = exchange.getMessage().getHeader(EbbotConstants.CHAT_ID, String.class);
                    attempts.add(id);
                    if (id.equals(chats.get(2)) && failedOnce.compareAndSet(false, true)) {
                        throw new IllegalStateException("the database is down");
                    }
                    delivered.add(id);
                });
            }
        });

        await().until(() -> delivered.size() == 5);

        assertThat(delivered).containsExactly(chats.get(0), chats.get(1), chats.get(3), chats.get(4), chats.get(2));
        assertThat(attempts).containsExactly(chats.get(0), chats.get(1), chats.get(2), chats.get(3), chats.get(4),
                chats.get(2));
    }

    @Test
    void maxMessagesPerPollSpreadsABacklogOverPollsAsBatches() throws Exception {
        List<String> chats = createChats(0, 5);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ebbot:chats?maxMessagesPerPoll=2&" + FAST).process(exchange -> {
                    batchSizes.add(exchange.getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class));
                    delivered.add(exchange.getMessage().getHeader(EbbotConstants.CHAT_ID, String.class));
                });
            }
        });

        await().until(() -> delivered.size() == 5);

        assertThat(delivered).containsExactlyElementsOf(chats);
        assertThat(batchSizes).containsExactly(2, 2, 2, 2, 1);
    }

    @Test
    void aRestartWithAFileCursorDeliversNothingTwiceAndMissesNothing(@TempDir Path dir) throws Exception {
        List<String> before = createChats(0, 4);
        String uri = "ebbot:chats?cursorFile=" + dir.resolve("cursor.dat") + "&" + FAST;
        try (CamelContext first = standaloneContext(uri, e -> delivered.add(e.getMessage().getBody(EbbotChat.class).id()))) {
            first.start();
            await().until(() -> delivered.size() == 4);
        }
        List<String> whileDown = createChats(4, 2);

        try (CamelContext second = standaloneContext(uri, e -> delivered.add(e.getMessage().getBody(EbbotChat.class).id()))) {
            second.start();
            await().until(() -> delivered.size() >= 6);
            Thread.sleep(300);
        }

        List<String> expected = new ArrayList<>(before);
        expected.addAll(whileDown);
        assertThat(delivered).containsExactlyElementsOf(expected);
    }


    @Test
    void stoppingInTheMiddleOfABatchLosesNothingAndRepeatsNothing(@TempDir Path dir) throws Exception {
        List<String> chats = createChats(0, 6);
        String uri = "ebbot:chats?cursorFile=" + dir.resolve("cursor.dat") + "&" + FAST;
        CamelContext first = standaloneContext(uri, e -> {
            Thread.sleep(200);
            delivered.add(e.getMessage().getHeader(EbbotConstants.CHAT_ID, String.class));
        });
        first.start();
        await().until(() -> delivered.size() >= 2);
        // a graceful stop lets the exchange in flight finish and stops the batch after it
        first.stop();
        assertThat(delivered.size()).isBetween(2, 5);

        try (CamelContext second = standaloneContext(uri,
                e -> delivered.add(e.getMessage().getHeader(EbbotConstants.CHAT_ID, String.class)))) {
            second.start();
            await().until(() -> delivered.size() >= 6);
            Thread.sleep(300);
        }

        assertThat(delivered).containsExactlyElementsOf(chats);
    }

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(this::record);
            }

            private void record(Exchange exchange) {
                EbbotChat chat = exchange.getMessage().getBody(EbbotChat.class);
                assertThat(exchange.getMessage().getHeader(EbbotConstants.CHAT_ID)).isEqualTo(chat.id());
                delivered.add(chat.id());
            }
        });
    }

    /** Creates chats a minute apart and returns their ids, oldest first. */
    private List<String> createChats(int from, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ids.add(ebbot().createChat(base.plus(i, ChronoUnit.MINUTES), "User " + i));
        }
        return ids;
    }

    private List<String> listedPages() {
        return pagesOf(ebbot().requests());
    }

    private static List<String> pagesOf(List<RecordedRequest> requests) {
        return requests.stream().filter(r -> r.path().equals("/api/chats/company_chats"))
                .map(r -> r.query().replaceAll(".*page=(\\d+).*", "$1")).toList();
    }
}
