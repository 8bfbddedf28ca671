package io.github.camelchatbots.simulator.engati;

import java.util.Arrays;

/**
 * The application status codes of Engati's envelope, {@code "status":{"code":...,"desc":"<name>"}}. Engati documents
 * them for the external broadcast; the simulator uses them on every route, because clients read {@code status.code}
 * everywhere.
 */
public enum EngatiStatus {

    SUCCESS(1000),
    /** Anything not covered by a more specific code, including requests that fail validation. */
    FAILURE(2000),
    BOT_NOT_FOUND(2003),
    /** For the broadcast: no WhatsApp (360dialog) key configured for the bot, not the Engati API key. */
    API_KEY_NOT_FOUND(2004),
    INVALID_FILE_FORMAT(2005),
    FILE_UPLOAD_FAILED(2006);

    private final int code;

    EngatiStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws IllegalArgumentException for a code Engati does not document */
    public static EngatiStatus of(int code) {
        return Arrays.stream(values())
                .filter(status -> status.code == code)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Engati documents no status code " + code
                        + "; known codes: " + Arrays.stream(values()).map(s -> s.code + " " + s.name()).toList()));
    }
}
