package io.github.camelchatbots.component.engati;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.engati.model.EngatiConversationPage;
import io.github.camelchatbots.component.engati.model.EngatiMessage;
import io.github.camelchatbots.component.engati.model.EngatiUser;
import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.engati.EngatiSimulation;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.ConversationsKey;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.PageOrder;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.TextField;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.TimestampFormat;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.UsersShape;
import io.github.camelchatbots.support.model.ChatMessage;
import io.github.camelchatbots.support.model.ChatParticipant;
import io.github.camelchatbots.support.model.ChatTranscript;
import io.github.camelchatbots.support.model.ChatUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** users and conversations against the simulator, in every form Engati's undocumented answers may take. */
class EngatiReadsTest extends EngatiTestSupport {

    private static final String PRIYA = "919565428256";
    private static final String ROHAN = "918123456789";
    /** 10:00 in India, the time of the one timestamp sample seen. */
    private static final Instant T0 = Instant.parse("2024-01-01T04:30:00Z");

    @SuppressWarnings("unchecked")
    private List<EngatiUser> users(String uri, Object body, Map<String, Object> headers) {
        return send(uri, body, headers).getMessage().getBody(List.class);
    }

    private EngatiConversationPage conversations(String uri, Object body, Map<String, Object> headers) {
        return send(uri, body, headers).getMessage().getBody(EngatiConversationPage.class);
    }

    private void twoUsers() {
        engati().addUser(PRIYA, "whatsapp", "Priya Nair", Map.of("lead_status", "qualified", "c1", "straberry",
                "email", "priya@example.in"));
        engati().addUser(ROHAN, "whatsapp", "Rohan Iyer", Map.of("lead_status", "new"));
    }

    /** Messages "m0".."m{n-1}", one second apart from T0, user and bot taking turns. */
    private void addMessages(String user, int count) {
        for (int i = 0; i < count; i++) {
            engati().addMessage(user, i % 2 == 0 ? "user" : "bot", "m" + i, T0.plusSeconds(i));
        }
    }

    private static List<String> texts(EngatiConversationPage page) {
        return page.messages().stream().map(EngatiMessage::text).toList();
    }

    @Test
    void usersMatchTheAttributeFromOptionsHeadersOrBody() {
        twoUsers();

        List<EngatiUser> qualified = users("engati:users?attributeName=lead_status&attributeValue=qualified", null,
                Map.of());
        assertThat(qualified).singleElement().satisfies(user -> {
            assertThat(user.channelUserId()).isEqualTo(PRIYA);
            assertThat(user.userId()).matches("[0-9a-f]{32}");
            assertThat(user.channel()).isEqualTo("whatsapp");
            assertThat(user.name()).isEqualTo("Priya Nair");
            assertThat(user.attributes()).containsEntry("lead_status", "qualified").containsEntry("c1", "straberry");
            assertThat(user.createdAt()).isNotNull();
        });
        assertThat(lastRequest().header("authorization")).isEqualTo("Basic " + apiKey);

        assertThat(users("engati:users?attributeName=lead_status&attributeValue=qualified", null,
                Map.of(EngatiConstants.ATTRIBUTE_VALUE, "new"))).extracting(EngatiUser::channelUserId)
                .containsExactly(ROHAN);
        assertThat(users("engati:users", Map.of("attributeName", "c1", "attributeValue", "straberry"), Map.of()))
                .extracting(EngatiUser::channelUserId).containsExactly(PRIYA);
        assertThat(users("engati:users?attributeName=lead_status&attributeValue=lost", null, Map.of())).isEmpty();
        assertThat(lastRequest().query()).isEqualTo("attribute_name=lead_status&attribute_value=lost");
    }

