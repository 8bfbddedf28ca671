package io.github.camelchatbots.component.chatbotcom;

import java.time.Instant;
import java.util.Map;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomQueryResponse;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomResult;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUser;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserDetails;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserPage;
import io.github.camelchatbots.simulator.FixtureServer;
import io.github.camelchatbots.support.model.ChatUser;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample answers on ChatBot.com's own page (seed 003), served as printed, must read into the records field for
 * field. The page's copy shows typographic quotes; the fixtures have them straightened and nothing else changed.
 */
class ChatbotcomSeedSamplesTest {

    private static <T> T call(String fixture, String uri, Object body, Map<String, Object> headers, Class<T> type)
            throws Exception {
        return answering(FixtureServer.resource(fixture), uri, body, headers, type);
    }

    private static <T> T answering(String answer, String uri, Object body, Map<String, Object> headers,
                                   Class<T> type) throws Exception {
        try (FixtureServer vendor = FixtureServer.answering(200, answer);
             CamelContext camel = new DefaultCamelContext()) {
            ChatbotcomConfiguration defaults = camel.getComponent("chatbotcom", ChatbotcomComponent.class)
                    .getConfiguration();
            defaults.setBaseUrl(vendor.baseUrl());
            defaults.setAccessToken("seed-token");
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            return template.requestBodyAndHeaders(uri, body, headers, type);
        }
    }

    @Test
    void createUserAnswerDocumentedAsAnArray() throws Exception {
        ChatbotcomResult result = call("seed-create-user.json", "chatbotcom:createUser",
                Map.of("attributes", Map.of("default_email", "joe@doe.com")), Map.of(), ChatbotcomResult.class);

        assertThat(result.id()).isEqualTo("<ID>");
        assertThat(result.timestamp()).isEqualTo(Instant.parse("2018-01-19T11:55:07.552Z"));
        assertThat(result.status().code()).isEqualTo(200);
        assertThat(result.status().type()).isEqualTo("success");
    }

    @Test
    void listUsersSample() throws Exception {
        ChatbotcomUserPage page = call("seed-list-users.json", "chatbotcom:users", null, Map.of(),
                ChatbotcomUserPage.class);

        assertThat(page.count()).isEqualTo(1);
        ChatbotcomUser user = page.data().get(0);
        assertThat(user.id()).isEqualTo("5b7ff8476fcccc33c9249a8");
        assertThat(user.userId()).isEqualTo("0735887f-6ba5-cccc-908e-6c84d093f317");
        assertThat(user.banned()).isFalse();
        assertThat(user.attributes()).containsEntry("default_email", "joe@doe.com")
                .containsEntry("default_name", "Joe").containsEntry("default_url", null).hasSize(13);
        assertThat(user.conversations()).isZero();
        assertThat(user.createdAt()).isEqualTo(Instant.parse("2019-01-23T13:32:30.163Z"));
        assertThat(user.lastSeen()).isEqualTo(Instant.parse("2019-01-23T13:32:30.163Z"));

        ChatUser neutral = new DefaultCamelContext().getTypeConverter().convertTo(ChatUser.class, user);
        assertThat(neutral.vendor()).isEqualTo("chatbotcom");
        assertThat(neutral.userId()).isEqualTo("5b7ff8476fcccc33c9249a8");
        assertThat(neutral.externalId()).isEqualTo("0735887f-6ba5-cccc-908e-6c84d093f317");
        assertThat(neutral.name()).isEqualTo("Joe");
        assertThat(neutral.email()).isEqualTo("joe@doe.com");
    }

    @Test
    void singleUserSample() throws Exception {
        ChatbotcomUserDetails user = call("seed-user.json", "chatbotcom:user?userId=5b7ff847cc3c3fb33c9249a8", null,
                Map.of(), ChatbotcomUserDetails.class);

        assertThat(user.id()).isEqualTo("5b7ff847cc3c3fb33c9249a8");
        assertThat(user.sessionAttributes()).containsExactly(Map.entry("group-selected", "14"));
        assertThat(user.conversations()).singleElement().satisfies(conversation -> {
            assertThat(conversation.id()).isEqualTo("5c486e62bda7873576a379e4");
            assertThat(conversation.startedAt()).isEqualTo(Instant.parse("2019-01-23T13:32:30.163Z"));
            assertThat(conversation.firstMessage()).isEqualTo("hello");
        });
        assertThat(user.segments()).singleElement().satisfies(segment -> {
            assertThat(segment.id()).isEqualTo("5c46d514bda7873576a30c48");
            assertThat(segment.name()).isEqualTo("Leads");
        });
    }

