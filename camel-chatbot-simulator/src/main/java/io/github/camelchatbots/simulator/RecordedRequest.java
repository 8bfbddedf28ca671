package io.github.camelchatbots.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request as it reached a vendor simulation, so tests can assert what a client actually sent.
 *
 * @param method  HTTP method, upper case
 * @param path    path relative to the vendor's base URL, e.g. {@code /api/chats/company_chats}
 * @param query   raw query string without {@code ?}; empty when there was none
 * @param headers request headers with lower-case names
 * @param body    request body decoded as UTF-8; empty when there was none
 * @param at      arrival time
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
        Instant at) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, or {@code null}; HTTP header names are case-insensitive. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