    @ParameterizedTest
    @EnumSource(UsersShape.class)
    void usersAreReadFromEveryShapeOfTheAnswer(UsersShape shape) {
        twoUsers();
        engati().setUsersShape(shape);

        List<EngatiUser> users = users("engati:users?attributeName=lead_status&attributeValue=qualified", null,
                Map.of());

        assertThat(users).extracting(EngatiUser::channelUserId).containsExactly(PRIYA);
        assertThat(users.get(0).attributes()).containsEntry("c1", "straberry");
    }

    @Test
    void aUserConvertsToTheNeutralModel() {
        twoUsers();
        EngatiUser user = users("engati:users?attributeName=c1&attributeValue=straberry", null, Map.of()).get(0);

        ChatUser neutral = context.getTypeConverter().convertTo(ChatUser.class, user);

        assertThat(neutral.vendor()).isEqualTo("engati");
        assertThat(neutral.userId()).isEqualTo(PRIYA);
        assertThat(neutral.name()).isEqualTo("Priya Nair");
        assertThat(neutral.email()).isEqualTo("priya@example.in");
        assertThat(neutral.createdAt()).isEqualTo(user.createdAt());
        assertThat(neutral.attributes()).containsEntry("lead_status", "qualified");
    }

    @Test
    void aPageOfTheHistoryWithEveryField() {
        engati().addUser(PRIYA, "whatsapp", "Priya Nair", Map.of());
        addMessages(PRIYA, 5);

        EngatiConversationPage page = conversations("engati:conversations?channelUserId=" + PRIYA, null, Map.of());

        assertThat(page.channelUserId()).isEqualTo(PRIYA);
        assertThat(page.pageNumber()).as("none asked for: Engati's first page").isNull();
        assertThat(page.pageSize()).isEqualTo(500);
        assertThat(page.full()).isFalse();
        assertThat(texts(page)).containsExactly("m0", "m1", "m2", "m3", "m4");
        EngatiMessage first = page.messages().get(0);
        assertThat(first.messageId()).isEqualTo(engati().messages(PRIYA).get(0).messageId());
        assertThat(first.sender()).isEqualTo("user");
        assertThat(first.timestamp()).as("read from 2024-01-01 10:00:00.000+0530").isEqualTo(T0);
        assertThat(first.messageType()).isEqualTo("text");
        assertThat(first.channelUserId()).isEqualTo(PRIYA);
        assertThat(page.messages().get(1).sender()).isEqualTo("bot");
        RecordedRequest request = lastRequest();
        assertThat(request.path()).isEqualTo("/bot-api/v1.0/customer/10294/bot/1a1c9bfa5e0f41ed/channel-user/"
                                             + PRIYA + "/conversations");
        assertThat(request.query()).isEqualTo("page_size=500");
    }

    @Test
    void datesAndPagesGoOnTheWireAsEngatiTakesThem() {
        engati().addUser(PRIYA, "whatsapp", "Priya Nair", Map.of());
        addMessages(PRIYA, 10);
        long from = T0.plusSeconds(2).toEpochMilli();
        long to = T0.plusSeconds(7).toEpochMilli();

        EngatiConversationPage page = conversations("engati:conversations?channelUserId=" + PRIYA
                                                    + "&startDate=2024-01-01T04:30:02Z&endDate=" + to
                                                    + "&pageNumber=2&pageSize=2", null, Map.of());

        assertThat(lastRequest().query()).isEqualTo("start_date=" + from + "&end_date=" + to
                                                     + "&page_number=2&page_size=2");
        assertThat(texts(page)).containsExactly("m4", "m5");
        assertThat(page.pageNumber()).isEqualTo(2);
        assertThat(page.full()).isTrue();
    }

