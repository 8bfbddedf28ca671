package io.github.camelchatbots.component.chataibot.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A knowledge-base source, as an upload answers it ({@code id, type, name, status, errors}) or as the status call
 * does ({@code id, name, status, knowledge_base_id}).
 *
 * @param type   {@code file} or {@code text}; only in upload answers
 * @param status {@code in-progress}, {@code completed} or {@code failed}
 * @param errors what went wrong, as ChatAIBot sent it (its shape is not documented), null for nothing; only in
 *               upload answers
 * @param other  every further field, as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChataibotSource(Long id, String type, String name, String status, JsonNode errors, Long knowledgeBaseId,
                              @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public static final String IN_PROGRESS = "in-progress";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    public ChataibotSource {
        // a JSON null reads as a NullNode: kept as null, so that a source written and read back is equal
        errors = errors == null || errors.isNull() ? null : errors;
        other = other == null ? new LinkedHashMap<>() : other;
    }

    public boolean completed() {
        return COMPLETED.equals(status);
    }

    public boolean failed() {
        return FAILED.equals(status);
    }

    /** Whether processing is over, one way or the other. */
    public boolean finished() {
        return completed() || failed();
    }
}
