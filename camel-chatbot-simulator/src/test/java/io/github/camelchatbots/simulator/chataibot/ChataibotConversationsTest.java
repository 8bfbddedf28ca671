package io.github.camelchatbots.simulator.chataibot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.TestHttp;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.ConversationView;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The API channel: starting conversations, sending visitor messages, the scripted bot and replies in the answer. */
class ChataibotConversationsTest extends ChataibotApiTestSupport {

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** The field names of every object in the tree, by path, so that two answers can be compared by shape. */
    private static List<String> shape(JsonNode node, String path) {
        List<String> paths = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            paths.add(path + "/" + name);
            paths.addAll(shape(node.get(name), path + "/" + name));
        }
        return paths;
    }

    private static Instant createdAt(JsonNode node) {
        return LocalDateTime.parse(node.get("created_at").asText(), CREATED_AT).toInstant(ZoneOffset.UTC);
    }

    private static void assertBadRequest(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(TestHttp.json(response)).isEqualTo(Json.of("ok", false, "error", error));
    }

    @Test
    void theSeedsStartRequestIsAcceptedAndAnsweredInTheSeedsShape() {
        HttpResponse<String> response = http.post(START, ChataibotHttp.startRequest(BOT_KEY, VISITOR));

        JsonNode body = ChataibotHttp.ok(response);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(shape(body, "")).isEqualTo(shape(TestHttp.json(ChataibotHttp.SEED_START_RESPONSE), ""));
        String conversationId = chataibot.conversationIds().get(0);
        ConversationView conversation = chataibot.conversation(conversationId);
        assertThat(body.at("/conversation/id").asText()).isEqualTo(conversationId).matches("[0-9a-f]{24}");
        assertThat(body.at("/conversation/created_at").asText())
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(createdAt(body.get("conversation"))).isEqualTo(conversation.createdAt());
        assertThat(conversation.createdAt()).as("the clock stands still").isEqualTo(chataibot.now());
        assertThat(body.at("/conversation/assignee")).isEqualTo(
                Json.of("id", "65a1f0c2e4b0a1b2c3d4e5f6", "to", "support-bot@example.com"));
        assertThat(body.get("contact")).isEqualTo(Json.of("name", "User Name", "email", "example@domain.com",
                "phone", "1234567890", "visitor_key", VISITOR + "_73105"));

        assertThat(conversation.botKey()).isEqualTo(BOT_KEY);
        assertThat(conversation.userExternalId()).isEqualTo(VISITOR);
        assertThat(conversation.visitorKey()).isEqualTo(VISITOR + "_" + chataibot.accountId());
        assertThat(conversation.variables())
                .isEqualTo(TestHttp.json(ChataibotHttp.SEED_START_REQUEST).get("variables"));
        assertThat(conversation.messages()).extracting(Message::from, Message::text).containsExactly(
                tuple("VISITOR", "Hello"),
                tuple("BOT", ChataibotSimulation.DEFAULT_FALLBACK_ANSWER));
    }

    @Test
    void theSeedsSendRequestIsAcceptedAndAnsweredInTheSeedsShape() {
        String conversationId = http.start(BOT_KEY, VISITOR);
        chataibot.setReplyDelivery(ReplyDelivery.NONE);

        HttpResponse<String> response = http.post(messages(conversationId), ChataibotHttp.SEED_SEND_REQUEST);

        JsonNode body = ChataibotHttp.ok(response);
        assertThat(shape(body, "")).isEqualTo(shape(TestHttp.json(ChataibotHttp.SEED_SEND_RESPONSE), ""));
        assertThat(body.get("message_id").asText()).matches("[A-Za-z0-9]{32}");
        List<Message> messages = chataibot.conversation(conversationId).messages();
        assertThat(messages).hasSize(4);
        assertThat(messages.get(2).id()).isEqualTo(body.get("message_id").asText());
        assertThat(messages.get(2).from()).isEqualTo("VISITOR");
        assertThat(messages).extracting(Message::id).doesNotHaveDuplicates();
    }

    @Test
    void variablesAreOptional() {
        ObjectNode request = (ObjectNode) TestHttp.json(ChataibotHttp.startRequest(BOT_KEY, VISITOR));
        request.remove("variables");

        JsonNode body = ChataibotHttp.ok(http.post(START, request.toString()));

        assertThat(body.get("contact")).isEqualTo(Json.of("name", null, "email", null, "phone", null,
                "visitor_key", VISITOR + "_73105"));
        assertThat(chataibot.conversation(body.at("/conversation/id").asText()).variables()).isEmpty();
    }

    @Test
    void aVisitorsContactIsKeptAcrossTheirConversations() {
        chataibot.setAccountId("555");
        http.start(BOT_KEY, VISITOR);
        ObjectNode request = (ObjectNode) TestHttp.json(ChataibotHttp.startRequest(BOT_KEY, VISITOR));
        ((ObjectNode) request.at("/variables/contact")).put("phone", "9999999999").remove("email");

        JsonNode body = ChataibotHttp.ok(http.post(START, request.toString()));

        assertThat(body.get("contact")).isEqualTo(Json.of("name", "User Name", "email", "example@domain.com",
                "phone", "9999999999", "visitor_key", VISITOR + "_555"));
        assertThat(chataibot.conversationIds()).as("a new conversation each time").hasSize(2);
        ChataibotHttp.ok(http.post(START, ChataibotHttp.startRequest(BOT_KEY, "someone-else")));
        assertThat(chataibot.conversation(chataibot.conversationIds().get(2)).contact().phone())
                .isEqualTo("1234567890");
    }

    /** Each case: a JSON pointer into the seed's request, the JSON to put there or {@code <remove>}, the error. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "/channel | <remove> | channel is required",
        "/channel | \"WEB\" | channel must be \"API\"",
        "/channel | null | channel is required",
        "/message | <remove> | message is required",
        "/message | \"Hello\" | message must be an object",
        "/message/type | <remove> | message.type is required",
        "/message/type | \"image\" | message.type must be \"text\"",
        "/message/data | <remove> | message.data is required",
        "/message/data | [] | message.data must be an object",
        "/message/data/body | <remove> | message.data.body is required",
        "/message/data/body | \"  \" | message.data.body must be a non-empty string",
        "/message/data/body | 42 | message.data.body must be a non-empty string",
        "/variables | \"x\" | variables must be an object",
        "/variables/system | \"x\" | variables.system must be an object",
        "/variables/contact | \"x\" | variables.contact must be an object",
        "/variables/contact/phone | 1234567890 | variables.contact.phone must be a string",
        "/variables/conversation | [] | variables.conversation must be an object",
        "/bot_key | <remove> | bot_key is required",
        "/bot_key | \"\" | bot_key must be a non-empty string",
        "/bot_key | \"not-deployed\" | bot_key not-deployed is not a deployed bot",
        "/from | <remove> | from is required",
        "/from/user_external_id | <remove> | from.user_external_id is required",
        "/from/user_external_id | 7 | from.user_external_id must be a non-empty string",
        "/from/type | <remove> | from.type is required",
        "/from/type | \"BOT\" | from.type must be \"VISITOR\""})
    void eachMissingOrWrongFieldOfAStartIsNamed(String pointer, String value, String error) {
        JsonNode request = Json.edited(ChataibotHttp.startRequest(BOT_KEY, VISITOR), pointer, value);

        assertBadRequest(http.post(START, request.toString()), error);
        assertThat(chataibot.conversationIds()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "/message | <remove> | message is required",
        "/message/type | \"audio\" | message.type must be \"text\"",
        "/message/data/body | <remove> | message.data.body is required",
        "/user | <remove> | user is required",
        "/user | \"VISITOR\" | user must be an object",
        "/user/type | <remove> | user.type is required",
        "/user/type | \"BOT\" | user.type must be \"VISITOR\""})
    void eachMissingOrWrongFieldOfAMessageIsNamed(String pointer, String value, String error) {
        String conversationId = http.start(BOT_KEY, VISITOR);
        JsonNode request = Json.edited(ChataibotHttp.SEED_SEND_REQUEST, pointer, value);

        assertBadRequest(http.post(messages(conversationId), request.toString()), error);
        assertThat(chataibot.conversation(conversationId).messages()).hasSize(2);
    }

    @Test
    void bodiesThatAreNotJsonObjectsAreRefused() {
        String conversationId = http.start(BOT_KEY, VISITOR);

        assertBadRequest(http.post(START, "not json"), "body must be a JSON object");
        assertBadRequest(http.post(START, "[]"), "body must be a JSON object");
        assertBadRequest(http.post(messages(conversationId), ""), "body must be a JSON object");
    }

    @Test
    void anUnknownConversationIsNotFound() {
        HttpResponse<String> response = http.post(messages("0123456789abcdef01234567"), "not even json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"ok\":false,\"error\":\"Conversation not found\"}");
    }

    @Test
    void aDeletedConversationIsNotFoundFromThenOn() {
        String gone = http.start(BOT_KEY, VISITOR);
        String kept = http.start(BOT_KEY, "another-visitor");

        chataibot.deleteConversation(gone);

        HttpResponse<String> response = http.post(messages(gone), ChataibotHttp.sendRequest("still there?"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"ok\":false,\"error\":\"Conversation not found\"}");
        assertThat(chataibot.conversationIds()).containsExactly(kept);
        assertThatThrownBy(() -> chataibot.conversation(gone)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chataibot.deleteConversation(gone)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(gone);
        assertThat(http.say(kept, "hello").get("ok").asBoolean()).isTrue();

        String again = http.start(BOT_KEY, VISITOR);
        assertThat(again).as("the visitor starts anew").isNotEqualTo(gone);
        assertThat(chataibot.conversation(again).visitorKey()).isEqualTo(VISITOR + "_" + chataibot.accountId());
    }

    @Test
    void repliesComeInTheNextAnswerStartingWithThoseToTheFirstMessage() {
        chataibot.scriptAnswer(BOT_KEY, "hello", "Hi! I'm the support bot.");
        chataibot.scriptAnswer(BOT_KEY, "opening hours", "We're open 9 to 17.", "On weekdays only.");
        String conversationId = http.start(BOT_KEY, VISITOR);

        JsonNode first = http.say(conversationId, "What are your Opening Hours?");
        JsonNode second = http.say(conversationId, "thanks");

        assertThat(first.fieldNames()).toIterable().containsExactly("ok", "message_id", "replies");
        assertThat(first.get("replies").findValuesAsText("body"))
                .containsExactly("Hi! I'm the support bot.", "We're open 9 to 17.", "On weekdays only.");
        assertThat(second.get("replies").findValuesAsText("body"))
                .containsExactly(ChataibotSimulation.DEFAULT_FALLBACK_ANSWER);
        List<Message> stored = chataibot.conversation(conversationId).messages();
        JsonNode reply = first.get("replies").get(1);
        assertThat(reply.fieldNames()).toIterable()
                .containsExactly("message_id", "conversation_id", "created_at", "message", "from");
        assertThat(reply).isEqualTo(TestHttp.json("""
                {"message_id":"%s","conversation_id":"%s","created_at":"%s",
                 "message":{"type":"text","data":{"body":"We're open 9 to 17."}},"from":{"type":"BOT"}}"""
                .formatted(stored.get(3).id(), conversationId,
                        CREATED_AT.format(stored.get(3).createdAt().atOffset(ZoneOffset.UTC)))));
        assertThat(stored).extracting(Message::from)
                .containsExactly("VISITOR", "BOT", "VISITOR", "BOT", "BOT", "VISITOR", "BOT");
        assertThat(stored).extracting(Message::createdAt).as("strictly increasing although the clock stands still")
                .isSortedAccordingTo(Instant::compareTo).doesNotHaveDuplicates();
    }

    @Test
    void otherDeliveriesLeaveTheAnswerAsDocumented() {
        String conversationId = http.start(BOT_KEY, VISITOR);
        for (ReplyDelivery delivery : new ReplyDelivery[] {ReplyDelivery.CALLBACK, ReplyDelivery.NONE}) {
            chataibot.setReplyDelivery(delivery);

            JsonNode body = http.say(conversationId, "hello");

            assertThat(body.fieldNames()).toIterable().as(delivery.name()).containsExactly("ok", "message_id");
        }
        chataibot.setReplyDelivery(ReplyDelivery.IN_ANSWER);
        assertThat(http.say(conversationId, "hello").get("replies").findValuesAsText("body"))
                .as("the first message's replies, still unanswered, and this one's; not those given meanwhile")
                .containsExactly(ChataibotSimulation.DEFAULT_FALLBACK_ANSWER,
                        ChataibotSimulation.DEFAULT_FALLBACK_ANSWER);
        assertThat(chataibot.conversation(conversationId).messages()).hasSize(8);
    }

    @Test
    void theBotMatchesWholeWordsInTheOrderTheRulesWereAdded() {
        chataibot.scriptAnswer(BOT_KEY, "price", "From 19 EUR a month.");
        chataibot.scriptAnswer(BOT_KEY, "hi", "Hello there!");
        chataibot.setFallbackAnswer(BOT_KEY, "Pardon?", "Try 'price'.");
        String conversationId = chataibot.startConversation(BOT_KEY, VISITOR, "Hi!");

        assertThat(chataibot.visitorSays(conversationId, "hi, what's the PRICE?"))
                .containsExactly("From 19 EUR a month.");
        assertThat(chataibot.visitorSays(conversationId, "this is it")).containsExactly("Pardon?", "Try 'price'.");
        assertThat(chataibot.visitorSays(conversationId, "prices?")).as("not a whole word")
                .containsExactly("Pardon?", "Try 'price'.");
        assertThat(chataibot.conversation(conversationId).messages().get(1).text()).isEqualTo("Hello there!");
    }

    @Test
    void theJavaApiRefusesWhatTheHttpApiRefuses() {
        assertThatThrownBy(() -> chataibot.startConversation("unknown", VISITOR, "hi"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a deployed bot");
        assertThatThrownBy(() -> chataibot.visitorSays("unknown", "hi"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Conversation not found");
        assertThatThrownBy(() -> chataibot.scriptAnswer("unknown", "hi", "Hello"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chataibot.scriptAnswer(BOT_KEY, "hi"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chataibot.conversation("unknown")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chataibot.advanceTime(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registeredBotsGetABotUserOfTheirOwn() {
        ChataibotSimulation.Bot bot = chataibot.registerBot("second-bot");

        JsonNode body = ChataibotHttp.ok(http.post(START, ChataibotHttp.startRequest("second-bot", VISITOR)));

        assertThat(bot.userId()).matches("[0-9a-f]{24}");
        assertThat(bot.userEmail()).endsWith("@bots.chataibot.example");
        assertThat(body.at("/conversation/assignee")).isEqualTo(Json.of("id", bot.userId(), "to", bot.userEmail()));
        assertThat(chataibot.bots()).extracting(ChataibotSimulation.Bot::botKey).containsExactly(BOT_KEY, "second-bot");
    }
}