    @Test
    void updateUserAndSessionAttributesSamples() throws Exception {
        ChatbotcomResult updated = call("seed-update-user.json", "chatbotcom:updateUser?userId=5b7ff847cc3c3fb33c9249a8",
                Map.of("attributes", Map.of("default_name", "ChatBot Support")), Map.of(), ChatbotcomResult.class);
        assertThat(updated.id()).isNull();
        assertThat(updated.status().code()).isEqualTo(200);

        ChatbotcomResult session = call("seed-update-session-attributes.json", "chatbotcom:updateSessionAttributes",
                Map.of("sessionId", "c6d4bc58-4947-4f82-9e0b-67b87c6dc2de",
                        "attributes", Map.of("default_email", "support@chatbot.com")),
                Map.of(), ChatbotcomResult.class);
        assertThat(session.status().type()).isEqualTo("success");
    }

    @Test
    void chatWithBotSample() throws Exception {
        ChatbotcomQueryResponse response = call("seed-query.json", "chatbotcom:query", "text",
                Map.of(ChatbotcomConstants.SESSION_ID, "c6d4bc58-4947-4f82-9e0b-67b87c6dc2de"),
                ChatbotcomQueryResponse.class);

        assertThat(response.sessionId()).isEqualTo("c6d4bc58-4947-4f82-9e0b-67b87c6dc2de");
        assertThat(response.timestamp()).isEqualTo(Instant.parse("2019-03-12T13:27:15.513Z"));
        assertThat(response.status().code()).isEqualTo(200);
        ChatbotcomQueryResponse.Result result = response.result();
        assertThat(result.source()).isEqualTo("custom");
        assertThat(result.resolvedQuery()).isEqualTo("text");
        assertThat(result.confidence()).isEqualTo(0.7);
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.lifespan()).isEqualTo(2);
        assertThat(result.incomplete()).isFalse();
        assertThat(result.storyId()).isEqualTo("5b07fd67c2376e30306d9b0d");
        assertThat(result.interaction()).isEqualTo(new ChatbotcomQueryResponse.Interaction(
                "5b07ffafc2376e30306d9b16", "text response", ""));
        assertThat(result.parameters()).isEmpty();
        assertThat(result.sessionParameters()).containsEntry("default_email", "alexis.mcglynn77@hotmail.com")
                .containsEntry("default_name", "Alexis").containsEntry("default_real_name", null).hasSize(13);
        assertThat(result.contexts()).containsExactly(new ChatbotcomQueryResponse.Context(
                "5b07ffafc2376e30306d9b16", "text response", "", Map.of()));
        assertThat(result.fulfillment()).singleElement().satisfies(part -> {
            assertThat(part.type()).isEqualTo("text");
            assertThat(part.delay()).isEqualTo(2000L);
            assertThat(part.message()).isEqualTo("text response");
            assertThat(part.other()).isEmpty();
        });
        assertThat(response.messages()).containsExactly("text response");
    }

    @Test
    void fulfillmentPartsOfUndocumentedTypesKeepTheirFields() throws Exception {
        String answer = """
                {"result":{"fulfillment":[{"type":"quickReplies","delay":0,"title":"Pick one",
                  "buttons":[{"title":"Yes","value":"yes"}]}]},"sessionId":"c6d4bc58-4947","status":{"code":200}}""";
        ChatbotcomQueryResponse response = answering(answer, "chatbotcom:query", "hi",
                Map.of(ChatbotcomConstants.SESSION_ID, "c6d4bc58-4947"), ChatbotcomQueryResponse.class);

        assertThat(response.result().fulfillment()).singleElement().satisfies(part -> {
            assertThat(part.type()).isEqualTo("quickReplies");
            assertThat(part.message()).isNull();
            assertThat(part.other()).containsEntry("title", "Pick one").containsKey("buttons");
        });
        assertThat(response.messages()).isEmpty();
    }
}
