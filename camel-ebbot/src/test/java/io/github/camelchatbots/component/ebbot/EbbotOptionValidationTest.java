package io.github.camelchatbots.component.ebbot;

import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad options stop the route from starting, with a message that names the option and never repeats a key. */
class EbbotOptionValidationTest extends EbbotTestSupport {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ebbot:chats?page=0                     | page must be at least 1",
            "ebbot:chats?limit=0                    | limit must be at least 1",
            "ebbot:transcript?quietPeriod=-1        | quietPeriod must be at least 0",
            "ebbot:transcript?timeZone=Mars/Olympus | timeZone 'Mars/Olympus' is not a time zone",
            "ebbot:chats?startFrom=yesterday        | startFrom must be beginning, now or an ISO-8601 instant",
            "ebbot:chats?maxRetries=-1              | maxRetries must be at least 0",
            "ebbot:chats?rateLimit=-5               | rateLimit must be at least 0",
            "ebbot:chats?rateLimitPeriod=0          | rateLimitPeriod must be positive",
            "ebbot:chats?connectTimeout=0           | connectTimeout must be at least 1",
            "ebbot:chats?responseTimeout=0          | responseTimeout must be at least 1",
            "ebbot:chats?retryInitialDelay=-1       | retryInitialDelay must be at least 0",
            "ebbot:chats?maxMessagesPerPoll=-1      | maxMessagesPerPoll must be at least 0",
            "ebbot:chats?baseUrl=ftp://ebbot.eu     | baseUrl must be an absolute http(s) URL",
            "ebbot:chats?baseUrl=not-a-url          | baseUrl must be an absolute http(s) URL",
            "ebbot:chats?messageType=               | messageType must not be empty",
            "ebbot:chatz                            | Unknown ebbot operation 'chatz'; use one of: chats, transcript, sendMessage",
            "ebbot:transcript?chatId=..             | chatId must be an id, not '..'",
            "ebbot:transcript?chatId=.              | chatId must be an id, not '.'",
    })
    void aBadOptionFailsTheRouteAtStartNamingIt(String uri, String message) {
        assertThatThrownBy(() -> startRouteFrom(uri)).hasStackTraceContaining(message);
    }

    @Test
    void aKeyWithoutTheDotIsRejectedWithoutBeingRepeated() {
        String halfKey = "onlythepublicpartofthekey";
        assertThatThrownBy(() -> startRouteFrom("ebbot:chats?apiKey=" + halfKey))
                .isInstanceOf(FailedToCreateRouteException.class)
                .hasStackTraceContaining("apiKey must be the full key '<public-key>.<secret-key>'")
                .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(halfKey));
    }

    @Test
    void theKeyIsRequiredForReadsButNotForWebhookMessages() throws Exception {
        context.getComponent("ebbot", EbbotComponent.class).getConfiguration().setApiKey(null);

        assertThatThrownBy(() -> startRouteFrom("ebbot:transcript"))
                .hasStackTraceContaining("apiKey is required for ebbot:transcript");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:talk").to("ebbot:sendMessage?webhookId=" + ebbot().createIncomingWebhook());
            }
        });
        assertThat(template.requestBody("direct:talk", "hello")).isNotNull();
    }

    @Test
    void sendMessageCannotBeConsumed() {
        assertThatThrownBy(() -> startRouteFrom("ebbot:sendMessage?webhookId=abc"))
                .hasStackTraceContaining("ebbot:sendMessage is a producer");
    }

    @Test
    void idsThatWouldAddressAnotherResourceAreRefusedBeforeAnyRequest() {
        for (String id : new String[] { "..", ".", "", " " }) {
            assertThatThrownBy(() -> template.requestBodyAndHeader("ebbot:transcript", null, EbbotConstants.CHAT_ID, id))
                    .hasStackTraceContaining("chatId");
        }
        assertThatThrownBy(() -> template.requestBodyAndHeader("ebbot:sendMessage", "hello", EbbotConstants.WEBHOOK_ID,
                "..")).hasStackTraceContaining("webhookId must be an id");

        assertThat(ebbot().requests()).isEmpty();
    }

    @Test
    void aHugeIdIsRefusedWithAShortMessage() {
        String huge = "1723454103.158." + "x".repeat(3_000_000);

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> template.requestBodyAndHeader("ebbot:transcript", null, EbbotConstants.CHAT_ID, huge));

        assertThat(failure).hasStackTraceContaining("chatId is 3000015 characters long");
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertThat(cause.getMessage()).hasSizeLessThan(1_000);
        }
        assertThat(ebbot().requests()).isEmpty();
    }

    @Test
    void anUnknownOptionIsRejectedByCamel() {
        assertThatThrownBy(() -> startRouteFrom("ebbot:chats?chatIdentifier=oops"))
                .hasRootCauseInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("chatIdentifier");
    }

    private void startRouteFrom(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("log:never");
            }
        });
    }

    private static String stackTraceOf(Throwable e) {
        java.io.StringWriter text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
