package io.github.camelchatbots.component.konversation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.github.camelchatbots.component.konversation.model.KonversationChatMessage;
import io.github.camelchatbots.component.konversation.model.KonversationChatQuery;
import io.github.camelchatbots.component.konversation.model.KonversationPage;
import io.github.camelchatbots.support.model.ChatParticipant;
import io.github.camelchatbots.support.model.ChatTranscript;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A subscriber's chat history: by namespace or channel id, with the flags, a time window, pages. */
class KonversationChatMessagesTest extends KonversationTestSupport {

    private String ann;
    private Instant start;

    private void chat() {
        konversation().freezeTime();
        start = konversation().now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        ann = subscriber("Ann", 1);
        konversation().addIncomingMessage(ann, "Hi", start);
        konversation().addMessage(ann, "out", "text", "Hello! How can I help?", null, start.plusSeconds(1));
        konversation().addIncomingMessage(ann, "Where is my order?", start.plusSeconds(60));
        konversation().addIncomingMessage(ann, "It is 1234", start.plusSeconds(60));
        konversation().addMessage(ann, "agent", "text", "Let me check", null, start.plusSeconds(120));
        konversation().addMessage(ann, "note", "text", "asked twice", null, start.plusSeconds(121));
    }

    @Test
    void theSubscribersMessagesNewestFirstWithTheBotsOnlyWhenAsked() throws Exception {
        chat();

        KonversationPage<?> page = body("konversation:chatMessages", null, Map.of(KonversationConstants.USER_NS, ann),
                KonversationPage.class);
        sent("GET", "/subscriber/chat-messages");
        assertThat(lastRequest().query()).isEqualTo("user_ns=" + ann);
        assertThat(page.data()).extracting(m -> ((KonversationChatMessage) m).text())
                .containsExactly("Let me check", "It is 1234", "Where is my order?", "Hi");
        KonversationChatMessage first = (KonversationChatMessage) page.data().get(0);
        assertThat(first.type()).isEqualTo("agent");
        assertThat(first.senderId()).isEqualTo(ann);
        assertThat(first.msgType()).isEqualTo("text");
        assertThat(first.ts()).isEqualTo(start.plusSeconds(120));
        assertThat(first.id()).isNotNull();

        KonversationPage<?> everything = body("konversation:chatMessages?includeBot=true&includeNote=true"
                                              + "&includeSystem=false&limit=2&page=2", null,
                Map.of(KonversationConstants.USER_NS, ann), KonversationPage.class);
        assertThat(lastRequest().query()).isEqualTo("user_ns=" + ann
                + "&include_bot=1&include_note=1&include_system=0&limit=2&page=2");
        assertThat(everything.data()).extracting(m -> ((KonversationChatMessage) m).text())
                .containsExactly("It is 1234", "Where is my order?");
        assertThat(everything.meta().total()).isEqualTo(6);
        assertThat(everything.meta().lastPage()).isEqualTo(3);
    }

    @Test
    void aTimeWindowByInstantsOrUnixSecondsAndTheChannelsId() throws Exception {
        chat();

        KonversationPage<?> window = body("konversation:chatMessages?userId=61400000001", null,
                Map.of(KonversationConstants.START_TIME, start.plusSeconds(30), KonversationConstants.END_TIME,
                        Long.toString(start.plusSeconds(90).getEpochSecond())), KonversationPage.class);
        assertThat(lastRequest().query()).isEqualTo("user_id=61400000001&start_time=" + start.plusSeconds(30)
                .getEpochSecond() + "&end_time=" + start.plusSeconds(90).getEpochSecond());
        assertThat(window.data()).extracting(m -> ((KonversationChatMessage) m).text())
                .containsExactly("It is 1234", "Where is my order?");

        call("konversation:chatMessages?startTime=" + start.plusSeconds(60) + "&msgType=image", null,
                Map.of(KonversationConstants.USER_NS, ann));
        assertThat(lastRequest().query()).isEqualTo("user_ns=" + ann + "&msg_type=image&start_time="
                + start.plusSeconds(60).getEpochSecond());
    }

    @Test
    void timestampsSentAsTextAreReadToo() {
        chat();
        konversation().chatTimestampsAsText(true);

        KonversationPage<?> page = body("konversation:chatMessages", null, Map.of(KonversationConstants.USER_NS, ann),
                KonversationPage.class);

        assertThat(page.data()).extracting(m -> ((KonversationChatMessage) m).ts()).containsExactly(
                start.plusSeconds(120), start.plusSeconds(60), start.plusSeconds(60), start);
    }

    @Test
    void aPageOfMessagesConvertsToATranscriptOldestFirst() {
        chat();

        KonversationPage<?> page = body("konversation:chatMessages?includeBot=true&includeNote=true", null,
                Map.of(KonversationConstants.USER_NS, ann), KonversationPage.class);
        ChatTranscript transcript = context.getTypeConverter().convertTo(ChatTranscript.class, page);

        assertThat(transcript.conversation().vendor()).isEqualTo("konversation");
        assertThat(transcript.conversation().conversationId()).isEqualTo(ann);
        assertThat(transcript.conversation().startedAt()).isEqualTo(start);
        assertThat(transcript.conversation().lastActivityAt()).isEqualTo(start.plusSeconds(121));
        assertThat(transcript.messages()).extracting(m -> m.sender(), m -> m.text()).containsExactly(
                tuple(ChatParticipant.USER, "Hi"), tuple(ChatParticipant.BOT, "Hello! How can I help?"),
                tuple(ChatParticipant.USER, "Where is my order?"), tuple(ChatParticipant.USER, "It is 1234"),
                tuple(ChatParticipant.AGENT, "Let me check"), tuple(ChatParticipant.OTHER, "asked twice"));
        assertThat(transcript.messages()).extracting(m -> m.messageId()).doesNotHaveDuplicates();
    }

    @Test
    void theTypedClientReadsAPageForAConsumer() {
        chat();
        KonversationEndpoint endpoint = context.getEndpoint("konversation:chatMessages", KonversationEndpoint.class);
        endpoint.start();
        try {
            KonversationPage<KonversationChatMessage> page = endpoint.getClient().chatMessages(
                    new KonversationChatQuery(ann, null, start.plusSeconds(1), null, 1, 100, true, null, null, null));

            assertThat(page.data()).extracting(KonversationChatMessage::text).containsExactly("Let me check",
                    "It is 1234", "Where is my order?", "Hello! How can I help?");
            assertThat(lastRequest().query()).isEqualTo("user_ns=" + ann + "&include_bot=1&start_time="
                    + start.plusSeconds(1).getEpochSecond() + "&limit=100&page=1");
        } finally {
            endpoint.stop();
        }
    }
}
