package io.github.camelchatbots.simulator.chatbotcom;

import static io.github.camelchatbots.simulator.chatbotcom.ChatbotcomHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.TestHttp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Chat with bot: matching, contexts, sessions and their timeout, and the validation of the request. */
class ChatbotcomQueryTest extends ChatbotcomApiTestSupport {

    private static final String SESSION = "c6d4bc58-4947-4f82-9e0b-67b87c6dc2de";

    private JsonNode ask(String text) {
        return http.query("sessionId", SESSION, "query", text).get("result");
    }

    private static String interaction(JsonNode result) {
        return result.get("interaction").get("name").asText();
    }

    private static String firstMessage(JsonNode result) {
        return result.get("fulfillment").get(0).get("message").asText();
    }

    private static List<String> contexts(JsonNode result) {
        return StreamSupport.stream(result.get("contexts").spliterator(), false)
                .map(context -> context.get("name").asText())
                .toList();
    }

    private static String message(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return TestHttp.json(response).get("status").get("message").asText();
    }

    @Test
    void answersATriggerInTheDocumentedShape() {
        JsonNode answer = http.query("sessionId", SESSION, "trigger", "welcome");

        assertThat(answer.fieldNames()).toIterable().containsExactly("result", "sessionId", "timestamp", "status");
        assertThat(answer.get("sessionId").asText()).isEqualTo(SESSION);
        assertThat(answer.get("status").toString()).isEqualTo("{\"code\":200,\"type\":\"success\"}");
        JsonNode result = answer.get("result");
        assertThat(result.fieldNames()).toIterable().containsExactly("source", "resolvedQuery", "confidence", "score",
                "lifespan", "incomplete", "storyId", "interaction", "parameters", "sessionParameters", "contexts",
                "fulfillment");
        assertThat(result.get("source").asText()).isEqualTo("custom");
        assertThat(result.get("resolvedQuery").asText()).isEqualTo("welcome");
        assertThat(result.get("confidence").toString()).isEqualTo("0.5");
        assertThat(result.get("score").toString()).isEqualTo("1");
        assertThat(result.get("lifespan").asInt()).isEqualTo(2);
        assertThat(result.get("incomplete").asBoolean()).isFalse();
        assertThat(result.get("storyId").asText()).isEqualTo(chatbotcom.defaultStoryId());
        String welcome = chatbotcom.interactionId(chatbotcom.defaultStoryId(), "welcome");
        assertThat(result.get("interaction").toString())
                .isEqualTo("{\"id\":\"" + welcome + "\",\"name\":\"welcome\",\"action\":\"\"}");
        assertThat(result.get("contexts").toString()).isEqualTo(
                "[{\"id\":\"" + welcome + "\",\"name\":\"welcome\",\"action\":\"\",\"parameters\":{}}]");
        assertThat(result.get("fulfillment").toString()).isEqualTo("[{\"type\":\"text\",\"delay\":1000,"
                + "\"message\":\"Hi! I'm the support bot. How can I help you today?\"}]");
        assertThat(result.get("sessionParameters").fieldNames()).toIterable().hasSize(13).allMatch(
                name -> name.startsWith("default_"));
        assertThat(result.get("sessionParameters").get("default_name").asText()).isEqualTo("Visitor");
    }

    @Test
    void matchesTextByExamplePhrasesAndFallsBackBelowTheConfidence() {
        JsonNode exact = ask("Hello!");
        assertThat(interaction(exact)).isEqualTo("greeting");
        assertThat(exact.get("score").toString()).isEqualTo("1");
        assertThat(firstMessage(exact)).isEqualTo("Hello! What can I do for you?");

        JsonNode close = ask("when are you open on sunday");
        assertThat(interaction(close)).isEqualTo("opening hours");
        assertThat(close.get("score").asDouble()).isEqualTo(4.0 / 6);

        JsonNode unknown = ask("Can I pay with PayPal?");
        assertThat(interaction(unknown)).isEqualTo("fallback");
        assertThat(unknown.get("score").toString()).isEqualTo("0");
        assertThat(firstMessage(unknown)).isEqualTo("Sorry, I did not understand that. Could you rephrase?");

        JsonNode strict = http.query("sessionId", SESSION, "query", "when are you open on sunday", "confidence", 0.9)
                .get("result");
        assertThat(interaction(strict)).as("the same text, a higher threshold").isEqualTo("fallback");
        assertThat(strict.get("confidence").toString()).isEqualTo("0.9");
    }

