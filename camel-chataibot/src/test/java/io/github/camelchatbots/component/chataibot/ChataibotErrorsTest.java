package io.github.camelchatbots.component.chataibot;

import java.time.Duration;
import java.util.Map;

import io.github.camelchatbots.simulator.FixtureServer;
import io.github.camelchatbots.support.error.ChatbotAuthenticationException;
import io.github.camelchatbots.support.error.ChatbotBadRequestException;
import io.github.camelchatbots.support.error.ChatbotConnectionException;
import io.github.camelchatbots.support.error.ChatbotException;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import io.github.camelchatbots.support.error.ChatbotRateLimitedException;
import io.github.camelchatbots.support.error.ChatbotVendorException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ChatAIBot succeeds with {@code "ok": true} only: anything else is a failure of the kind its text or status says,
 * carrying the vendor's {@code error} or {@code message}, whatever the HTTP status. Faults over real HTTP.
 */
class ChataibotErrorsTest extends ChataibotTestSupport {

    private Throwable failure(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
        assertThat(exchange.getException()).as("the call failed").isNotNull();
        return exchange.getException();
    }

    private Throwable sendFailure() {
        String conversationId = chataibot().startConversation(BOT_KEY, newVisitor(), "Hi");
        return failure("chataibot:sendMessage", "hello", Map.of(ChataibotConstants.CONVERSATION_ID, conversationId));
    }

    @Test
    void okFalseInA200WithAMessageIsAFailureCarryingIt() {
        chataibot().respondOkFalse(1, "/api/v1/conversation/.*", "Something went wrong, please try again");

        Throwable failure = sendFailure();

        assertThat(failure).isInstanceOf(ChatbotVendorException.class)
                .hasMessageContaining("Something went wrong, please try again")
                .hasMessageContaining("an error envelope in an HTTP 200 answer");
        assertThat(((ChatbotException) failure).getHttpStatus()).isEqualTo(200);
    }

    @Test
    void okFalseInA200WithAnErrorIsClassifiedByItsWords() {
        chataibot().respondOkFalseWithError(1, "/api/v1/conversation/.*", "Conversation not found");

        assertThat(sendFailure()).isInstanceOf(ChatbotNotFoundException.class)
                .hasMessageContaining("Conversation not found");
    }

    @Test
    void startConversationIsNotRepeatedAfterOkFalse() {
        chataibot().respondOkFalse(1, "/api/v1/conversations", "Internal failure");

        assertThat(failure("chataibot:startConversation?botKey=" + BOT_KEY, "hi",
                Map.of(ChataibotConstants.USER_EXTERNAL_ID, newVisitor()))).isInstanceOf(ChatbotVendorException.class)
                .hasMessageContaining("Internal failure");
        assertThat(chataibot().requestCount()).as("a write that may have been processed is never repeated")
                .isEqualTo(1);
    }

    @Test
    void aReadIsRetriedAfterOkFalseThatSaysNothingWorse() {
        chataibot().registerKnowledgeBase(876);
        int id = chataibot().uploadText(876, "faq", "Some text");
        chataibot().respondOkFalse(2, "/api/v1/ai/status/sources", "Temporary failure");

        Exchange status = send("chataibot:sourceStatus?sourceIds=" + id, null, Map.of());

        assertThat(status.getMessage().getBody(java.util.List.class)).hasSize(1);
        assertThat(chataibot().requestCount()).isEqualTo(3);
    }

