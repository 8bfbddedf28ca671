package io.github.camelchatbots.simulator.http;

import io.github.camelchatbots.simulator.RecordedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A request as a route handler sees it: the recorded request plus the groups its path pattern captured. */
public record Request(RecordedRequest recorded, List<String> pathParams) {

    public String pathParam(int index) {
        return pathParams.get(index);
    }

    public String header(String name) {
        return recorded.header(name);
    }

    public String body() {
        return recorded.body();
    }

    /** The first value of a query parameter, decoded, or {@code null} when absent. */
    public String queryParam(String name) {
        for (String pair : recorded.query().split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
