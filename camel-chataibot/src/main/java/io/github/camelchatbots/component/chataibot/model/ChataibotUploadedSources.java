package io.github.camelchatbots.component.chataibot.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * ChatAIBot's answer to an upload: the sources created, grouped under the form field each came in, as ChatAIBot
 * writes them ({@code {"<field>":[{...}],"knowledge_base_id":876}}). Every source starts {@code in-progress}; the
 * {@code sourceStatus} operation tells what became of it.
 *
 * @param fields the sources by form field, in the order of the answer
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChataibotUploadedSources(Long knowledgeBaseId,
                                       @JsonAnySetter @JsonAnyGetter Map<String, List<ChataibotSource>> fields) {

    public ChataibotUploadedSources {
        fields = fields == null ? new LinkedHashMap<>() : fields;
    }

    /** Every source of the answer, field after field. */
    public List<ChataibotSource> sources() {
        return fields.values().stream().flatMap(List::stream).toList();
    }

    /** The ids of {@link #sources()}, for {@code sourceStatus}. */
    public List<Long> sourceIds() {
        return sources().stream().map(ChataibotSource::id).toList();
    }
}
