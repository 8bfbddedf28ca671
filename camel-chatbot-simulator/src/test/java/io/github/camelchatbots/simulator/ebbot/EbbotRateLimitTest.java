package io.github.camelchatbots.simulator.ebbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelchatbots.simulator.SimulatorExtension;
import io.github.camelchatbots.simulator.TestHttp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

class EbbotRateLimitTest {

    @RegisterExtension
    static SimulatorExtension SIM = new SimulatorExtension();

    private final TestHttp http = new TestHttp();
    private String listUrl;

    @BeforeEach
    void twoRequestsPerSecond() {
        SIM.ebbot().setRateLimit(2, Duration.ofSeconds(1));
        SIM.ebbot().setHangTimeout(Duration.ofSeconds(1));
        listUrl = SIM.ebbot().baseUrl() + "/api/chats/company_chats";
    }

    private int get() throws Exception {
        return http.get(listUrl, SIM.ebbot().apiKey()).statusCode();
    }

    /** Over the limit nothing comes back, so the client gives up after its own timeout. */
    private void getTimesOut() {
        assertThatThrownBy(() -> http.get(listUrl, SIM.ebbot().apiKey(), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void requestsOverTheLimitHangAndDoNotConsumeBudget() throws Exception {
        assertThat(get()).isEqualTo(200);
        assertThat(get()).isEqualTo(200);

        getTimesOut();
        getTimesOut();

        assertThat(SIM.ebbot().requestCount()).isEqualTo(2);
        assertThat(SIM.ebbot().rejectedByRateLimit()).isEqualTo(2);
        assertThat(SIM.ebbot().maxRequestsInAnyWindow()).isEqualTo(2);
        assertThat(SIM.ebbot().requests()).as("rejected requests are recorded too").hasSize(4);

        Thread.sleep(1_000);
        assertThat(get()).as("a new window has budget again").isEqualTo(200);
        assertThat(SIM.ebbot().requestCount()).isEqualTo(3);
    }

    @Test
    void aHungRequestIsClosedWithoutAnyResponseAfterTheHangTimeout() throws Exception {
        SIM.ebbot().setRateLimit(1, Duration.ofMinutes(1));
        SIM.ebbot().setHangTimeout(Duration.ofMillis(200));
        assertThat(get()).isEqualTo(200);
        URI base = URI.create(SIM.ebbot().baseUrl());

        // A raw socket shows exactly what is on the wire; the JDK HttpClient would transparently retry a GET whose
        // connection closes before any response byte, and so send it twice.
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            String request = "GET " + base.getPath() + "/api/chats/company_chats HTTP/1.1\r\n"
                    + "Host: " + base.getAuthority() + "\r\n"
                    + "x-api-key: " + SIM.ebbot().apiKey() + "\r\n\r\n";
            long start = System.nanoTime();
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));

            assertThat(socket.getInputStream().readAllBytes()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
        assertThat(SIM.ebbot().rejectedByRateLimit()).isEqualTo(1);
        assertThat(SIM.ebbot().requestCount()).isEqualTo(1);
    }

    @Test
    void maxRequestsInAnyWindowReflectsTheClientsPace() throws Exception {
        SIM.ebbot().setRateLimit(100, Duration.ofMillis(500));

        for (int i = 0; i < 3; i++) {
            get();
        }
        Thread.sleep(600);
        get();

        assertThat(SIM.ebbot().requestCount()).isEqualTo(4);
        assertThat(SIM.ebbot().maxRequestsInAnyWindow()).isEqualTo(3);
        assertThat(SIM.ebbot().rejectedByRateLimit()).isZero();
    }

    @Test
    void unauthorizedAndUnknownChatRequestsCountAgainstTheLimitToo() throws Exception {
        http.get(listUrl, "bad.key");
        http.get(listUrl + "/unknown/transcript", SIM.ebbot().apiKey());

        getTimesOut();
        assertThat(SIM.ebbot().requestCount()).isEqualTo(2);
    }
}
