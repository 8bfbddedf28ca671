package io.github.camelchatbots.component.konversation.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One page of a list read, as konversation's (Laravel's) paginator sends it. The spec shows only {@code data};
 * {@code meta.current_page}, {@code meta.last_page} and {@code meta.total} are what clients page by, and the rest of
 * the paginator is as Laravel has it. {@code meta} and {@code links} are null when an answer has none.
 *
 * @param data  the items of this page
 * @param meta  where the page stands in the list
 * @param links the paginator's URLs of the first, last, previous and next page
 * @param <T>   the items' record
 */
public record KonversationPage<T>(List<T> data, Meta meta, Links links) {

    public KonversationPage {
        data = data == null ? List.of() : List.copyOf(data);
    }

    /**
     * Whether a page follows this one: by {@code meta}, or, when the answer has none, by whether this page had
     * items at all.
     */
    public boolean hasNextPage() {
        if (meta != null && meta.currentPage() != null && meta.lastPage() != null) {
            return meta.currentPage() < meta.lastPage();
        }
        return !data.isEmpty();
    }

    /**
     * @param currentPage the page's number, from 1
     * @param lastPage    the number of the last page; 1 for an empty list
     * @param total       how many items the whole list has
     * @param from        the position of the page's first item in the list, from 1; null for an empty page
     * @param other       every further field, as konversation sent it
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Meta(Integer currentPage, Integer lastPage, Integer total, Integer from, Integer to, Integer perPage,
                       String path, @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

        public Meta {
            other = other == null ? new LinkedHashMap<>() : other;
        }
    }

    public record Links(String first, String last, String prev, String next) {
    }
}
