package io.github.camelchatbots.support.webhook;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A vendor's webhook served on the runtime's HTTP server through platform-http (Camel Main, Spring Boot, Quarkus),
 * answered within the vendor's deadline however busy the route is.
 * <ul>
 * <li>Each event reaches the route in an exchange of its own, so the request's headers (among them tokens sent as
 * query parameters) never travel with it.</li>
 * <li>{@code replyTimeout} bounds the whole answer, counted from the request's arrival: the time the request waited
 * for a server thread counts too. A route slower than that gets an empty reply sent in time; its own reply is
 * dropped.</li>
 * <li>At most {@code webhookConcurrency} events run in the route at once, on threads of their own. An event that
 * finds them all busy waits in a queue of {@code webhookQueueSize} and is answered empty at once, so that the server's
 * threads are never all held by waiting requests; an event that finds the queue full too is dropped, answered empty,
 * and counted in a warning. Warnings come at most every ten seconds, with the counts since the last.</li>
 * </ul>
 * The vendor part says how a request is authorised, what an event is and how the route's body becomes a reply.
 *
 * @param <E> the vendor's event record
 */
public abstract class WebhookConsumer<E> extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookConsumer.class);
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final WebhookSettings settings;
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile long lastWarning = System.nanoTime() - WARNING_INTERVAL_NANOS;
    private Consumer httpConsumer;
    private ThreadPoolExecutor routeThreads;

    /** What the vendor part sets: where it is served, how long the vendor waits, how much it may take at once. */
    public record WebhookSettings(String vendor, String path, String methods, long replyTimeoutMillis,
                                  int concurrency, int queueSize) {
    }

    protected WebhookConsumer(Endpoint endpoint, Processor processor, WebhookSettings settings) {
        super(endpoint, processor);
        this.settings = settings;
    }

    /** A reply that needs no route (a verification handshake, a refused token), or null to deliver the request. */
    protected abstract WebhookReply answerWithoutRoute(Message request);

    /**
     * The event the request carries.
     *
     * @throws IllegalArgumentException when the body is not an event; the vendor gets 400 with the message
     */
    protected abstract E readEvent(Message request);

    /** Puts the event and its headers on the route's fresh message. */
    protected abstract void populate(Message message, E event);

    /** The reply from what the route left in the exchange. */
    protected abstract WebhookReply replyOf(Exchange routed) throws Exception;

    /** What the vendor takes as "nothing to say", sent when the route cannot answer in time. */
    protected abstract WebhookReply emptyReply();

    /** How an event is named in logs, e.g. {@code chat 602313f0}. */
    protected abstract String describe(E event);

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ThreadPoolProfile profile = new ThreadPoolProfile(settings.vendor() + "Webhook");
        profile.setPoolSize(settings.concurrency());
        profile.setMaxPoolSize(settings.concurrency());
        profile.setMaxQueueSize(settings.queueSize());
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        ExecutorService pool = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newThreadPool(this, settings.vendor() + "Webhook", profile);
        routeThreads = pool instanceof ThreadPoolExecutor executor ? executor : null;
        if (routeThreads == null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(pool);
            throw new IllegalStateException("Camel's thread pool factory did not give a ThreadPoolExecutor");
        }
        Endpoint http = getEndpoint().getCamelContext().getEndpoint("platform-http:" + settings.path()
                                                                      + "?httpMethodRestrict=" + settings.methods());
        httpConsumer = http.createConsumer(this::answer);
        ServiceHelper.startService(httpConsumer);
        LOG.info("Serving the {} webhook on {}", settings.vendor(), settings.path());
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        if (routeThreads != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(routeThreads);
            routeThreads = null;
        }
        super.doStop();
    }

    /** Answers one request on the platform-http exchange. */
    private void answer(Exchange http) {
        // created when the server took the request in: queueing for a server thread counts against the deadline
        long deadline = http.getClock().getCreated() + settings.replyTimeoutMillis();
        Message request = http.getMessage();
        WebhookReply reply = answerWithoutRoute(request);
        if (reply == null) {
            reply = deliver(request, deadline);
        }
        // the request's headers (tokens among them) must not be echoed in the answer
        request.removeHeaders("*");
        request.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        request.setHeader(Exchange.CONTENT_TYPE, reply.contentType());
        request.setBody(reply.body());
    }

    private WebhookReply deliver(Message request, long deadline) {
        E event;
        try {
            event = readEvent(request);
        } catch (IllegalArgumentException notAnEvent) {
            LOG.warn("Refused a {} webhook request on {}: {}", settings.vendor(), settings.path(),
                    notAnEvent.getMessage());
            return WebhookReply.error(400, "not a webhook event");
        }
        boolean allBusy = routeThreads.getActiveCount() >= settings.concurrency();
        Future<WebhookReply> routed;
        try {
            routed = routeThreads.submit(() -> route(event));
        } catch (RejectedExecutionException full) {
            dropped.incrementAndGet();
            warnIfDue();
            return emptyReply();
        } catch (RuntimeException failed) {
            LOG.error("The {} webhook event of {} could not be handed to the route", settings.vendor(),
                    describe(event), failed);
            return WebhookReply.error(500, "webhook failed");
        }
        long remaining = deadline - System.currentTimeMillis();
        if (allBusy || remaining <= 0) {
            // it runs once a route thread is free; a server thread must not wait for that
            (allBusy ? queued : late).incrementAndGet();
            warnIfDue();
            return emptyReply();
        }
        try {
            return routed.get(remaining, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            late.incrementAndGet();
            warnIfDue();
            return emptyReply();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WebhookReply.error(503, "shutting down");
        } catch (ExecutionException e) {
            LOG.error("The {} webhook event of {} failed outside the route", settings.vendor(), describe(event),
                    e.getCause());
            return WebhookReply.error(500, "webhook failed");
        }
    }

    /** Runs the route with the event in an exchange of its own and turns what it leaves into a reply. */
    private WebhookReply route(E event) {
        Exchange exchange = createExchange(false);
        try {
            populate(exchange.getIn(), event);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("The route failed on the " + settings.vendor()
                                                      + " webhook event of " + describe(event), exchange,
                        exchange.getException());
                return WebhookReply.error(500, "webhook failed");
            }
            try {
                return replyOf(exchange);
            } catch (Exception e) {
                getExceptionHandler().handleException("The route's reply to the " + settings.vendor()
                                                      + " webhook event of " + describe(event)
                                                      + " cannot be sent", exchange, e);
                return WebhookReply.error(500, "webhook reply is not valid");
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private void warnIfDue() {
        long now = System.nanoTime();
        long last = lastWarning;
        if (now - last < WARNING_INTERVAL_NANOS) {
            return;
        }
        synchronized (this) {
            if (lastWarning != last) {
                return;
            }
            lastWarning = now;
        }
        long wereLate = late.getAndSet(0);
        long wereQueued = queued.getAndSet(0);
        long wereDropped = dropped.getAndSet(0);
        LOG.warn("The {} webhook on {} answered with an empty reply so that {} does not give up: {} event(s) whose"
                 + " route took longer than {} ms (their replies are dropped), {} waiting for one of the {} route"
                 + " threads (they still run), {} dropped because {} were already waiting. Hand slow work off from"
                 + " the route, or raise webhookConcurrency.", settings.vendor(), settings.path(), settings.vendor(),
                wereLate, settings.replyTimeoutMillis(), wereQueued, settings.concurrency(), wereDropped,
                settings.queueSize());
    }

    /** Events currently running in the route or waiting for it. */
    public int getEventsInFlight() {
        ThreadPoolExecutor threads = routeThreads;
        return threads == null ? 0 : threads.getActiveCount() + threads.getQueue().size();
    }

    public WebhookSettings getSettings() {
        return settings;
    }
}
