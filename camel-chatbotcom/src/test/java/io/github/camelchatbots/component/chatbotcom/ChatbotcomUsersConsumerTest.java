package io.github.camelchatbots.component.chatbotcom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUser;
import io.github.camelchatbots.support.model.ChatUser;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ChatbotcomUsersConsumerTest extends ChatbotcomTestSupport {

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("users").process(exchange -> delivered.add(
                        exchange.getMessage().getBody(ChatbotcomUser.class).userId()));
            }
        });
    }

    private void awaitDelivered(String... userIds) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(delivered).containsExactly(userIds));
    }

    /** A moment later on the simulator's clock, so that creation and sighting times differ. */
    private void later() {
        chatbotcom().advanceTime(Duration.ofSeconds(1));
    }

    @Test
    void eachNewUserOnceOldestFirstAcrossPolls() throws Exception {
        chatbotcom().createUser("a", Map.of("default_name", "A"));
        later();
        chatbotcom().createUser("b", Map.of("default_name", "B"));
        consume("chatbotcom:users?delay=100");
        awaitDelivered("a", "b");

        later();
        chatbotcom().createUser("c", Map.of("default_name", "C"));
        chatbotcom().seeUser(chatbotcom().userIds().get(0));
        awaitDelivered("a", "b", "c");
        Thread.sleep(400);
        assertThat(delivered).as("a user seen again is not new").containsExactly("a", "b", "c");
    }

    @Test
    void backlogLargerThanAPageGoesOutInOrderAndIdlePollsCostOneRequest() throws Exception {
        IntStream.range(0, 45).forEach(i -> {
            chatbotcom().createUser(String.format("u%02d", i), Map.of("n", "v"));
            // users of one millisecond at the list's end wait for a newer one (ChatBot.com does not document how
            // it orders them): this backlog is of distinct times
            chatbotcom().advanceTime(Duration.ofMillis(1));
        });
        consume("chatbotcom:users?delay=100&limit=10");

        awaitDelivered(IntStream.range(0, 45).mapToObj(i -> String.format("u%02d", i)).toArray(String[]::new));
        int afterBacklog = chatbotcom().requestCount();
        Thread.sleep(500);
        int polls = chatbotcom().requestCount() - afterBacklog;
        assertThat(polls).isBetween(1, 8);
        assertThat(chatbotcom().requests()).last().satisfies(request -> {
            assertThat(request.query()).contains("sort.field=createdAt").contains("sort.order=asc")
                    .contains("after=");
        });
    }

    @Test
    void aFailedExchangeComesAgainAfterItsDelayWhileTheNextGoesOn() throws Exception {
        chatbotcom().createUser("first", Map.of("n", "1"));
        later();
        chatbotcom().createUser("second", Map.of("n", "2"));
        later();
        chatbotcom().createUser("third", Map.of("n", "3"));
        AtomicBoolean failedOnce = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("chatbotcom:users?delay=100&failedItemDelay=300").process(exchange -> {
                    String userId = exchange.getMessage().getBody(ChatbotcomUser.class).userId();
                    delivered.add(userId);
                    if (userId.equals("second") && failedOnce.compareAndSet(false, true)) {
                        throw new IllegalStateException("CRM unavailable");
                    }
                });
            }
        });

        // the failed one waits its delay while the next goes on
        awaitDelivered("first", "second", "third", "second");
    }

    @Test
    void aRestartWithACursorFileContinuesWhereItStopped() throws Exception {
        Path cursorFile = dir.resolve("users.cursor");
        String uri = "chatbotcom:users?delay=100&cursorFile=" + cursorFile;
        chatbotcom().createUser("before-1", Map.of("n", "1"));
        later();
        chatbotcom().createUser("before-2", Map.of("n", "2"));

        try (CamelContext first = standaloneContext(uri, exchange -> delivered.add(
                exchange.getMessage().getBody(ChatbotcomUser.class).userId()))) {
            first.start();
            awaitDelivered("before-1", "before-2");
        }
        assertThat(Files.readString(cursorFile)).as("the cursor was stored").isNotBlank();

        later();
        chatbotcom().createUser("while-down", Map.of("n", "3"));
        try (CamelContext second = standaloneContext(uri, exchange -> delivered.add(
                exchange.getMessage().getBody(ChatbotcomUser.class).userId()))) {
            second.start();
            awaitDelivered("before-1", "before-2", "while-down");
        }
    }

    @Test
    void startFromNowMeansTheStartNotTheFirstPoll() throws Exception {
        chatbotcom().createUser("old", Map.of("n", "1"));
        Thread.sleep(5);
        consume("chatbotcom:users?delay=100&initialDelay=1500&startFrom=now");
        Thread.sleep(300);
        chatbotcom().createUser("new", Map.of("n", "2"));

        awaitDelivered("new");
    }

    @Test
    void startingFromATimeSearchesForItsPlaceOnceNotOnEveryIdlePoll() throws Exception {
        // before the start on the simulator's clock too: later() would move them past it
        IntStream.range(0, 3).forEach(i -> chatbotcom().createUser("old-" + i, Map.of("n", "1")));
        consume("chatbotcom:users?delay=100&initialDelay=0&startFrom=now");
        Thread.sleep(700);
        later();
        chatbotcom().createUser("new", Map.of("n", "2"));

        awaitDelivered("new");
        // the list's start is read to find the place (twice, for two answers that agree); then idle polls read on
        // after the users it passed
        assertThat(chatbotcom().requests()).filteredOn(request -> request.path().equals("/users")
                                                                  && !request.query().contains("after="))
                .as("the place is searched for once; then idle polls read on from it").hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void maxMessagesPerPollDeliversInOrderOverSeveralPolls() throws Exception {
        IntStream.range(0, 5).forEach(i -> chatbotcom().createUser("m" + i, Map.of("n", "v")));
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("chatbotcom:users?delay=100&initialDelay=0&maxMessagesPerPoll=2").process(exchange -> {
                    delivered.add(exchange.getMessage().getBody(ChatbotcomUser.class).userId());
                    batchSizes.add(exchange.getProperty(Exchange.BATCH_SIZE, Integer.class));
                });
            }
        });

        awaitDelivered("m0", "m1", "m2", "m3", "m4");
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(2));
    }

    @Test
    void aCursorAnotherKindOfConsumerWroteIsRefused() throws Exception {
        Path cursorFile = dir.resolve("shared.cursor");
        chatbotcom().createUser("someone", Map.of("n", "1"));
        try (CamelContext users = standaloneContext("chatbotcom:users?delay=100&initialDelay=0&cursorKey=mine"
                                                    + "&cursorFile=" + cursorFile, exchange -> delivered.add("user"))) {
            users.start();
            awaitDelivered("user");
        }
        byte[] before = Files.readAllBytes(cursorFile);
        try (CamelContext chats = standaloneContext("chatbotcom:chats?delay=100&initialDelay=0&cursorKey=mine"
                                                    + "&cursorFile=" + cursorFile, exchange -> delivered.add("chat"))) {
            // refused when the route starts, not on every poll
            assertThatThrownBy(chats::start).hasStackTraceContaining("it is the cursor of a chatbotcom:users"
                                                                     + " consumer, not of this chatbotcom:chats"
                                                                     + " consumer");
        }
        assertThat(Files.readAllBytes(cursorFile)).isEqualTo(before);
        assertThat(delivered).containsExactly("user");
    }

    @Test
    void byLastSeenEachSightingIsDeliveredEvenWhenTheCursorsUserMoves() throws Exception {
        String a = chatbotcom().createUser("a", Map.of("n", "1"));
        later();
        chatbotcom().createUser("b", Map.of("n", "2"));
        later();
        String c = chatbotcom().createUser("c", Map.of("n", "3"));
        consume("chatbotcom:users?delay=100&sortField=lastSeen");
        awaitDelivered("a", "b", "c");

        // c is where the cursor stands; it moves to the end, and a is seen between its old place and its new one
        context.getRouteController().stopRoute("users");
        later();
        chatbotcom().seeUser(a);
        later();
        chatbotcom().seeUser(c);
        context.getRouteController().startRoute("users");

        awaitDelivered("a", "b", "c", "a", "c");
    }

    @Test
    void byLastSeenAPageReadFromAPlaceThatMovedMeanwhileIsReadAgain() throws Exception {
        String a = chatbotcom().createUser("a", Map.of("n", "1"));
        later();
        String b = chatbotcom().createUser("b", Map.of("n", "2"));
        later();
        String c = chatbotcom().createUser("c", Map.of("n", "3"));
        later();
        String d = chatbotcom().createUser("d", Map.of("n", "4"));
        // just before the consumer reads on from c, c is seen again (jumping to the end) and then b: a read from
        // c's new place would show b alone and step over a and d, seen before
        AtomicBoolean moved = new AtomicBoolean();
        context.getRegistry().bind("seeWhileReading", (HttpClientConfigurer) builder -> builder
                .addRequestInterceptorFirst((request, entity, httpContext) -> {
                    if (request.getRequestUri().contains("after=" + c) && request.getRequestUri().contains("sort.order=asc")
                        && moved.compareAndSet(false, true)) {
                        later();
                        chatbotcom().seeUser(c);
                        later();
                        chatbotcom().seeUser(b);
                    }
                }));
        consume("chatbotcom:users?delay=100&initialDelay=0&sortField=lastSeen&httpClientConfigurer=#seeWhileReading");
        awaitDelivered("a", "b", "c", "d");

        context.getRouteController().stopRoute("users");
        later();
        chatbotcom().seeUser(a);
        later();
        chatbotcom().seeUser(d);
        context.getRouteController().startRoute("users");

        awaitDelivered("a", "b", "c", "d", "a", "d", "c", "b");
        assertThat(moved).isTrue();
    }

    @Test
    void filtersApplyAndUsersConvertToTheNeutralModel() throws Exception {
        chatbotcom().createUser("lead", Map.of("default_email", "lead@example.com", "default_name", "Lea"));
        later();
        chatbotcom().createUser("other", Map.of("default_email", "other@elsewhere.org"));
        List<ChatUser> users = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("chatbotcom:users?delay=100&filters=default_email:endsWith:@example.com")
                        .convertBodyTo(ChatUser.class).process(exchange -> users.add(
                                exchange.getMessage().getBody(ChatUser.class)));
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> !users.isEmpty());
        Thread.sleep(300);
        assertThat(users).singleElement().satisfies(user -> {
            assertThat(user.externalId()).isEqualTo("lead");
            assertThat(user.email()).isEqualTo("lead@example.com");
            assertThat(user.name()).isEqualTo("Lea");
            assertThat(user.vendor()).isEqualTo("chatbotcom");
        });
    }
}
