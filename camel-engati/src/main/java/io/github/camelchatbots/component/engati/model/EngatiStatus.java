package io.github.camelchatbots.component.engati.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * The {@code status} of Engati's envelope, {@code {"status":{"code":1000,"desc":"SUCCESS"},"responseObject":...}}.
 *
 * @param code    1000 for success; 2000 failure, 2003 bot not found, 2004 API key not found (the bot's WhatsApp key),
 *                2005 invalid file format, 2006 file upload failed
 * @param desc    the code's name, e.g. {@code SUCCESS}, as Engati's docs show it
 * @param message the text Engati's clients read; which of the two Engati fills is not documented
 * @param other   every further field, as Engati sent it
 */
public record EngatiStatus(Integer code, String desc, String message,
                           @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public static final int SUCCESS = 1000;

    public EngatiStatus {
        other = VendorFields.kept(other);
    }

    /** Whether the code is 1000; an answer that reaches a caller always is, failures are thrown. */
    public boolean succeeded() {
        return code != null && code == SUCCESS;
    }
}
