package io.github.camelchatbots.support.error;

import io.github.camelchatbots.support.Texts;

/**
 * Which call failed, described without anything secret: the query string is left out because some vendors put
 * tokens there, and the host is left out because the base URL is configuration the user already knows.
 */
public record ChatbotCall(String vendor, String method, String path) {

    /** Paths hold ids, checked for length before a call is made; a message naming one stays short regardless. */
    private static final int MAX_PATH_SHOWN = 300;

    @Override
    public String toString() {
        return vendor + " " + method + " " + Texts.bounded(path, MAX_PATH_SHOWN);
    }
}
