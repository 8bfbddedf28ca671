package io.github.camelchatbots.component.chataibot;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a call lacks or gets wrong is an error naming where the value comes from (header, body field, option), and
 * costs no request; what can be known when the route starts stops it there.
 */
class ChataibotValidationTest extends ChataibotTestSupport {

    private void rejected(String uri, Object body, Map<String, Object> headers, String expected) {
        int before = chataibot().requestCount();
        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri, body, headers))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected);
        assertThat(chataibot().requestCount()).as("no request was sent").isEqualTo(before);
    }

    @Test
    void startConversationNeedsBotVisitorAndMessage() {
        String visitor = newVisitor();
        rejected("chataibot:startConversation", "hi", Map.of(ChataibotConstants.USER_EXTERNAL_ID, visitor),
                "ChatAIBot: chataibot:startConversation needs botKey: set the CamelChataibotBotKey header, a 'bot_key'"
                + " field in the body or the botKey option");
        rejected("chataibot:startConversation?botKey=" + BOT_KEY, "hi", Map.of(),
                "chataibot:startConversation needs userExternalId: set the CamelChataibotUserExternalId header, a"
                + " 'user_external_id' field in the body or the userExternalId option");
        rejected("chataibot:startConversation?botKey=" + BOT_KEY, null, Map.of(ChataibotConstants.USER_EXTERNAL_ID,
                visitor), "chataibot:startConversation needs the visitor's message as the body: text, a"
                          + " ChataibotMessage, or a Map or JSON object with a 'message'");
        rejected("chataibot:startConversation?botKey=" + BOT_KEY, "   ", Map.of(ChataibotConstants.USER_EXTERNAL_ID,
                visitor), "needs the visitor's message");
        rejected("chataibot:startConversation?botKey=" + BOT_KEY, Map.of("message", Map.of("type", "text",
                "data", Map.of())), Map.of(ChataibotConstants.USER_EXTERNAL_ID, visitor),
                "a text message needs its text in data.body");
        rejected("chataibot:startConversation?botKey=" + BOT_KEY, "{\"message\": oops}",
                Map.of(ChataibotConstants.USER_EXTERNAL_ID, visitor), "got a body that starts with '{' but is not"
                                                                      + " valid JSON");
    }

    @Test
    void sendMessageNeedsAConversationOrAVisitor() {
        rejected("chataibot:sendMessage", "hi", Map.of(), "chataibot:sendMessage needs the conversation: set the"
                                                          + " CamelChataibotConversationId header, a 'conversation_id'"
                                                          + " field in the body or the conversationId option; or name"
                                                          + " the visitor");
        rejected("chataibot:sendMessage", "hi", Map.of(ChataibotConstants.USER_EXTERNAL_ID, newVisitor()),
                "chataibot:sendMessage needs botKey");
        rejected("chataibot:sendMessage", "hi", Map.of(ChataibotConstants.CONVERSATION_ID, ".."),
                "conversationId must be an id, not '..'");
        rejected("chataibot:sendMessage", "hi", Map.of(ChataibotConstants.CONVERSATION_ID, "a/b\nc"),
                "conversationId must not contain control characters");
        rejected("chataibot:sendMessage?botKey=" + BOT_KEY, "hi", Map.of(ChataibotConstants.USER_EXTERNAL_ID,
                "x".repeat(300)), "userExternalId is 300 characters long");
    }

    @Test
    void variablesThatAreNoVariablesAreNamed() {
        rejected("chataibot:startConversation?botKey=" + BOT_KEY, "hi", Map.of(ChataibotConstants.USER_EXTERNAL_ID,
                newVisitor(), ChataibotConstants.VARIABLES, "[1,2]"),
                "header CamelChataibotVariables must be variables");
        rejected("chataibot:startConversation?botKey=" + BOT_KEY, Map.of("message", "hi", "variables",
                List.of("x")), Map.of(ChataibotConstants.USER_EXTERNAL_ID, newVisitor()),
                "body field 'variables' must be variables");
    }

    @Test
    void uploadsAndStatusesNameWhatIsMissingOrWrong() {
        chataibot().registerKnowledgeBase(876);
        rejected("chataibot:uploadSources", "text", Map.of(), "chataibot:uploadSources needs knowledgeBaseId: set the"
                                                              + " CamelChataibotKnowledgeBaseId header or the"
                                                              + " knowledgeBaseId option");
        rejected("chataibot:uploadSources?knowledgeBaseId=876", null, Map.of(), "chataibot:uploadSources needs the"
                                                                               + " sources as the body");
        rejected("chataibot:uploadSources?knowledgeBaseId=876", 42, Map.of(),
                "cannot upload a Integer in the form field sources");
        rejected("chataibot:uploadSources?knowledgeBaseId=876", Map.of("", "x"), Map.of(), "'' is no field name");
        rejected("chataibot:sourceStatus", null, Map.of(), "chataibot:sourceStatus needs sourceIds: set the"
                                                           + " CamelChataibotSourceIds header, a 'source_ids' field in"
                                                           + " the body or the sourceIds option");
        rejected("chataibot:sourceStatus", null, Map.of(ChataibotConstants.SOURCE_IDS, "1,two"),
                "header CamelChataibotSourceIds must be source ids separated by commas, e.g. 330783,330784, not"
                + " '1,two'");
        rejected("chataibot:sourceStatus", null, Map.of(ChataibotConstants.SOURCE_IDS, List.of(1, -2)),
                "header CamelChataibotSourceIds must be source ids");
        rejected("chataibot:sourceStatus", Map.of("source_ids", "1;2"), Map.of(),
                "body field 'source_ids' must be source ids separated by commas");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "chataibot:sourceStatus?sourceIds=1,,2                 | option sourceIds must be source ids separated by commas, e.g. 330783,330784, not '1,,2'",
            "chataibot:sourceStatus?sourceIds=0                    | option sourceIds must be source ids",
            "chataibot:sendMessage?conversationId=..               | conversationId must be an id, not '..'",
            "chataibot:uploadSources?knowledgeBaseId=..            | knowledgeBaseId must be an id",
            "chataibot:sendMessage?messageType=                    | option messageType must not be empty",
            "chataibot:uploadSources?sourceField=                  | option sourceField must not be empty",
            "chataibot:sendMessage?deliverReplies=maybe            | deliverReplies",
            "chataibot:sendMessage?maxRetries=-1                   | maxRetries must be at least 0",
            "chataibot:sendMessage?baseUrl=ftp://example.com       | baseUrl",
            "chataibot:replies?webhookPath=replies                 | webhookPath must be a path starting with /, not 'replies'",
            "chataibot:replies?webhookSecretHeader=X Secret        | webhookSecretHeader must be a header name, not 'X Secret'",
            "chataibot:replies?replyTimeout=0                      | replyTimeout must be at least 1",
            "chataibot:nonsense                                    | Unknown chataibot operation 'nonsense'",
    })
    void badOptionsStopTheRouteAtStart(String uri, String expected) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            configure(camel.getComponent("chataibot", ChataibotComponent.class).getConfiguration());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    if (uri.startsWith("chataibot:replies")) {
                        from(uri).to("log:x");
                    } else {
                        from("direct:start").to(uri);
                    }
                }
            });
            assertThatThrownBy(camel::start).rootCause().hasMessageContaining(expected);
        }
    }

    @Test
    void theAccessTokenIsRequiredExceptForReplies() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("chataibot:sendMessage");
                }
            });
            assertThatThrownBy(camel::start).rootCause().hasMessageContaining(
                    "accessToken is required for chataibot:sendMessage");
        }
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getComponent("chataibot", ChataibotComponent.class).getConfiguration()
                    .setAccessToken("Bearer abc");
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("chataibot:sendMessage");
                }
            });
            assertThatThrownBy(camel::start).rootCause().hasMessageContaining(
                    "accessToken must be the account token alone, without 'Bearer'");
        }
    }

    @Test
    void operationsAreUsedTheWayTheyWork() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            configure(camel.getComponent("chataibot", ChataibotComponent.class).getConfiguration());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("chataibot:sendMessage").to("log:x");
                }
            });
            assertThatThrownBy(camel::start).rootCause().hasMessageContaining(
                    "chataibot:sendMessage is a producer: use it in to(...); the consumer is replies");
        }
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("chataibot:replies");
                }
            });
            assertThatThrownBy(camel::start).rootCause().hasMessageContaining("chataibot:replies is a consumer");
        }
    }
}
