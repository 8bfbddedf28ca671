package io.github.camelchatbots.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A scheduled fault, built fluently from {@link FaultInjector#on(String, String)}. The rule is live from the moment
 * it is created but matches nothing until a fault kind (latency, status, ...) has been chosen, so the builder calls
 * may come in any order.
 */
public final class FaultRule {

    private static final int ALWAYS = -1;

    private final String method;
    private final Pattern path;
    // The rest is guarded by this: a test thread builds the rule while server threads may already match it.
    private String vendor;
    private Fault fault;
    private int remaining = 1;

    FaultRule(String method, String pathRegex) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = Pattern.compile(pathRegex);
    }

    /** Applies to the next {@code n} matching requests (default 1). */
    public synchronized FaultRule times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + n);
        }
        remaining = n;
        return this;
    }

    /** Applies to every matching request until {@link FaultInjector#clear()}. */
    public synchronized FaultRule always() {
        remaining = ALWAYS;
        return this;
    }

    /** Delays the request, then answers it normally. */
    public FaultRule latency(Duration delay) {
        return set(new Fault.Latency(Objects.requireNonNull(delay)));
    }

    /** Answers with this status and the vendor's error body. */
    public FaultRule status(int code) {
        return set(new Fault.Status(code, null));
    }

    /** Answers with this status, the vendor's error body and a {@code Retry-After} header in whole seconds. */
    public FaultRule status(int code, Duration retryAfter) {
        return set(new Fault.Status(code, Objects.requireNonNull(retryAfter)));
    }

    /** Answers 200 with a body that is not valid JSON. */
    public FaultRule malformedJson() {
        return set(new Fault.MalformedJson());
    }

    /** Sends the headers and about half of the real body, then closes the connection. */
    public FaultRule dropConnection() {
        return set(new Fault.DropConnection());
    }

    /** Restricts the rule to one vendor part, e.g. {@code "ebbot"}; by default it applies to all. */
    public synchronized FaultRule vendor(String name) {
        this.vendor = Objects.requireNonNull(name);
        return this;
    }

    private synchronized FaultRule set(Fault chosen) {
        this.fault = chosen;
        return this;
    }

    /** Consumes one application if the rule matches. */
    synchronized Fault claim(String requestVendor, String requestMethod, String requestPath) {
        boolean matches = fault != null
                && remaining != 0
                && (vendor == null || vendor.equals(requestVendor))
                && method.equalsIgnoreCase(requestMethod)
                && path.matcher(requestPath).matches();
        if (!matches) {
            return null;
        }
        if (remaining != ALWAYS) {
            remaining--;
        }
        return fault;
    }

    /** Pending applications; rules set to {@link #always()} have no finite count and report 0. */
    synchronized int remaining() {
        return remaining == ALWAYS ? 0 : remaining;
    }
}
