package io.github.camelchatbots.simulator.chataibot;

import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.CallbackCall;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Message;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POSTs the bot's replies to the client's callback URL: asynchronously, as a platform pushing events would, but one
 * after the other within a conversation, so that a client sees the replies in the order the bot gave them. Each reply
 * is tried once (retries off: a test sees exactly what a failing callback cost), and every call is logged.
 */
final class ChataibotCallbackCaller {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The newest calls kept; a benchmark pushing replies for hours must not fill the memory with them. */
    static final int MAX_KEPT_CALLS = 10_000;

    /** @param headerName the header carrying {@code secret}; both {@code null} when none is sent */
    private record Target(String url, String headerName, String secret) {
    }

    private static final CompletableFuture<Void> IDLE = CompletableFuture.completedFuture(null);

    private final HttpClient client = HttpClient.newBuilder()
            // Plain HTTP/1.1: an h2c upgrade attempt would only add noise to what the client's server sees.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(DEFAULT_TIMEOUT)
            .build();
    private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());

    // Guarded by this.
    private final Map<String, CompletableFuture<Void>> lastDeliveryByConversation = new HashMap<>();
    private final ArrayDeque<CallbackCall> calls = new ArrayDeque<>();
    private Target target;
    private Duration timeout = DEFAULT_TIMEOUT;
    /** Bumped by every reset, so that deliveries queued before it neither go out nor land in the new log. */
    private long generation;

    synchronized void register(String url, String headerName, String secret) {
        URI.create(Objects.requireNonNull(url));
        if ((headerName == null) != (secret == null)) {
            throw new IllegalArgumentException("a callback secret needs both a header name and a value");
        }
        target = new Target(url, headerName, secret);
    }

    synchronized String url() {
        return target == null ? null : target.url();
    }

    synchronized void setTimeout(Duration newTimeout) {
        if (newTimeout.isNegative() || newTimeout.isZero()) {
            throw new IllegalArgumentException("the callback timeout must be positive, was " + newTimeout);
        }
        timeout = newTimeout;
    }

    /**
     * Queues the reply behind the earlier ones of its conversation and returns at once. The target and timeout are
     * those of now: a callback registered later does not receive replies given before.
     */
    void deliver(Message reply) {
        String body = ChataibotJson.callbackBody(reply);
        String conversationId = reply.conversationId();
        CompletableFuture<Void> delivery;
        synchronized (this) {
            Target to = target;
            Duration limit = timeout;
            long queuedIn = generation;
            Runnable send = () -> post(queuedIn, to, limit, reply, body);
            delivery = lastDeliveryByConversation.getOrDefault(conversationId, IDLE)
                    .exceptionally(failure -> null)
                    .thenRunAsync(send, executor);
            lastDeliveryByConversation.put(conversationId, delivery);
        }
        // Forget finished conversations; only the newest delivery of each is ever waited on.
        delivery.whenComplete((done, failure) -> {
            synchronized (this) {
                lastDeliveryByConversation.remove(conversationId, delivery);
            }
        });
    }

    synchronized List<CallbackCall> calls() {
        return List.copyOf(calls);
    }

    /** Waits until at least {@code count} calls were made, or the timeout passed; returns the calls made by then. */
    synchronized List<CallbackCall> await(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        long waitGeneration = generation;
        while (calls.size() < count && generation == waitGeneration) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(calls);
    }

    synchronized void reset() {
        generation++;
        target = null;
        timeout = DEFAULT_TIMEOUT;
        calls.clear();
        lastDeliveryByConversation.clear();
        notifyAll();
    }

    /** Runs on the executor; never throws, since a failed stage would stop the conversation's later replies. */
    private void post(long queuedIn, Target to, Duration limit, Message reply, String body) {
        if (!current(queuedIn)) {
            return;
        }
        CallbackCall call;
        if (to == null) {
            call = new CallbackCall(null, reply.conversationId(), reply.id(), body, 0, null,
                    "no callback URL is registered");
        } else {
            call = exchange(to, limit, reply, body);
        }
        synchronized (this) {
            if (generation != queuedIn) {
                return;
            }
            if (calls.size() == MAX_KEPT_CALLS) {
                calls.removeFirst();
            }
            calls.addLast(call);
            notifyAll();
        }
    }

    private synchronized boolean current(long queuedIn) {
        return generation == queuedIn;
    }

    private CallbackCall exchange(Target to, Duration limit, Message reply, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(to.url()))
                    .timeout(limit)
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (to.headerName() != null) {
                request.header(to.headerName(), to.secret());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String error = status >= 200 && status <= 299 ? null : "HTTP " + status;
            return new CallbackCall(to.url(), reply.conversationId(), reply.id(), body, status, response.body(),
                    error);
        } catch (HttpTimeoutException e) {
            return failed(to, reply, body, "timeout of " + limit.toMillis() + "ms exceeded");
        } catch (IOException | RuntimeException e) {
            return failed(to, reply, body, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(to, reply, body, "interrupted");
        }
    }

    private static CallbackCall failed(Target to, Message reply, String body, String error) {
        return new CallbackCall(to.url(), reply.conversationId(), reply.id(), body, 0, null, error);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "chataibot-callback-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
