package io.github.camelchatbots.simulator;

import com.sun.net.httpserver.HttpServer;

import java.util.List;

/**
 * One vendor's fake API. Each vendor is mounted under {@code /<name>} on the shared server, so several vendors whose
 * real APIs use the same paths (e.g. {@code /api/...}) can run side by side.
 */
public interface VendorSimulation {

    /** Lower-case vendor id; it is the path prefix and what {@link FaultRule#vendor(String)} matches. */
    String name();

    /** Mounts the vendor's routes under {@code /<name>}; called once, before the server accepts requests. */
    void register(HttpServer server, FaultInjector faults);

    /** Back to a freshly started state: no data, default keys, limits and counters. */
    void reset();

    /** Deterministic demo content for the given seed: realistic data plus whatever a demo client needs to talk to. */
    void seedDemo(long seed);

    /**
     * A task that, run repeatedly, makes the demo world move (new chats, new messages), deterministic for the seed, so
     * that a polling client has something to pick up.
     */
    Runnable demoActivity(long seed);

    /** Human-readable lines telling a client how to connect (base URL, credentials, webhook URLs). */
    List<String> connectionInfo();
}
