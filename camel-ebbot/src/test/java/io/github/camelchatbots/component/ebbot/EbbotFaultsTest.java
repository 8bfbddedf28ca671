package io.github.camelchatbots.component.ebbot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelchatbots.component.ebbot.model.EbbotChat;
import io.github.camelchatbots.support.error.ChatbotAuthenticationException;
import io.github.camelchatbots.support.error.ChatbotConnectionException;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.error.ChatbotRateLimitedException;
import io.github.camelchatbots.support.error.ChatbotTimeoutException;
import io.github.camelchatbots.support.error.ChatbotVendorException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Every fault the simulator can inject, as a route sees it. */
class EbbotFaultsTest extends EbbotTestSupport {

    private static final String CHATS = "/api/chats/company_chats";

    @Test
    void aWrongKeyIsAnAuthenticationFailureThatCarriesTheStatusAndRequestId() {
        assertThatThrownBy(() -> template.requestBody("ebbot:chats?apiKey=wrong.key", (Object) null))
                .cause().isInstanceOfSatisfying(ChatbotAuthenticationException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(401);
                    assertThat(e.getHttpResponseCode()).isEqualTo(401);
                    assertThat(e.getRequestId()).isNotBlank();
                    assertThat(e.getCall().toString()).isEqualTo("Ebbot GET " + CHATS);
                    assertThat(e.getMessage()).contains("Unauthorized").doesNotContain("wrong.key");
                });
    }

    @Test
    void aServerErrorOnAReadIsRetriedAndPersistentOnesSurface() {
        ebbot().createChat(Instant.now());
        SIM.simulator().faults().on("GET", CHATS).times(2).status(503);

        assertThat(chats("ebbot:chats")).hasSize(1);
        assertThat(SIM.simulator().faults().remaining()).isZero();

        SIM.simulator().faults().on("GET", CHATS).always().status(500);
        assertThatThrownBy(() -> chats("ebbot:chats?maxRetries=2"))
                .cause().isInstanceOfSatisfying(ChatbotVendorException.class,
                        e -> assertThat(e.getHttpStatus()).isEqualTo(500));
    }

    @Test
    void aWriteAnsweredWithAServerErrorIsNotRepeated() {
        String webhookId = ebbot().createIncomingWebhook();
        SIM.simulator().faults().on("POST", "/api/webhooks/.*").times(1).status(502);

        assertThatThrownBy(() -> template.requestBody("ebbot:sendMessage?webhookId=" + webhookId, "hello"))
                .cause().isInstanceOf(ChatbotVendorException.class);
        assertThat(ebbot().requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
    }

    @Test
    void a429IsWaitedOutForAsLongAsTheVendorAsksWithinMaxRetryAfter() {
        ebbot().createChat(Instant.now());
        SIM.simulator().faults().on("GET", CHATS).times(1).status(429, Duration.ofSeconds(1));

        long started = System.nanoTime();
        assertThat(chats("ebbot:chats")).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

        SIM.simulator().faults().on("GET", CHATS).times(1).status(429, Duration.ofSeconds(120));
        assertThatThrownBy(() -> chats("ebbot:chats?maxRetryAfter=5s"))
                .cause().isInstanceOfSatisfying(ChatbotRateLimitedException.class,
                        e -> assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(120)));
    }

    @Test
    void malformedJsonIsReportedAsSuch() {
        SIM.simulator().faults().on("GET", CHATS).times(1).malformedJson();

        assertThatThrownBy(() -> chats("ebbot:chats"))
                .cause().isInstanceOf(ChatbotMalformedResponseException.class).hasMessageContaining("invalid JSON");
    }

    @Test
    void aConnectionDroppedMidAnswerIsRetriedForReadsAndReportedWhenRetriesAreOff() {
        ebbot().createChat(Instant.now());
        SIM.simulator().faults().on("GET", CHATS).times(1).dropConnection();
        assertThat(chats("ebbot:chats")).hasSize(1);

        SIM.simulator().faults().on("GET", CHATS).times(1).dropConnection();
        assertThatThrownBy(() -> chats("ebbot:chats?maxRetries=0"))
                .cause().isInstanceOf(ChatbotConnectionException.class);
    }

    @Test
    void anAnswerSlowerThanTheResponseTimeoutIsATimeoutAndIsNotRetried() {
        SIM.simulator().faults().on("GET", CHATS).times(1).latency(Duration.ofSeconds(2));

        assertThatThrownBy(() -> chats("ebbot:chats?responseTimeout=300"))
                .cause().isInstanceOf(ChatbotTimeoutException.class);
        assertThat(ebbot().requestCount()).isEqualTo(1);
    }

    @Test
    void requestsOverEbbotsLimitHangAndTimeOutWhichTheClientSideLimitPrevents() {
        ebbot().setRateLimit(2, Duration.ofSeconds(30));
        ebbot().setHangTimeout(Duration.ofSeconds(5));

        chats("ebbot:chats?rateLimit=0&responseTimeout=500");
        chats("ebbot:chats?rateLimit=0&responseTimeout=500");
        assertThatThrownBy(() -> chats("ebbot:chats?rateLimit=0&responseTimeout=500"))
                .cause().isInstanceOf(ChatbotTimeoutException.class);
    }

    @Test
    void aConsumerSurvivesFaultsAndLosesNothing() throws Exception {
        List<String> expected = List.of(ebbot().createChat(Instant.now().minusSeconds(3)),
                ebbot().createChat(Instant.now().minusSeconds(2)));
        SIM.simulator().faults().on("GET", CHATS).times(6).status(500);
        List<String> delivered = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ebbot:chats?maxRetries=1&delay=100&initialDelay=0")
                        .process(e -> delivered.add(e.getMessage().getHeader(EbbotConstants.CHAT_ID, String.class)));
            }
        });

        await().until(() -> delivered.size() == 2);
        assertThat(delivered).containsExactlyElementsOf(expected);
        assertThat(SIM.simulator().faults().remaining()).isZero();
    }


    @SuppressWarnings("unchecked")
    private List<EbbotChat> chats(String uri) {
        return template.requestBody(uri, (Object) null, List.class);
    }
}