    @Test
    void datesComeFromHeadersInAnyFormAndFromTheBody() {
        engati().addUser(PRIYA, "whatsapp", "Priya Nair", Map.of());
        addMessages(PRIYA, 10);
        String uri = "engati:conversations?channelUserId=" + PRIYA + "&startDate=2024-01-01T04:30:05Z";

        assertThat(texts(conversations(uri, null, Map.of()))).containsExactly("m5", "m6", "m7", "m8", "m9");
        assertThat(texts(conversations(uri, null, Map.of(EngatiConstants.START_DATE, T0.plusSeconds(8)))))
                .containsExactly("m8", "m9");
        assertThat(texts(conversations(uri, null, Map.of(EngatiConstants.START_DATE,
                Date.from(T0.plusSeconds(9)))))).containsExactly("m9");
        assertThat(texts(conversations(uri, null, Map.of(EngatiConstants.START_DATE, T0.toEpochMilli(),
                EngatiConstants.END_DATE, "2024-01-01 10:00:01.000+0530")))).containsExactly("m0", "m1");
        assertThat(texts(conversations(uri, null, Map.of(EngatiConstants.END_DATE,
                T0.plusSeconds(6).atOffset(ZoneOffset.ofHours(2)))))).containsExactly("m5", "m6");
        assertThat(texts(conversations("engati:conversations", Map.of("channelUserId", PRIYA,
                "startDate", T0.plusSeconds(7).toEpochMilli(), "endDate", "2024-01-01T04:30:08Z"), Map.of())))
                .containsExactly("m7", "m8");
    }

