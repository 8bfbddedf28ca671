package io.github.camelchatbots.component.ebbot;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelchatbots.component.ebbot.model.EbbotMessage;
import io.github.camelchatbots.component.ebbot.model.EbbotTranscript;
import io.github.camelchatbots.support.model.ChatParticipant;
import io.github.camelchatbots.support.model.ChatTranscript;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EbbotTranscriptConsumersTest extends EbbotTestSupport {

    private static final String FAST = "delay=100&initialDelay=0";

    private final List<EbbotTranscript> transcripts = new CopyOnWriteArrayList<>();
    private final Map<String, String> statuses = new ConcurrentHashMap<>();

    @Test
    void aClosedChatIsDeliveredAtOnceAndAnOngoingOneOnlyWhenItCloses() throws Exception {
        Instant now = Instant.now();
        String closed = chatWith(now.minusSeconds(60), "user:Where is my order?", "bot:On its way.");
        ebbot().closeChat(closed);
        String ongoing = chatWith(now.minusSeconds(30), "user:Can I return shoes?");
        consumeTranscripts("ebbot:transcript?quietPeriod=1h&" + FAST);

        await().until(() -> transcripts.size() == 1);
        assertThat(transcripts.get(0).chatId()).isEqualTo(closed);
        assertThat(transcripts.get(0).messages()).extracting(EbbotMessage::text)
                .containsExactly("Where is my order?", "On its way.");
        assertThat(statuses).containsEntry(closed, "closed");

        ebbot().addMessage(ongoing, "bot", "Yes, within 30 days.", Instant.now());
        ebbot().closeChat(ongoing);

        await().until(() -> transcripts.size() == 2);
        assertThat(transcripts.get(1).chatId()).isEqualTo(ongoing);
        assertThat(transcripts.get(1).messages()).extracting(EbbotMessage::text)
                .containsExactly("Can I return shoes?", "Yes, within 30 days.");
        Thread.sleep(300);
        assertThat(transcripts).hasSize(2);
    }

    @Test
    void aChatThatWentQuietIsDeliveredWithEveryMessageEvenIfTheListNeverSaysClosed() throws Exception {
        String longQuiet = chatWith(Instant.now().minus(Duration.ofHours(2)), "user:hello", "bot:Hi!");
        String active = chatWith(Instant.now(), "user:are you there?");
        consumeTranscripts("ebbot:transcript?quietPeriod=2s&" + FAST);

        await().until(() -> transcripts.size() == 1);
        assertThat(transcripts.get(0).chatId()).isEqualTo(longQuiet);

        ebbot().addMessage(active, "bot", "I am!", Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> transcripts.size() == 2);
        assertThat(transcripts.get(1).chatId()).isEqualTo(active);
        assertThat(transcripts.get(1).messages()).extracting(EbbotMessage::text)
                .containsExactly("are you there?", "I am!");
        assertThat(statuses).containsEntry(active, "ongoing");
    }

    @Test
    void aRestartRemembersChatsStillWaitingAndDeliversEachTranscriptOnce(@TempDir Path dir) throws Exception {
        String done = chatWith(Instant.now().minusSeconds(60), "user:one");
        ebbot().closeChat(done);
        String waiting = chatWith(Instant.now().minusSeconds(50), "user:two");
        String uri = "ebbot:transcript?quietPeriod=1h&cursorFile=" + dir.resolve("cursor.dat") + "&" + FAST;

        try (CamelContext first = standaloneContext(uri, e -> transcripts.add(e.getMessage().getBody(EbbotTranscript.class)))) {
            first.start();
            await().until(() -> transcripts.size() == 1);
            Thread.sleep(300);
        }
        ebbot().closeChat(waiting);
        // further chats push the waiting one off the first page: only the stored cursor remembers it
        for (int i = 0; i < 20; i++) {
            ebbot().createChat(Instant.now().minusSeconds(40 - i));
        }

        try (CamelContext second = standaloneContext(uri + "&limit=5", e -> transcripts.add(e.getMessage().getBody(EbbotTranscript.class)))) {
            second.start();
            await().until(() -> transcripts.size() == 2);
            Thread.sleep(300);
        }

        assertThat(transcripts).extracting(EbbotTranscript::chatId).containsExactly(done, waiting);
        assertThat(transcripts.get(1).chat()).isNotNull()
                .satisfies(chat -> assertThat(chat.status()).isEqualTo("closed"));
    }

    @Test
    void aChatWaitingAcrossARestartKeepsItsListEntry(@TempDir Path dir) throws Exception {
        String waiting = ebbot().createChat(Instant.now().minusSeconds(50), "Jane");
        ebbot().addMessage(waiting, "user", "hello", Instant.now().minusSeconds(50));
        String uri = "ebbot:transcript?cursorFile=" + dir.resolve("cursor.dat") + "&" + FAST;
        try (CamelContext first = standaloneContext(uri + "&quietPeriod=1h",
                e -> transcripts.add(e.getMessage().getBody(EbbotTranscript.class)))) {
            first.start();
            await().until(() -> ebbot().requests().size() >= 2);
        }
        // the chat ends quietly: its list entry is no longer read, only the cursor knows who it was
        for (int i = 0; i < 10; i++) {
            ebbot().createChat(Instant.now().minusSeconds(40 - i));
        }

        try (CamelContext second = standaloneContext(uri + "&quietPeriod=1s&limit=3",
                e -> transcripts.add(e.getMessage().getBody(EbbotTranscript.class)))) {
            second.start();
            await().until(() -> transcripts.stream().anyMatch(t -> t.chatId().equals(waiting)));
        }

        EbbotTranscript transcript = transcripts.stream().filter(t -> t.chatId().equals(waiting)).findFirst()
                .orElseThrow();
        ChatTranscript neutral = context.getTypeConverter().convertTo(ChatTranscript.class, transcript);
        assertThat(neutral.conversation().userName()).isEqualTo("Jane");
        assertThat(neutral.conversation().userId()).isNotNull();
        assertThat(neutral.conversation().status()).isEqualTo("ongoing");
    }

    @Test
    void twoConsumersCannotMoveOneCursor(@TempDir Path dir) throws Exception {
        String cursorFile = dir.resolve("shared.dat").toString();
        consumeTranscripts("ebbot:transcript?cursorFile=" + cursorFile);

        assertThatThrownBy(() -> consumeTranscripts("ebbot:transcript?quietPeriod=5m&cursorFile=" + cursorFile))
                .hasStackTraceContaining("is already moved by the consumer of")
                .hasStackTraceContaining("cursorKey");
        consumeTranscripts("ebbot:transcript?quietPeriod=5m&cursorKey=second&cursorFile=" + cursorFile);
    }

    @Test
    void aFailedExchangeIsTriedAgainAfterItsDelayWhileTheNextOnesGoOn() throws Exception {
        String first = chatWith(Instant.now().minusSeconds(60), "user:one");
        String second = chatWith(Instant.now().minusSeconds(50), "user:two");
        ebbot().closeChat(first);
        ebbot().closeChat(second);
        List<String> attempts = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("ebbot:transcript?failedItemDelay=300&" + FAST).process(e -> {
                    EbbotTranscript transcript = e.getMessage().getBody(EbbotTranscript.class);
                    attempts.add(transcript.chatId());
                    if (transcript.chatId().equals(first) && attempts.size() == 1) {
                        throw new IllegalStateException("the archive is full");
                    }
                    transcripts.add(transcript);
                });
            }
        });

        await().until(() -> transcripts.size() == 2);
        Thread.sleep(300);

        assertThat(attempts).containsExactly(first, second, first);
        assertThat(transcripts).extracting(EbbotTranscript::chatId).containsExactly(second, first);
        // delivered at last, it leaves the cursor's waiting chats: nothing is fetched again
        int fetched = transcriptFetches();
        Thread.sleep(500);
        assertThat(transcriptFetches()).isEqualTo(fetched);
    }

    @Test
    void aChatWhoseTranscriptKeepsFailingDoesNotHoldUpTheOthers() throws Exception {
        String broken = chatWith(Instant.now().minusSeconds(60), "user:one");
        String healthy = chatWith(Instant.now().minusSeconds(50), "user:two");
        ebbot().closeChat(broken);
        ebbot().closeChat(healthy);
        SIM.simulator().faults().on("GET", ".*/" + broken.replace(".", "\\.") + "/transcript").always().status(500);
        consumeTranscripts("ebbot:transcript?maxRetries=0&failedItemDelay=200&" + FAST);

        await().until(() -> transcripts.size() == 1);
        assertThat(transcripts.get(0).chatId()).isEqualTo(healthy);
        // backed off, not fetched on every poll: at 100 ms between polls, 2 s would allow 20 tries
        long before = brokenFetches(broken);
        Thread.sleep(2_000);
        assertThat(brokenFetches(broken) - before).isLessThanOrEqualTo(5);

        SIM.simulator().faults().clear();
        await().until(() -> transcripts.size() == 2);
        assertThat(transcripts.get(1).chatId()).isEqualTo(broken);
    }

    @Test
    void maxMessagesPerPollAlsoBoundsTheTranscriptsFetched() throws Exception {
        for (int i = 0; i < 5; i++) {
            ebbot().closeChat(chatWith(Instant.now().minusSeconds(60 - i), "user:message " + i));
        }
        consumeTranscripts("ebbot:transcript?maxMessagesPerPoll=2&" + FAST);

        await().until(() -> transcripts.size() == 5);

        long transcriptRequests = ebbot().requests().stream().filter(r -> r.path().endsWith("/transcript")).count();
        assertThat(transcriptRequests).isEqualTo(5);
    }

    @Test
    void aTranscriptConvertsToTheVendorNeutralModel() throws Exception {
        Instant start = Instant.parse("2024-08-12T09:15:08Z");
        String chatId = ebbot().createChat(start, "Jane");
        ebbot().addMessage(chatId, "user", "Hi", start);
        ebbot().addMessage(chatId, "agent", "Hello Jane", start.plusSeconds(4));
        ebbot().closeChat(chatId);
        List<ChatTranscript> neutral = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ebbot:transcript?" + FAST).convertBodyTo(ChatTranscript.class)
                        .process(e -> neutral.add(e.getMessage().getBody(ChatTranscript.class)));
            }
        });

        await().until(() -> neutral.size() == 1);

        ChatTranscript transcript = neutral.get(0);
        assertThat(transcript.conversation().vendor()).isEqualTo("ebbot");
        assertThat(transcript.conversation().conversationId()).isEqualTo(chatId);
        assertThat(transcript.conversation().status()).isEqualTo("closed");
        assertThat(transcript.conversation().startedAt()).isEqualTo(start);
        assertThat(transcript.conversation().userName()).isEqualTo("Jane");
        assertThat(transcript.messages()).extracting(m -> m.sender(), m -> m.text(), m -> m.sentAt(), m -> m.messageId())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ChatParticipant.USER, "Hi", start, chatId + "#0"),
                        org.assertj.core.groups.Tuple.tuple(ChatParticipant.AGENT, "Hello Jane", start.plusSeconds(4),
                                chatId + "#1"));
    }

    @Test
    void oneChatsMessagesArriveOneExchangeEachAsTheyAreWritten() throws Exception {
        String chatId = chatWith(Instant.now().minusSeconds(10), "user:first", "bot:second");
        List<String> ids = new CopyOnWriteArrayList<>();
        List<String> texts = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ebbot:transcript?failedItemDelay=300&chatId=" + chatId + "&" + FAST).process(e -> {
                    assertThat(e.getMessage().getHeader(EbbotConstants.CHAT_ID)).isEqualTo(chatId);
                    ids.add(e.getMessage().getHeader(EbbotConstants.MESSAGE_ID, String.class));
                    texts.add(e.getMessage().getBody(EbbotMessage.class).text());
                });
            }
        });

        await().until(() -> texts.size() == 2);
        ebbot().addMessage(chatId, "user", "third", Instant.now());
        await().until(() -> texts.size() == 3);
        Thread.sleep(300);

        assertThat(texts).containsExactly("first", "second", "third");
        assertThat(ids).containsExactly(chatId + "#0", chatId + "#1", chatId + "#2");
    }

    @Test
    void aFailedMessageExchangeIsDeliveredAgainWhileTheRestGoOn() throws Exception {
        String chatId = chatWith(Instant.now().minusSeconds(10), "user:first", "bot:second", "user:third");
        List<String> attempts = new CopyOnWriteArrayList<>();
        List<String> texts = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("ebbot:transcript?failedItemDelay=300&chatId=" + chatId + "&" + FAST).process(e -> {
                    String text = e.getMessage().getBody(EbbotMessage.class).text();
                    attempts.add(text);
                    if (text.equals("second") && attempts.indexOf("second") == attempts.size() - 1
                        && attempts.stream().filter("second"::equals).count() == 1) {
                        throw new IllegalStateException("the CRM is down");
                    }
                    texts.add(text);
                });
            }
        });

        await().until(() -> texts.size() == 3);
        Thread.sleep(300);

        assertThat(attempts).containsExactly("first", "second", "third", "second");
        assertThat(texts).containsExactly("first", "third", "second");
    }

    @Test
    void followingOneChatFromNowSkipsItsEarlierMessages() throws Exception {
        String chatId = chatWith(Instant.now().minusSeconds(10), "user:old");
        List<String> texts = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ebbot:transcript?startFrom=now&chatId=" + chatId + "&" + FAST)
                        .process(e -> texts.add(e.getMessage().getBody(EbbotMessage.class).text()));
            }
        });
        await().until(() -> ebbot().requests().size() >= 3);

        ebbot().addMessage(chatId, "user", "new", Instant.now());

        await().until(() -> texts.size() == 1);
        assertThat(texts).containsExactly("new");
    }

    private int transcriptFetches() {
        return (int) ebbot().requests().stream().filter(r -> r.path().endsWith("/transcript")).count();
    }

    private long brokenFetches(String chatId) {
        return ebbot().requests().stream().filter(r -> r.path().endsWith(chatId + "/transcript")).count();
    }

    private String chatWith(Instant start, String... senderAndText) {
        String chatId = ebbot().createChat(start);
        for (int i = 0; i < senderAndText.length; i++) {
            String[] parts = senderAndText[i].split(":", 2);
            ebbot().addMessage(chatId, parts[0], parts[1], start.plusSeconds(i));
        }
        return chatId;
    }

    private void consumeTranscripts(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> {
                    EbbotTranscript transcript = e.getMessage().getBody(EbbotTranscript.class);
                    String status = e.getMessage().getHeader(EbbotConstants.CHAT_STATUS, String.class);
                    if (status != null) {
                        statuses.put(transcript.chatId(), status);
                    }
                    transcripts.add(transcript);
                });
            }
        });
    }

}
