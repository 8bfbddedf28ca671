package io.github.camelchatbots.support.error;

/**
 * Which call failed, described without anything secret: the query string is left out because some vendors put
 * tokens there, and the host is left out because the base URL is configuration the user already knows.
 */
public record ChatbotCall(String vendor, String method, String path) {

    @Override
    public String toString() {
        return vendor + " " + method + " " + path;
    }
}