    @Test
    void anUnknownTriggerFallsBack() {
        JsonNode result = http.query("sessionId", SESSION, "trigger", "no-such-trigger").get("result");

        assertThat(interaction(result)).isEqualTo("fallback");
        assertThat(result.get("score").toString()).isEqualTo("0");
        assertThat(contexts(result)).as("the fallback is no context").isEmpty();
    }

    @Test
    void aFollowUpNeedsItsContextWithinTheLifespan() {
        assertThat(interaction(ask("my order number is 12345"))).as("no refund context yet").isEqualTo("fallback");

        JsonNode refund = ask("I want a refund");
        assertThat(interaction(refund)).isEqualTo("refund");
        assertThat(contexts(refund)).containsExactly("refund");

        JsonNode details = ask("my order number is 12345");
        assertThat(interaction(details)).isEqualTo("refund details");
        assertThat(details.get("score").asDouble()).isEqualTo(0.8);
        assertThat(contexts(details)).containsExactly("refund", "refund details");
        assertThat(firstMessage(details)).startsWith("Thank you! Your refund is on its way");

        assertThat(contexts(ask("hello"))).as("refund's second and last turn").containsExactly("refund details",
                "greeting");
        assertThat(interaction(ask("order number 777"))).as("refund has expired").isEqualTo("fallback");
    }

    @Test
    void lifespanKeepsAContextLonger() {
        http.query("sessionId", SESSION, "query", "I want a refund", "lifespan", 4);
        ask("blah");
        ask("blah");
        ask("blah");

        JsonNode result = ask("order number 1");

        assertThat(interaction(result)).isEqualTo("refund details");
        assertThat(chatbotcom.sessions().get(0).contexts()).containsExactly("refund details");
    }

    @Test
    void resetClearsTheContexts() {
        ask("I want a refund");

        JsonNode result = http.query("sessionId", SESSION, "query", "order number 1", "reset", true).get("result");

        assertThat(interaction(result)).isEqualTo("fallback");
        assertThat(contexts(result)).isEmpty();
    }

