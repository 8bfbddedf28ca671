package io.github.camelchatbots.simulator;

import com.sun.net.httpserver.HttpServer;

import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation;
import io.github.camelchatbots.simulator.ebbot.EbbotSimulation;
import io.github.camelchatbots.simulator.engati.EngatiSimulation;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory fake of chatbot vendors' HTTP APIs on one local server, each vendor under its own path prefix, with
 * fault injection shared by all of them.
 *
 * <pre>{@code
 * try (ChatbotSimulator sim = ChatbotSimulator.start()) {
 *     String chatId = sim.ebbot().createChat(Instant.now(), "Jane");
 *     // point the client at sim.ebbot().baseUrl() with sim.ebbot().apiKey()
 * }
 * }</pre>
 */
public final class ChatbotSimulator implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final FaultInjector faults = new FaultInjector();
    private final EbbotSimulation ebbot = new EbbotSimulation();
    private final ChatbotcomSimulation chatbotcom = new ChatbotcomSimulation();
    private final EngatiSimulation engati = new EngatiSimulation();
    private final KonversationSimulation konversation = new KonversationSimulation();
    private final ChataibotSimulation chataibot = new ChataibotSimulation();
    private final List<VendorSimulation> vendors = List.of(ebbot, chatbotcom, engati, konversation, chataibot);

    private ChatbotSimulator(int port) {
        try {
            // Loopback only: the simulator accepts any data and must not be reachable from the network.
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the chatbot simulator on port " + port, e);
        }
        // One thread per request, so requests deliberately left hanging never hold up the others.
        executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        vendors.forEach(vendor -> vendor.register(server, faults));
        server.start();
    }

    /** Starts on a random free port. */
    public static ChatbotSimulator start() {
        return start(0);
    }

    public static ChatbotSimulator start(int port) {
        // without it the JDK HTTP server holds each answer ~40 ms for Nagle's algorithm; it is read once, when the
        // server's classes load, so an embedding JVM that set nothing gets it here, before the first server starts
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        return new ChatbotSimulator(port);
    }

    /** Starts and fills every vendor with the deterministic demo world for {@code seed}. */
    public static ChatbotSimulator startDemo(int port, long seed) {
        ChatbotSimulator simulator = start(port);
        simulator.vendors.forEach(vendor -> vendor.seedDemo(seed));
        return simulator;
    }

    /** {@code http://127.0.0.1:<port>}; vendors live below it, see e.g. {@link EbbotSimulation#baseUrl()}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public EbbotSimulation ebbot() {
        return ebbot;
    }

    public ChatbotcomSimulation chatbotcom() {
        return chatbotcom;
    }

    public EngatiSimulation engati() {
        return engati;
    }

    public KonversationSimulation konversation() {
        return konversation;
    }

    public ChataibotSimulation chataibot() {
        return chataibot;
    }

    public FaultInjector faults() {
        return faults;
    }

    public List<VendorSimulation> vendors() {
        return vendors;
    }

    /** Every vendor back to its freshly started state, and no fault rules. */
    public void reset() {
        faults.clear();
        vendors.forEach(VendorSimulation::reset);
    }

    /** Stops the server; requests still hanging or delayed are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "chatbot-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
