package io.github.camelchatbots.component.engati;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.engati.model.EngatiConversationPage;
import io.github.camelchatbots.component.engati.model.EngatiMessage;
import io.github.camelchatbots.support.error.ChatbotConnectionException;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.error.ChatbotTimeoutException;
import io.github.camelchatbots.support.error.ChatbotVendorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the simulator's fault injection does to each kind of Engati call, over real HTTP. */
class EngatiFaultsTest extends EngatiTestSupport {

    private static final String BOT = "/customer/10294/bot/1a1c9bfa5e0f41ed";
    private static final String USERS = "/bot-api/v1.0" + BOT + "/users";
    private static final String HISTORY = "/bot-api/v1.0" + BOT + "/channel-user/919565428256/conversations";
    private static final String TEMPLATE = "/whatsapp-api/v1.0" + BOT + "/template";
    private static final String BROADCAST = "/whatsapp-api/v1.0" + BOT + "/external/broadcast";
    private static final String SEND_TEMPLATE = "engati:sendTemplate?phoneNumber=+919876543210&templateName=t"
                                                + "&templateLanguage=en";

    private int requestsTo(String path) {
        return (int) engati().requests().stream().filter(request -> request.path().equals(path)).count();
    }

    @Test
    void readsAreRetriedAfter5xxAndADroppedConnection() {
        engati().addUser("919565428256", "whatsapp", "Priya", Map.of("lead_status", "qualified"));
        engati().addMessage("919565428256", "user", "hello", java.time.Instant.parse("2024-01-01T04:30:00Z"));
        SIM.simulator().faults().on("GET", USERS).vendor("engati").times(1).status(503);
        SIM.simulator().faults().on("GET", USERS).vendor("engati").times(1).dropConnection();
        SIM.simulator().faults().on("GET", HISTORY).vendor("engati").times(2).status(502);

        List<?> users = template.requestBody("engati:users?attributeName=lead_status&attributeValue=qualified",
                null, List.class);
        EngatiConversationPage page = template.requestBody("engati:conversations?channelUserId=919565428256", null,
                EngatiConversationPage.class);

        assertThat(users).hasSize(1);
        assertThat(requestsTo(USERS)).isEqualTo(3);
        assertThat(page.messages()).extracting(EngatiMessage::text).containsExactly("hello");
        assertThat(requestsTo(HISTORY)).isEqualTo(3);
    }

    @Test
    void aRetryAfterIsHonouredForAWriteToo() {
        SIM.simulator().faults().on("POST", TEMPLATE).vendor("engati").times(1).status(429, Duration.ofSeconds(1));

        long started = System.nanoTime();
        template.requestBody(SEND_TEMPLATE, (Object) null);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(requestsTo(TEMPLATE)).as("refused as a whole: nothing was sent").isEqualTo(2);
        assertThat(engati().templateSends()).hasSize(1);
    }

    @Test
    void writesAreNeverRepeatedAfterEngatiMayHaveActed() {
        SIM.simulator().faults().on("POST", TEMPLATE).vendor("engati").times(1).status(500);
        SIM.simulator().faults().on("POST", BROADCAST).vendor("engati").times(1).dropConnection();

        assertThatThrownBy(() -> template.requestBody(SEND_TEMPLATE, (Object) null))
                .cause().isInstanceOf(ChatbotVendorException.class).hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> template.requestBody("engati:broadcast?broadcastId=b&templateName=t"
                                                      + "&templateLanguage=en", "user.phone_number\n+919876543210\n"))
                .cause().isInstanceOf(ChatbotConnectionException.class);

        assertThat(requestsTo(TEMPLATE)).as("a second send would be a second message").isEqualTo(1);
        assertThat(requestsTo(BROADCAST)).isEqualTo(1);
    }

    @Test
    void malformedJsonIsReportedAsSuch() {
        SIM.simulator().faults().on("GET", USERS).vendor("engati").always().malformedJson();
        SIM.simulator().faults().on("POST", BROADCAST).vendor("engati").always().malformedJson();

        assertThatThrownBy(() -> template.requestBody("engati:users?attributeName=a&attributeValue=b", null,
                List.class)).cause().isInstanceOf(ChatbotMalformedResponseException.class);
        assertThatThrownBy(() -> template.requestBody("engati:broadcast?broadcastId=b&templateName=t"
                                                      + "&templateLanguage=en", "user.phone_number\n+919876543210\n"))
                .cause().isInstanceOf(ChatbotMalformedResponseException.class).hasMessageContaining("invalid JSON");
    }

    @Test
    void aSlowAnswerIsATimeoutAndNotRetried() {
        SIM.simulator().faults().on("GET", USERS).vendor("engati").times(1).latency(Duration.ofSeconds(2));
        SIM.simulator().faults().on("POST", BROADCAST).vendor("engati").times(1).latency(Duration.ofSeconds(2));

        assertThatThrownBy(() -> template.requestBody("engati:users?attributeName=a&attributeValue=b"
                                                      + "&responseTimeout=300", null, List.class))
                .cause().isInstanceOf(ChatbotTimeoutException.class);
        assertThatThrownBy(() -> template.requestBody("engati:broadcast?broadcastId=b&templateName=t"
                                                      + "&templateLanguage=en&responseTimeout=300",
                "user.phone_number\n+919876543210\n")).cause().isInstanceOf(ChatbotTimeoutException.class);
        assertThat(requestsTo(USERS)).isEqualTo(1);
        assertThat(requestsTo(BROADCAST)).isEqualTo(1);
    }
}