    @Test
    void gotoJumpsToAnInteraction() {
        String refund = chatbotcom.interactionId(chatbotcom.defaultStoryId(), "refund");

        JsonNode result = http.query("sessionId", SESSION, "goto", refund).get("result");

        assertThat(interaction(result)).isEqualTo("refund");
        assertThat(result.get("resolvedQuery").asText()).isEqualTo(refund);
        assertThat(result.get("score").toString()).isEqualTo("1");

        HttpResponse<String> unknown =
                http.post("/query", json("sessionId", SESSION, "goto", "0123456789abcdef01234567"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(unknown).get("status").get("message").asText())
                .startsWith("interaction '0123456789abcdef01234567' not found");
    }

    @Test
    void usesAnotherStoryWithItsOwnInteractions() {
        String sales = chatbotcom.addStory("Sales", "Sells things");
        chatbotcom.interaction(sales, "pricing").userSays("how much is it").responses("It's 10 EUR.", "Per month.")
                .action("show-prices").add();

        JsonNode result = http.query("sessionId", SESSION, "query", "how much is it", "storyId", sales).get("result");

        assertThat(result.get("storyId").asText()).isEqualTo(sales);
        assertThat(result.get("interaction").get("action").asText()).isEqualTo("show-prices");
        assertThat(result.get("fulfillment")).extracting(item -> item.get("message").asText())
                .containsExactly("It's 10 EUR.", "Per month.");
        assertThat(interaction(ask("hello"))).as("the session stays in its chat's story").isEqualTo("fallback");
        HttpResponse<String> unknown = http.post("/query",
                json("sessionId", SESSION, "query", "hi", "storyId", "0123456789abcdef01234567"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(unknown).get("status").get("message").asText())
                .isEqualTo("story '0123456789abcdef01234567' not found");
    }

    @Test
    void addedInteractionsMatchByTriggerAndText() {
        String story = chatbotcom.defaultStoryId();
        chatbotcom.addInteraction(story, "shipping", List.of("do you ship abroad"), List.of("We ship worldwide."));
        chatbotcom.interaction(story, "promo").triggers("promo-banner").responses("20% off today!").add();

        assertThat(firstMessage(ask("Do you ship abroad?"))).isEqualTo("We ship worldwide.");
        assertThat(firstMessage(http.query("sessionId", SESSION, "trigger", "promo-banner").get("result")))
                .isEqualTo("20% off today!");
    }

    @Test
    void parametersBecomeSessionParameters() {
        JsonNode first = http.query("sessionId", SESSION, "query", "hi",
                "parameters", Map.of("default_name", "Alexis", "plan", "pro")).get("result");

        assertThat(first.get("parameters")).isEqualTo(TestHttp.json("{\"default_name\":\"Alexis\",\"plan\":\"pro\"}"));
        assertThat(first.get("sessionParameters").get("default_name").asText()).isEqualTo("Alexis");
        assertThat(first.get("sessionParameters").get("plan").asText()).isEqualTo("pro");
        String userId = chatbotcom.sessions().get(0).userId();
        assertThat(chatbotcom.user(userId).userId()).isEqualTo(SESSION);
        assertThat(chatbotcom.user(userId).attributes()).containsEntry("default_name", "Alexis");

        JsonNode second = ask("hello");
        assertThat(second.get("parameters").toString()).isEqualTo("{}");
        assertThat(second.get("sessionParameters").get("plan").asText()).as("kept for the session").isEqualTo("pro");
    }

    @Test
    void sessionAttributesAreMergedIntoTheSession() {
        ask("hello");

        Map<String, String> attributes = Map.of("default_email", "support@chatbot.com", "group", "14");
        JsonNode answer = http.ok(http.put("/users/session-attributes",
                json("sessionId", SESSION, "attributes", attributes)));

        assertThat(answer.fieldNames()).toIterable().containsExactly("timestamp", "status");
        JsonNode result = ask("hello");
        assertThat(result.get("sessionParameters").get("default_email").asText()).isEqualTo("support@chatbot.com");
        assertThat(result.get("sessionParameters").get("group").asText()).isEqualTo("14");
        assertThat(chatbotcom.user(chatbotcom.sessions().get(0).userId()).sessionAttributes())
                .containsEntry("group", "14");
        assertThat(chatbotcom.chat(chatbotcom.chatIds().get(0)).attributes()).containsEntry("group", "14");

        assertThat(message(http.put("/users/session-attributes", json("sessionId", "short", "attributes",
                Map.of("a", "b"))))).isEqualTo("sessionId must be a string of 10 to 64 characters");
        assertThat(message(http.put("/users/session-attributes", json("sessionId", SESSION))))
                .isEqualTo("attributes is required");
        assertThat(message(http.put("/users/session-attributes", json("attributes", Map.of("a", "b")))))
                .isEqualTo("sessionId is required");
        assertThat(http.put("/users/session-attributes", json("sessionId", "no-such-session", "attributes",
                Map.of("a", "b"))).statusCode()).isEqualTo(404);
        chatbotcom.advanceTime(Duration.ofMinutes(10));
        assertThat(http.put("/users/session-attributes", json("sessionId", SESSION, "attributes", Map.of("a", "b")))
                .statusCode()).as("expired").isEqualTo(404);
    }

    @Test
    void aSessionEndsAfterTenQuietMinutesAndTheNextQueryStartsANewChat() {
        ask("I want a refund");
        chatbotcom.advanceTime(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(interaction(ask("order number 1"))).as("still the same session").isEqualTo("refund details");
        String firstChat = chatbotcom.chatIds().get(0);
        String user = chatbotcom.sessions().get(0).userId();

        chatbotcom.advanceTime(Duration.ofMinutes(10));
        assertThat(chatbotcom.sessions()).isEmpty();
        assertThat(chatbotcom.chat(firstChat).finished()).isTrue();
        JsonNode result = ask("order number 1");

        assertThat(interaction(result)).as("the contexts ended with the session").isEqualTo("fallback");
        assertThat(chatbotcom.chatIds()).hasSize(2).endsWith(firstChat);
        String secondChat = chatbotcom.chatIds().get(0);
        assertThat(chatbotcom.chat(secondChat).finished()).isFalse();
        assertThat(chatbotcom.sessions()).singleElement().satisfies(session -> {
            assertThat(session.chatId()).isEqualTo(secondChat);
            assertThat(session.userId()).as("the same visitor").isEqualTo(user);
        });
        assertThat(chatbotcom.userIds()).containsExactly(user);
        assertThat(chatbotcom.user(user).conversations()).hasSize(2);
        assertThat(chatbotcom.user(user).lastSeen()).isEqualTo(chatbotcom.chat(secondChat).createdAt());
    }

    @Test
    void expireSessionAndFinishChatEndTheSessionAtOnce() {
        ask("hello");
        String firstChat = chatbotcom.chatIds().get(0);

        chatbotcom.expireSession(SESSION);
        ask("hello");
        chatbotcom.finishChat(chatbotcom.chatIds().get(0));
        ask("hello");

        assertThat(chatbotcom.chatIds()).hasSize(3).endsWith(firstChat);
        assertThat(chatbotcom.chat(chatbotcom.chatIds().get(0)).finished()).isFalse();
        assertThat(chatbotcom.chat(chatbotcom.chatIds().get(1)).finished()).isTrue();
    }

    @Test
    void theJavaQueryIsTheSameConversation() {
        assertThat(chatbotcom.query(SESSION, "I want a refund"))
                .containsExactly("I'm sorry to hear that. What is your order number?");

        assertThat(interaction(ask("order number 42"))).as("the refund context carries over")
                .isEqualTo("refund details");
        assertThat(chatbotcom.chat(chatbotcom.chatIds().get(0)).messages()).hasSize(4);
    }

    @Test
    void debugShowsWhatTheBotDid() {
        JsonNode result = http.query("sessionId", SESSION, "query", "hello", "debug", true).get("result");

        assertThat(result.get("debug").isArray()).isTrue();
        assertThat(result.get("debug")).extracting(JsonNode::asText).contains("'greeting' scores 1.0",
                "'refund details' skipped: needs context 'refund'", "'greeting' matches");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            {"query":"hi"}                                              | sessionId is required
            {"sessionId":"short","query":"hi"}                          | sessionId must be a string of 10 to 64 characters
            {"sessionId":12345678901,"query":"hi"}                      | sessionId must be a string of 10 to 64 characters
            {"sessionId":"session-0001"}                                | one of query, trigger or goto is required
            {"sessionId":"session-0001","query":null}                   | one of query, trigger or goto is required
            {"sessionId":"session-0001","query":"hi","trigger":"welcome"} | only one of query, trigger or goto may be sent, not query and trigger
            {"sessionId":"session-0001","trigger":"a","goto":"0123456789abcdef01234567"} | only one of query, trigger or goto may be sent, not trigger and goto
            {"sessionId":"session-0001","query":""}                     | query must be a string of 1 to 256 characters
            {"sessionId":"session-0001","trigger":""}                   | trigger must be a string of 1 to 50 characters
            {"sessionId":"session-0001","goto":"abc"}                   | goto must be a string of exactly 24 characters
            {"sessionId":"session-0001","query":"hi","confidence":0.05} | confidence must be a number between 0.1 and 1.0
            {"sessionId":"session-0001","query":"hi","confidence":1.5}  | confidence must be a number between 0.1 and 1.0
            {"sessionId":"session-0001","query":"hi","confidence":"high"} | confidence must be a number between 0.1 and 1.0
            {"sessionId":"session-0001","query":"hi","lifespan":0}      | lifespan must be a whole number between 1 and 10
            {"sessionId":"session-0001","query":"hi","lifespan":11}     | lifespan must be a whole number between 1 and 10
            {"sessionId":"session-0001","query":"hi","lifespan":2.5}    | lifespan must be a whole number between 1 and 10
            {"sessionId":"session-0001","query":"hi","reset":"yes"}     | reset must be true or false
            {"sessionId":"session-0001","query":"hi","debug":1}         | debug must be true or false
            {"sessionId":"session-0001","query":"hi","storyId":"abc"}   | storyId must be a string of exactly 24 characters
            {"sessionId":"session-0001","query":"hi","parameters":[]}   | parameters must be an object
            {"sessionId":"session-0001","query":"hi","parameters":{"a b":"c"}} | parameters key 'a b' must match ^[\\w-]{1,128}$
            {"sessionId":"session-0001","query":"hi","parameters":{"a":""}}    | parameters.a must be a string of 1 to 1024 characters
            {"sessionId":"session-0001","query":"hi","parameters":{"a":null}}  | parameters.a must be a string of 1 to 1024 characters
            """)
    void rejectsBadQueriesNamingTheField(String body, String expected) {
        assertThat(message(http.post("/query", body))).isEqualTo(expected);
        assertThat(chatbotcom.chatIds()).as("nothing happened").isEmpty();
    }

    @Test
    void acceptsTheLimitsThemselves() {
        String longest = "x".repeat(64);

        JsonNode result = http.query("sessionId", longest, "query", "q".repeat(256), "confidence", 0.1,
                "lifespan", 10).get("result");
        http.query("sessionId", "s".repeat(10), "trigger", "t".repeat(50), "confidence", 1.0, "lifespan", 1);

        assertThat(result.get("lifespan").asInt()).isEqualTo(10);
        assertThat(result.get("confidence").toString()).isEqualTo("0.1");
    }
}
