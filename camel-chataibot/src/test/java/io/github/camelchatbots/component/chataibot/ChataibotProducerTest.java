package io.github.camelchatbots.component.chataibot;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelchatbots.component.chataibot.model.ChataibotContact;
import io.github.camelchatbots.component.chataibot.model.ChataibotConversationStart;
import io.github.camelchatbots.component.chataibot.model.ChataibotMessage;
import io.github.camelchatbots.component.chataibot.model.ChataibotMessageSent;
import io.github.camelchatbots.component.chataibot.model.ChataibotVariables;
import io.github.camelchatbots.simulator.FixtureServer;
import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.ConversationView;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Message;
import io.github.camelchatbots.simulator.chataibot.ReplyDelivery;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** startConversation and sendMessage over HTTP against the simulator, checked on the wire and in the simulator. */
class ChataibotProducerTest extends ChataibotTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fixture as the seed prints it, written compactly: the exact bytes a client must send. */
    private static String compact(String fixture) throws Exception {
        return JSON.writeValueAsString(JSON.readTree(FixtureServer.resource(fixture)));
    }

    @Test
    void startConversationSendsExactlyTheSeedsRequest() throws Exception {
        chataibot().registerBot("<bot_key>");
        ChataibotVariables variables = new ChataibotVariables(
                new java.util.LinkedHashMap<>(Map.of("timezone", "Asia/Calcutta")),
                ChataibotContact.of("User Name", "example@domain.com", "1234567890"), Map.of("variable", "value"));
        // the system variables in the seed's order
        variables.system().put("referrerUrl", "https://chataibot.io");
        variables.system().put("browserLanguage", "en-GB");

        Exchange started = send("chataibot:startConversation", "Hello", Map.of(ChataibotConstants.BOT_KEY,
                "<bot_key>", ChataibotConstants.USER_EXTERNAL_ID, "<visitor_id>", ChataibotConstants.VARIABLES,
                variables));

        RecordedRequest request = lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/conversations");
        assertThat(request.header("authorization")).isEqualTo("Bearer " + accessToken);
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(request.body()).isEqualTo(compact("seed-start-conversation-request.json"));

        ChataibotConversationStart answer = started.getMessage().getBody(ChataibotConversationStart.class);
        ConversationView conversation = chataibot().conversation(answer.conversationId());
        assertThat(conversation.userExternalId()).isEqualTo("<visitor_id>");
        assertThat(conversation.variables().path("conversation").path("variable").asText()).isEqualTo("value");
        assertThat(answer.conversation().createdAt()).isEqualTo(conversation.createdAt());
        assertThat(answer.conversation().assignee().id()).isEqualTo(chataibot().bot("<bot_key>").userId());
        assertThat(answer.conversation().assignee().to()).isEqualTo(chataibot().bot("<bot_key>").userEmail());
        assertThat(answer.contact()).isEqualTo(new ChataibotContact("User Name", "example@domain.com", "1234567890",
                "<visitor_id>_" + chataibot().accountId(), null));
        assertThat(started.getMessage().getHeaders())
                .containsEntry(ChataibotConstants.CONVERSATION_ID, answer.conversationId())
                .containsEntry(ChataibotConstants.CONVERSATION_STARTED, true)
                .containsEntry(ChataibotConstants.VISITOR_KEY, "<visitor_id>_" + chataibot().accountId());
    }

    @Test
    void withoutVariablesTheStartRequestLeavesThemOut() {
        String visitor = newVisitor();
        send("chataibot:startConversation?botKey=" + BOT_KEY, "Hi there", Map.of(ChataibotConstants.USER_EXTERNAL_ID,
                visitor));

        assertThat(lastRequest().body()).isEqualTo("{\"channel\":\"API\",\"message\":{\"data\":{\"body\":\"Hi there\"},"
                                                   + "\"type\":\"text\"},\"bot_key\":\"" + BOT_KEY + "\",\"from\":{"
                                                   + "\"user_external_id\":\"" + visitor + "\",\"type\":\"VISITOR\"}}");
    }

    @Test
    void sendMessageSendsExactlyTheSeedsRequestAndReturnsTheMessageId() throws Exception {
        String conversationId = chataibot().startConversation(BOT_KEY, newVisitor(), "Hi");

        Exchange sent = send("chataibot:sendMessage", "Hello", Map.of(ChataibotConstants.CONVERSATION_ID,
                conversationId));

        RecordedRequest request = lastRequest();
        assertThat(request.path()).isEqualTo("/api/v1/conversation/" + conversationId + "/messages");
        assertThat(request.header("authorization")).isEqualTo("Bearer " + accessToken);
        assertThat(request.body()).isEqualTo(compact("seed-send-message-request.json"));
        ChataibotMessageSent answer = sent.getMessage().getBody(ChataibotMessageSent.class);
        List<Message> messages = chataibot().conversation(conversationId).messages();
        Message visitorsMessage = messages.stream().filter(m -> m.text().equals("Hello")).findFirst().orElseThrow();
        assertThat(answer.messageId()).isEqualTo(visitorsMessage.id()).hasSize(32);
        assertThat(answer.conversationId()).isEqualTo(conversationId);
        assertThat(answer.startedConversation()).isFalse();
        assertThat(sent.getMessage().getHeaders()).containsEntry(ChataibotConstants.MESSAGE_ID, answer.messageId())
                .containsEntry(ChataibotConstants.CONVERSATION_ID, conversationId)
                .containsEntry(ChataibotConstants.CONVERSATION_STARTED, false);
    }

    @Test
    void theVisitorsFirstMessageStartsTheirConversationAndTheNextOnesContinueIt() {
        chataibot().scriptAnswer(BOT_KEY, "hello", "Hi! How can I help?");
        chataibot().scriptAnswer(BOT_KEY, "opening hours", "We're open 9 to 17.");
        String visitor = newVisitor();
        String uri = "chataibot:sendMessage?botKey=" + BOT_KEY + "&userExternalId=" + visitor;

        Exchange first = send(uri, "hello", Map.of());
        ChataibotMessageSent started = first.getMessage().getBody(ChataibotMessageSent.class);
        Exchange second = send(uri, "opening hours?", Map.of());
        ChataibotMessageSent continued = second.getMessage().getBody(ChataibotMessageSent.class);

        assertThat(chataibot().conversationIds()).containsExactly(started.conversationId());
        assertThat(started.startedConversation()).isTrue();
        assertThat(started.messageId()).isNull();
        assertThat(started.start().visitorKey()).isEqualTo(visitor + "_" + chataibot().accountId());
        assertThat(first.getMessage().getHeaders()).containsEntry(ChataibotConstants.CONVERSATION_STARTED, true)
                .doesNotContainKey(ChataibotConstants.MESSAGE_ID);
        assertThat(continued.conversationId()).isEqualTo(started.conversationId());
        assertThat(continued.startedConversation()).isFalse();
        assertThat(continued.replies()).as("the simulator answers with the replies to both messages")
                .extracting(reply -> reply.text()).containsExactly("Hi! How can I help?", "We're open 9 to 17.");
        assertThat(chataibot().conversation(started.conversationId()).messages()).extracting(Message::from,
                Message::text).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("VISITOR", "hello"),
                        org.assertj.core.groups.Tuple.tuple("BOT", "Hi! How can I help?"),
                        org.assertj.core.groups.Tuple.tuple("VISITOR", "opening hours?"),
                        org.assertj.core.groups.Tuple.tuple("BOT", "We're open 9 to 17."));
        assertThat(chataibot().requests()).extracting(RecordedRequest::path)
                .containsExactly("/api/v1/conversations",
                        "/api/v1/conversation/" + started.conversationId() + "/messages");
    }

    @Test
    void visitorsAndBotsEachHaveTheirOwnConversation() {
        chataibot().registerBot("other-bot");
        String ann = newVisitor();
        String bob = newVisitor();

        String annWithBot = conversationOf(BOT_KEY, ann);
        String bobWithBot = conversationOf(BOT_KEY, bob);
        String annWithOther = conversationOf("other-bot", ann);

        assertThat(List.of(annWithBot, bobWithBot, annWithOther)).doesNotHaveDuplicates();
        assertThat(conversationOf(BOT_KEY, ann)).isEqualTo(annWithBot);
        assertThat(conversationOf("other-bot", ann)).isEqualTo(annWithOther);
        assertThat(chataibot().conversation(annWithOther).botKey()).isEqualTo("other-bot");
    }

    private String conversationOf(String botKey, String visitor) {
        return send("chataibot:sendMessage", "hi", Map.of(ChataibotConstants.BOT_KEY, botKey,
                ChataibotConstants.USER_EXTERNAL_ID, visitor)).getMessage()
                .getHeader(ChataibotConstants.CONVERSATION_ID, String.class);
    }

    @Test
    void aStartedConversationIsTheVisitorsFromThenOn() {
        String visitor = newVisitor();
        String conversationId = send("chataibot:startConversation", "Hello", Map.of(ChataibotConstants.BOT_KEY,
                BOT_KEY, ChataibotConstants.USER_EXTERNAL_ID, visitor)).getMessage()
                .getBody(ChataibotConversationStart.class).conversationId();

        assertThat(conversationOf(BOT_KEY, visitor)).isEqualTo(conversationId);
        assertThat(chataibot().conversationIds()).containsExactly(conversationId);
    }

    @Test
    void aConversationChatAiBotNoLongerKnowsIsReplacedByANewOneStartedWithTheMessage() {
        String visitor = newVisitor();
        String gone = conversationOf(BOT_KEY, visitor);
        chataibot().deleteConversation(gone);

        ChataibotMessageSent sent = send("chataibot:sendMessage", "are you there?", Map.of(ChataibotConstants.BOT_KEY,
                BOT_KEY, ChataibotConstants.USER_EXTERNAL_ID, visitor)).getMessage()
                .getBody(ChataibotMessageSent.class);

        assertThat(sent.startedConversation()).isTrue();
        assertThat(sent.conversationId()).isNotEqualTo(gone);
        assertThat(chataibot().conversation(sent.conversationId()).messages()).first().extracting(Message::text)
                .isEqualTo("are you there?");
        assertThat(conversationOf(BOT_KEY, visitor)).isEqualTo(sent.conversationId());
    }

    @Test
    void theMessageComesAsTextAsARecordOrAsAMapOrJsonObject() {
        String conversationId = chataibot().startConversation(BOT_KEY, newVisitor(), "Hi");
        Map<String, Object> toIt = Map.of(ChataibotConstants.CONVERSATION_ID, conversationId);

        send("chataibot:sendMessage", ChataibotMessage.ofText("as a record"), toIt);
        send("chataibot:sendMessage", Map.of("message", Map.of("type", "text", "data", Map.of("body", "as a map"))),
                toIt);
        send("chataibot:sendMessage", "{\"message\":\"as JSON text\"}", toIt);
        send("chataibot:sendMessage", "{\"data\":{\"body\":\"a message itself\"},\"type\":\"text\"}", toIt);
        send("chataibot:sendMessage?messageType=text", "  plain text, kept as it is  ", toIt);

        assertThat(chataibot().conversation(conversationId).messages()).filteredOn(m -> m.from().equals("VISITOR"))
                .extracting(Message::text).containsExactly("Hi", "as a record", "as a map", "as JSON text",
                        "a message itself", "  plain text, kept as it is  ");
    }

    @Test
    void theConversationAndVisitorMayComeFromTheBody() {
        String visitor = newVisitor();
        Exchange started = send("chataibot:sendMessage", Map.of("bot_key", BOT_KEY, "user_external_id", visitor,
                "message", "from the body", "variables", Map.of("contact", Map.of("name", "Ann Body"))), Map.of());
        String conversationId = started.getMessage().getHeader(ChataibotConstants.CONVERSATION_ID, String.class);
        send("chataibot:sendMessage", Map.of("conversation_id", conversationId, "message", "by id"), Map.of());

        ConversationView conversation = chataibot().conversation(conversationId);
        assertThat(conversation.userExternalId()).isEqualTo(visitor);
        assertThat(conversation.contact().name()).isEqualTo("Ann Body");
        assertThat(conversation.messages()).filteredOn(m -> m.from().equals("VISITOR")).extracting(Message::text)
                .containsExactly("from the body", "by id");
    }

    @Test
    void headersOverrideBodyFieldsAndOptions() {
        String visitor = newVisitor();
        String fromHeader = newVisitor();
        send("chataibot:startConversation?botKey=" + BOT_KEY + "&userExternalId=" + visitor,
                Map.of("user_external_id", "from-the-body", "message", "hi"),
                Map.of(ChataibotConstants.USER_EXTERNAL_ID, fromHeader));
        send("chataibot:startConversation?botKey=" + BOT_KEY + "&userExternalId=" + visitor,
                Map.of("user_external_id", "from-the-body", "message", "hi"), Map.of());
        send("chataibot:startConversation?botKey=" + BOT_KEY + "&userExternalId=" + visitor, "hi", Map.of());

        assertThat(chataibot().conversationIds()).map(id -> chataibot().conversation(id).userExternalId())
                .containsExactly(fromHeader, "from-the-body", visitor);
    }

    @Test
    void variablesComeFromAHeaderTheBodyOrABean() {
        context.getRegistry().bind("visitorVariables", ChataibotVariables.ofContact(
                ChataibotContact.of("Bean Visitor", null, null)));
        String fromBean = conversationStartedWith("chataibot:startConversation?variables=#visitorVariables", "hi",
                Map.of());
        String fromHeaderMap = conversationStartedWith("chataibot:startConversation?variables=#visitorVariables", "hi",
                Map.of(ChataibotConstants.VARIABLES, Map.of("contact", Map.of("email", "header@example.com"))));
        String fromBody = conversationStartedWith("chataibot:startConversation?variables=#visitorVariables",
                Map.of("message", "hi", "variables", Map.of("system", Map.of("timezone", "Europe/Berlin"))), Map.of());

        assertThat(chataibot().conversation(fromBean).variables().path("contact").path("name").asText())
                .isEqualTo("Bean Visitor");
        assertThat(chataibot().conversation(fromHeaderMap).variables().path("contact").path("email").asText())
                .isEqualTo("header@example.com");
        JsonNode bodyVariables = chataibot().conversation(fromBody).variables();
        assertThat(bodyVariables.path("system").path("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(bodyVariables.has("contact")).isFalse();
    }

    private String conversationStartedWith(String uri, Object body, Map<String, Object> headers) {
        Map<String, Object> all = new java.util.HashMap<>(headers);
        all.put(ChataibotConstants.BOT_KEY, BOT_KEY);
        all.put(ChataibotConstants.USER_EXTERNAL_ID, newVisitor());
        return send(uri, body, all).getMessage().getHeader(ChataibotConstants.CONVERSATION_ID, String.class);
    }

    @Test
    void repliesInTheAnswerAreReadAndBelongToTheConversation() {
        chataibot().scriptAnswer(BOT_KEY, "price", "Plans start at 10 EUR.", "Want a demo?");
        String conversationId = chataibot().startConversation(BOT_KEY, newVisitor(), "Hi");

        ChataibotMessageSent sent = send("chataibot:sendMessage?conversationId=" + conversationId, "price?", Map.of())
                .getMessage().getBody(ChataibotMessageSent.class);

        assertThat(sent.replies()).extracting(reply -> reply.text()).containsExactly(
                ChataibotSimulation.DEFAULT_FALLBACK_ANSWER, "Plans start at 10 EUR.", "Want a demo?");
        List<Message> botMessages = chataibot().conversation(conversationId).messages().stream()
                .filter(m -> m.from().equals("BOT")).toList();
        assertThat(sent.replies()).allSatisfy(reply -> {
            assertThat(reply.conversationId()).isEqualTo(conversationId);
            assertThat(reply.senderType()).isEqualTo("BOT");
            assertThat(reply.message().type()).isEqualTo("text");
        });
        assertThat(sent.replies()).extracting(reply -> reply.messageId())
                .containsExactlyElementsOf(botMessages.stream().map(Message::id).toList());
        assertThat(sent.replies()).extracting(reply -> reply.createdAt())
                .containsExactlyElementsOf(botMessages.stream().map(Message::createdAt).toList());
    }

    @Test
    void withRepliesDeliveredElsewhereTheAnswerHasNone() {
        chataibot().setReplyDelivery(ReplyDelivery.NONE);
        String conversationId = chataibot().startConversation(BOT_KEY, newVisitor(), "Hi");

        ChataibotMessageSent sent = send("chataibot:sendMessage?conversationId=" + conversationId, "Hello", Map.of())
                .getMessage().getBody(ChataibotMessageSent.class);

        assertThat(sent.replies()).isEmpty();
        assertThat(sent.messageId()).hasSize(32);
    }
}
