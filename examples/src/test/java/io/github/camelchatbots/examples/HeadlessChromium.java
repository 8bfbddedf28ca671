package io.github.camelchatbots.examples;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.awaitility.Awaitility.await;

/**
 * A headless Chromium driven over the DevTools protocol, with nothing but the JDK's WebSocket client: enough for a
 * test to open a page, type into it, press Enter and read what the page shows. Chromium picks its own debugging port
 * and writes it to {@code DevToolsActivePort} in its profile directory, so no port is guessed.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /**
     * The Chromium binary: {@code CHROMIUM_BIN} if set, else the first of chromium, chromium-browser, google-chrome on
     * the PATH; null when there is none.
     */
    static Path find() {
        String configured = System.getenv("CHROMIUM_BIN");
        if (configured != null && !configured.isBlank()) {
            Path binary = Path.of(configured);
            return Files.isExecutable(binary) ? binary : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : NAMES) {
            for (String directory : path.split(File.pathSeparator)) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    static HeadlessChromium start(Path binary) throws Exception {
        Path profile = Files.createTempDirectory("headless-chromium");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--disable-gpu", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-dev-shm-usage",
                // containers and CI run as root, where Chromium's sandbox cannot start
                "--no-sandbox",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        try {
            Path activePort = profile.resolve("DevToolsActivePort");
            await().atMost(START_TIMEOUT).until(() -> !process.isAlive() || Files.exists(activePort)
                                                     && Files.readAllLines(activePort).size() >= 2);
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium ended at once: " + Files.readString(
                        profile.resolve("chromium.log")));
            }
            int port = Integer.parseInt(Files.readAllLines(activePort).get(0).trim());
            HttpClient http = HttpClient.newHttpClient();
            String pageSocket = await().atMost(START_TIMEOUT).until(() -> pageSocket(http, port),
                    socket -> socket != null);
            return new HeadlessChromium(process, profile, http, URI.create(pageSocket));
        } catch (Exception | Error e) {
            stop(process, profile);
            throw e;
        }
    }

    private static String pageSocket(HttpClient http, int port) throws Exception {
        HttpResponse<String> targets = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : JSON.readTree(targets.body())) {
            if ("page".equals(target.path("type").asText())) {
                return target.path("webSocketDebuggerUrl").asText(null);
            }
        }
        return null;
    }

    private HeadlessChromium(Process process, Path profile, HttpClient http, URI pageSocket) {
        this.process = process;
        this.profile = profile;
        this.page = http.newWebSocketBuilder().buildAsync(pageSocket, new Listener()).join();
    }

    /** Loads the URL and waits until the page has loaded. */
    void open(String url) {
        call("Page.navigate", Map.of("url", url));
        await().atMost(CALL_TIMEOUT).until(() -> "complete".equals(evaluate("document.readyState").asText()));
    }

    /** Focuses the element and types the text as keyboard input would insert it, then presses Enter. */
    void typeAndPressEnter(String selector, String text) {
        evaluate("document.querySelector(" + JSON.valueToTree(selector) + ").focus()");
        call("Input.insertText", Map.of("text", text));
        for (String type : List.of("keyDown", "keyUp")) {
            call("Input.dispatchKeyEvent", Map.of("type", type, "key", "Enter", "code", "Enter",
                    "windowsVirtualKeyCode", 13, "text", "\r"));
        }
    }

    /** The value of a JavaScript expression in the page, awaited when it is a promise. */
    JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    private JsonNode call(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", JSON.valueToTree(params));
        page.sendText(command.toString(), true).join();
        try {
            JsonNode response = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (response.has("error")) {
                throw new IllegalStateException(method + " failed: " + response.get("error"));
            }
            return response.path("result");
        } catch (Exception e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            pending.remove(id);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder frame = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(frame.toString());
                    CompletableFuture<JsonNode> answer = pending.get(message.path("id").asInt(-1));
                    if (answer != null) {
                        answer.complete(message);
                    }
                } catch (IOException e) {
                    // not an answer to a call: events are of no interest here
                } finally {
                    frame.setLength(0);
                }
            }
            socket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        page.abort();
        stop(process, profile);
    }

    private static void stop(Process process, Path profile) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