    @Test
    void errorsWithAStatusCarryTheirErrorText() {
        assertThat(failure("chataibot:sendMessage?conversationId=0123456789abcdef01234567", "hi", Map.of()))
                .isInstanceOf(ChatbotNotFoundException.class).hasMessageContaining("Conversation not found")
                .hasMessageContaining("HTTP 404");
        assertThat(failure("chataibot:startConversation?botKey=undeployed-bot", "hi",
                Map.of(ChataibotConstants.USER_EXTERNAL_ID, newVisitor())))
                .isInstanceOf(ChatbotBadRequestException.class)
                .hasMessageContaining("bot_key undeployed-bot is not a deployed bot");
        assertThat(failure("chataibot:uploadSources?knowledgeBaseId=999", "text", Map.of()))
                .isInstanceOf(ChatbotNotFoundException.class).hasMessageContaining("Knowledge base not found");
        assertThat(failure("chataibot:sourceStatus?sourceIds=1&accessToken=wrong-token", null, Map.of()))
                .isInstanceOf(ChatbotAuthenticationException.class).hasMessageContaining("Unauthorized");
        assertThat(failure("chataibot:uploadSources?knowledgeBaseId=876&accessToken=wrong-token", "text", Map.of()))
                .isInstanceOf(ChatbotAuthenticationException.class).hasMessageContaining("Unauthorized");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "200 | {\"message_id\":\"abc\"}             | ChatbotVendorException",
            "200 | {\"ok\":\"true\",\"message_id\":\"abc\"} | ChatbotVendorException",
            "200 | {\"ok\":false}                       | ChatbotVendorException",
            "200 | []                                   | ChatbotVendorException",
            "200 | ''                                   | ChatbotMalformedResponseException",
            "200 | <html>maintenance</html>             | ChatbotMalformedResponseException",
            "400 | {\"ok\":false,\"message\":\"message.data.body is required\"} | ChatbotBadRequestException",
            "403 | {\"ok\":false,\"error\":\"Forbidden\"}  | ChatbotAuthenticationException",
            "500 | {\"ok\":true}                        | ChatbotVendorException",
    })
    void onlyOkTrueIsASuccess(int status, String body, String failure) throws Exception {
        for (String uri : new String[] {"chataibot:sendMessage?conversationId=c1", "chataibot:sourceStatus?sourceIds=1",
            "chataibot:uploadSources?knowledgeBaseId=876"}) {
            try (FixtureServer vendor = FixtureServer.answering(status, body);
                 CamelContext camel = new DefaultCamelContext()) {
                ChataibotConfiguration defaults = camel.getComponent("chataibot", ChataibotComponent.class)
                        .getConfiguration();
                defaults.setBaseUrl(vendor.baseUrl());
                defaults.setAccessToken("fixture-token");
                defaults.setMaxRetries(0);
                camel.start();
                Exchange exchange = camel.createProducerTemplate().request(uri, e -> e.getMessage().setBody("hi"));
                assertThat(exchange.getException()).as(uri).isNotNull();
                assertThat(exchange.getException().getClass().getSimpleName()).as(uri + ": " + exchange.getException())
                        .isEqualTo(failure);
            }
        }
    }

    @Test
    void aMessageIsSentAgainAfter429WhichProvesItWasNotTaken() {
        String conversationId = chataibot().startConversation(BOT_KEY, newVisitor(), "Hi");
        SIM.simulator().faults().on("POST", "/api/v1/conversation/.*").vendor("chataibot").times(1)
                .status(429, Duration.ofSeconds(1));

        send("chataibot:sendMessage", "hello", Map.of(ChataibotConstants.CONVERSATION_ID, conversationId));

        assertThat(chataibot().conversation(conversationId).messages()).filteredOn(m -> m.text().equals("hello"))
                .hasSize(1);
    }

    @Test
    void aRateLimitLongerThanTheClientWaitsIsTheRoutesToHandle() {
        SIM.simulator().faults().on("GET", "/api/v1/ai/status/sources").vendor("chataibot").times(1)
                .status(429, Duration.ofSeconds(600));

        Throwable failure = failure("chataibot:sourceStatus?sourceIds=1", null, Map.of());

        assertThat(failure).isInstanceOf(ChatbotRateLimitedException.class);
        assertThat(((ChatbotRateLimitedException) failure).getRetryAfter()).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void anUploadIsNotRepeatedAfterA503ButAReadIs() {
        chataibot().registerKnowledgeBase(876);
        SIM.simulator().faults().on("POST", "/api/v1/ai/knowledge-base/.*").vendor("chataibot").times(1).status(503);
        SIM.simulator().faults().on("GET", "/api/v1/ai/status/sources").vendor("chataibot").times(1).status(503);

        assertThat(failure("chataibot:uploadSources?knowledgeBaseId=876", "text", Map.of()))
                .isInstanceOf(ChatbotVendorException.class);
        send("chataibot:sourceStatus?sourceIds=1", null, Map.of());

        assertThat(chataibot().requestCount()).isEqualTo(3);
        assertThat(chataibot().sources()).isEmpty();
    }

    @Test
    void malformedAndDroppedAnswersAreReportedAsSuch() {
        SIM.simulator().faults().on("GET", "/api/v1/ai/status/sources").vendor("chataibot").times(4).malformedJson();
        SIM.simulator().faults().on("POST", "/api/v1/conversations").vendor("chataibot").times(1).dropConnection();

        assertThat(failure("chataibot:sourceStatus?sourceIds=1", null, Map.of()))
                .isInstanceOf(ChatbotMalformedResponseException.class);
        assertThat(failure("chataibot:startConversation?botKey=" + BOT_KEY, "hi",
                Map.of(ChataibotConstants.USER_EXTERNAL_ID, newVisitor())))
                .isInstanceOf(ChatbotConnectionException.class);
    }
}
