package io.github.camelchatbots.component.chatbotcom;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ChatBot.com gives up on a webhook after 10 seconds. With the defaults, a flood of events to a route that is stuck
 * must still all be answered within them, with a bounded number of threads, and say so in a warning.
 */
class ChatbotcomWebhookLoadTest extends ChatbotcomTestSupport {

    private static final String TOKEN = "verify-me-0123";
    private static final int EVENTS = 200;
    private static final Duration VENDOR_DEADLINE = Duration.ofSeconds(10);

    private final CountDownLatch release = new CountDownLatch(1);
    private final Set<String> routeThreads = ConcurrentHashMap.newKeySet();
    private int port;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(context);
        server.setHost("127.0.0.1");
        server.setPort(port);
        context.addService(server);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("chatbotcom:webhook?webhookPath=/hooks/stuck&replyTimeout=5s&webhookVerifyToken=" + TOKEN)
                        .process(exchange -> {
                            routeThreads.add(Thread.currentThread().getName());
                            release.await();
                        });
            }
        };
    }

    @AfterEach
    void releaseTheRoute() {
        release.countDown();
    }

    @Test
    void aFloodOfEventsToAStuckRouteIsAnsweredWithinTheVendorsDeadline() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<Duration>> answers = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/stuck?token="
                                                                    + TOKEN))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"chatId\":\"chat-" + i + "\"}")).build();
            long sent = System.nanoTime();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("{\"responses\":[]}");
                return Duration.ofNanos(System.nanoTime() - sent);
            }));
        }

        List<Duration> times = new ArrayList<>();
        for (CompletableFuture<Duration> answer : answers) {
            times.add(answer.get());
        }

        assertThat(times).allSatisfy(time -> assertThat(time).isLessThan(VENDOR_DEADLINE));
        assertThat(routeThreads).hasSizeLessThanOrEqualTo(10);
        String log = Files.readString(Path.of("target/test-logs/camel-chatbotcom-tests.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("answered with an empty reply so that ChatBot.com does not give up");
    }
}