    @Test
    void theUserComesFromTheHeaderOrFromAUserRecordInTheBody() {
        twoUsers();
        engati().addMessage(PRIYA, "user", "from Priya", T0);
        engati().addMessage(ROHAN, "user", "from Rohan", T0);
        EngatiUser rohan = users("engati:users?attributeName=lead_status&attributeValue=new", null, Map.of()).get(0);

        assertThat(texts(conversations("engati:conversations?channelUserId=" + ROHAN, null,
                Map.of(EngatiConstants.CHANNEL_USER_ID, PRIYA)))).containsExactly("from Priya");
        assertThat(texts(conversations("engati:conversations", rohan, Map.of()))).containsExactly("from Rohan");
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void theTextIsReadFromWhicheverFieldHoldsIt(TextField field) {
        engati().addUser(PRIYA, "whatsapp", "Priya Nair", Map.of());
        addMessages(PRIYA, 2);
        engati().setMessageTextField(field);

        EngatiConversationPage page = conversations("engati:conversations?channelUserId=" + PRIYA, null, Map.of());

        assertThat(texts(page)).containsExactly("m0", "m1");
        assertThat(page.messages().get(0).other()).doesNotContainKeys("text", "response", "message");
    }

    @ParameterizedTest
    @EnumSource(TimestampFormat.class)
    void timestampsAreReadInEveryForm(TimestampFormat format) {
        engati().addUser(PRIYA, "whatsapp", "Priya Nair", Map.of());
        engati().addMessage(PRIYA, "user", "hello", T0.plusMillis(1234));
        engati().setTimestampFormat(format);
        engati().setTimestampOffset(ZoneOffset.ofHours(-3));

        EngatiConversationPage page = conversations("engati:conversations?channelUserId=" + PRIYA, null, Map.of());

        assertThat(page.messages().get(0).timestamp()).isEqualTo(T0.plusMillis(1234));
    }

    @Test
    void theListIsReadUnderEitherKey() {
        engati().addUser(PRIYA, "whatsapp", "Priya Nair", Map.of());
        addMessages(PRIYA, 3);
        engati().setConversationsKey(ConversationsKey.MESSAGES);

        assertThat(texts(conversations("engati:conversations?channelUserId=" + PRIYA, null, Map.of())))
                .containsExactly("m0", "m1", "m2");
    }

    @Test
    void pagesCountFromZeroWhenTheAccountDoes() {
        engati().addUser(PRIYA, "whatsapp", "Priya Nair", Map.of());
        addMessages(PRIYA, 5);
        engati().setPageNumbersStartAtZero(true);
        String uri = "engati:conversations?firstPageNumber=0&pageSize=2&channelUserId=" + PRIYA;

        assertThat(texts(conversations(uri + "&pageNumber=0", null, Map.of()))).containsExactly("m0", "m1");
        assertThat(texts(conversations(uri, null, Map.of(EngatiConstants.PAGE_NUMBER, 2)))).containsExactly("m4");
    }

    @Test
    void aPageAnsweredNewestFirstIsKeptAsSentAndItsTranscriptIsOldestFirst() {
        engati().addUser(PRIYA, "whatsapp", "Priya Nair", Map.of());
        engati().addMessage(PRIYA, "user", "Where is my order?", T0);
        engati().addMessage(PRIYA, "bot", "Let me check.", T0.plusSeconds(1));
        engati().addMessage(PRIYA, "agent", "Neha here: it ships today.", T0.plusSeconds(60));
        engati().setPageOrder(PageOrder.NEWEST_FIRST);

        EngatiConversationPage page = conversations("engati:conversations?channelUserId=" + PRIYA, null, Map.of());
        ChatTranscript transcript = context.getTypeConverter().convertTo(ChatTranscript.class, page);

        assertThat(page.messages()).extracting(EngatiMessage::sender).containsExactly("agent", "bot", "user");
        assertThat(transcript.conversation().vendor()).isEqualTo("engati");
        assertThat(transcript.conversation().conversationId()).isEqualTo(PRIYA);
        assertThat(transcript.conversation().userId()).isEqualTo(PRIYA);
        assertThat(transcript.conversation().startedAt()).isEqualTo(T0);
        assertThat(transcript.conversation().lastActivityAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(transcript.messages()).extracting(ChatMessage::sender)
                .containsExactly(ChatParticipant.USER, ChatParticipant.BOT, ChatParticipant.AGENT);
        assertThat(transcript.messages()).extracting(ChatMessage::text)
                .containsExactly("Where is my order?", "Let me check.", "Neha here: it ships today.");
        assertThat(transcript.messages()).extracting(ChatMessage::messageId)
                .containsExactly(engati().messages(PRIYA).stream().map(EngatiSimulation.Message::messageId)
                        .toArray(String[]::new));
        assertThat(transcript.messages()).allMatch(message -> PRIYA.equals(message.conversationId()));
    }

    @Test
    void messagesWithoutAnIdGetOneThatStaysTheSame() {
        engati().addUser(PRIYA, "whatsapp", "Priya Nair", Map.of());
        engati().addMessage(PRIYA, "user", "hello", T0);
        engati().addMessage(PRIYA, "bot", "hello", T0);
        engati().addMessage(PRIYA, "user", "hello", T0.plusMillis(1));
        engati().setMessageIdIncluded(false);
        String uri = "engati:conversations?channelUserId=" + PRIYA;

        List<String> ids = conversations(uri, null, Map.of()).messages().stream().map(EngatiMessage::stableId)
                .toList();

        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("t\\d+-[0-9a-f]{16}"));
        assertThat(conversations(uri, null, Map.of()).messages()).extracting(EngatiMessage::stableId)
                .containsExactlyElementsOf(ids);
        assertThat(context.getTypeConverter().convertTo(ChatTranscript.class, conversations(uri, null, Map.of()))
                .messages()).extracting(ChatMessage::messageId).containsExactlyElementsOf(ids);
    }

    @Test
    void aFlowTriggeredForAUserGrowsTheirHistory() {
        engati().registerFlow("27055FA465AE4076BD2D41403A62B1B7", "Welcome!", "What is your budget?");
        String uri = "engati:conversations?channelUserId=919876543210";
        assertThat(conversations(uri, null, Map.of()).messages()).isEmpty();

        send("engati:triggerFlow?flowKey=27055FA465AE4076BD2D41403A62B1B7",
                Map.of("user.phone_no", "919876543210", "user.channel", "whatsapp"), Map.of());

        assertThat(texts(conversations(uri, null, Map.of()))).containsExactly("Welcome!", "What is your budget?");
    }
}
