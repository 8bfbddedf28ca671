package io.github.camelchatbots.support.error;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatbotExceptionTest {

    private static final ChatbotCall CALL = new ChatbotCall("Fake", "GET", "/chats/c1");

    @Test
    void aBodyUpToTheLimitIsKeptWhole() {
        String body = "b".repeat(ChatbotException.MAX_BODY_EXCERPT);

        ChatbotException failure = new ChatbotVendorException(CALL, 500, null, null, body, "vendor error", null);

        assertThat(failure.getBodyExcerpt()).isEqualTo(body);
    }

    @Test
    void aLongerBodyIsCutAndMarkedAsCut() {
        String body = "a".repeat(ChatbotException.MAX_BODY_EXCERPT) + "TAIL";

        ChatbotException failure = new ChatbotVendorException(CALL, 500, null, null, body, "vendor error", null);

        assertThat(failure.getBodyExcerpt()).isEqualTo("a".repeat(ChatbotException.MAX_BODY_EXCERPT) + "...");
        assertThat(failure.getMessage()).doesNotContain("TAIL");
    }

    @Test
    void theMessageNamesTheCallAndWhatTheVendorSaid() {
        ChatbotException failure = new ChatbotNotFoundException(CALL, 404, "no_chat", "req-1", "{}", "not found",
                null);

        assertThat(failure.getMessage())
                .isEqualTo("Fake GET /chats/c1: not found (HTTP 404), vendor code no_chat, request id req-1, body: {}");
    }

    @Test
    void aFailureWithoutAnswerLeavesOutWhatItDoesNotHave() {
        ChatbotException failure = new ChatbotConnectionException(CALL, 0, null, null, null, "connection failed",
                null);

        assertThat(failure.getMessage()).isEqualTo("Fake GET /chats/c1: connection failed");
        assertThat(failure.getBodyExcerpt()).isNull();
    }

    @Test
    void rateLimitedSaysWhenToComeBack() {
        ChatbotRateLimitedException failure = new ChatbotRateLimitedException(CALL, null, null, null,
                Duration.ofSeconds(30));

        assertThat(failure.getHttpStatus()).isEqualTo(429);
        assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(failure.getMessage()).contains("retry after 30 s");
    }
}
