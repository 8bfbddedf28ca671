package io.github.camelchatbots.simulator.chatbotcom;

import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.Webhook;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.WebhookCall;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.WebhookEvent;
import io.github.camelchatbots.simulator.chatbotcom.ChatbotcomSimulation.WebhookVerification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The calls ChatBot.com makes to a client's webhook: the verification handshake when the webhook is registered, and
 * an event whenever an interaction bound to it matches. Every call is logged so tests can assert on it.
 */
final class ChatbotcomWebhookCaller {

    /** ChatBot.com gives up on a webhook after 10 s ("timeout of 10000ms exceeded"). */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private record Exchange(int status, String body, String error) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            // Plain HTTP/1.1: an h2c upgrade attempt would only add noise to what the client's server sees.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(DEFAULT_TIMEOUT)
            .build();
    /** Only verified webhooks, by id, in registration order. */
    private final Map<String, Webhook> webhooks = new LinkedHashMap<>();
    private final List<WebhookCall> calls = new CopyOnWriteArrayList<>();
    private volatile Duration timeout = DEFAULT_TIMEOUT;

    /**
     * Sends {@code GET <url>?challenge=<random>&token=<token>}; the webhook is verified, and kept under {@code id},
     * only if it answers 200 with exactly the challenge as its body.
     */
    WebhookVerification register(String id, String name, String url, String token) {
        String challenge = UUID.randomUUID().toString().replace("-", "");
        URI uri = withQuery(url, "challenge=" + encode(challenge) + "&token=" + encode(token));
        Exchange exchange = exchange(HttpRequest.newBuilder(uri).GET());
        boolean verified = exchange.status() == 200 && challenge.equals(exchange.body());
        String error = exchange.error();
        if (error == null && !verified) {
            error = exchange.status() != 200 ? "verification failed: HTTP " + exchange.status()
                    : "verification failed: the answer is not the challenge";
        }
        calls.add(new WebhookCall("GET", url, token, null, exchange.status(), exchange.body(), error));
        if (verified) {
            synchronized (webhooks) {
                webhooks.put(id, new Webhook(id, name, url, token));
            }
        }
        return new WebhookVerification(verified, exchange.status(), exchange.body(), verified ? id : null, error);
    }

    WebhookCall send(String webhookId, WebhookEvent event) {
        Webhook webhook;
        synchronized (webhooks) {
            webhook = webhooks.get(webhookId);
        }
        if (webhook == null) {
            throw new IllegalArgumentException("no verified webhook with id " + webhookId);
        }
        return post(webhook, event);
    }

    /** For an interaction bound to {@code url}; an unregistered URL is a failure, logged without any request. */
    WebhookCall deliver(String url, WebhookEvent event) {
        Webhook webhook;
        synchronized (webhooks) {
            webhook = webhooks.values().stream().filter(w -> w.url().equals(url)).findFirst().orElse(null);
        }
        if (webhook == null) {
            WebhookCall call = new WebhookCall("POST", url, null, null, 0, null,
                    "no verified webhook is registered for " + url);
            calls.add(call);
            return call;
        }
        return post(webhook, event);
    }

    List<Webhook> webhooks() {
        synchronized (webhooks) {
            return List.copyOf(webhooks.values());
        }
    }

    List<WebhookCall> calls() {
        return List.copyOf(calls);
    }

    void setTimeout(Duration newTimeout) {
        if (newTimeout.isNegative() || newTimeout.isZero()) {
            throw new IllegalArgumentException("the webhook timeout must be positive, was " + newTimeout);
        }
        timeout = newTimeout;
    }

    void reset() {
        synchronized (webhooks) {
            webhooks.clear();
        }
        calls.clear();
        timeout = DEFAULT_TIMEOUT;
    }

    private WebhookCall post(Webhook webhook, WebhookEvent event) {
        String body = ChatbotcomJson.webhookEvent(event, webhook);
        URI uri = withQuery(webhook.url(), "token=" + encode(webhook.token()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        Exchange exchange = exchange(request);
        String error = exchange.error();
        if (error == null && (exchange.status() < 200 || exchange.status() > 299)) {
            error = "HTTP " + exchange.status();
        } else if (error == null && !exchange.body().isBlank() && ChatbotcomJson.parseObject(exchange.body()) == null) {
            error = "the reply is not a JSON object";
        }
        WebhookCall call = new WebhookCall("POST", webhook.url(), webhook.token(), body, exchange.status(),
                exchange.body(), error);
        calls.add(call);
        return call;
    }

    private Exchange exchange(HttpRequest.Builder request) {
        Duration limit = timeout;
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(limit).build(), HttpResponse.BodyHandlers.ofString());
            return new Exchange(response.statusCode(), response.body(), null);
        } catch (HttpTimeoutException e) {
            return new Exchange(0, null, "timeout of " + limit.toMillis() + "ms exceeded");
        } catch (IOException e) {
            return new Exchange(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(0, null, "interrupted");
        }
    }

    private static URI withQuery(String url, String query) {
        return URI.create(url + (url.contains("?") ? "&" : "?") + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
