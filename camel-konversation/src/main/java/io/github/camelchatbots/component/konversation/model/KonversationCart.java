package io.github.camelchatbots.component.konversation.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.github.camelchatbots.support.json.IsoInstant;

/** A subscriber's cart (the spec's CartDetailResource). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationCart(Long id, List<KonversationCartItem> items, Integer numOfItems, BigDecimal totalPrice,
                               @IsoInstant Instant createdAt, @IsoInstant Instant updatedAt,
                               @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public KonversationCart {
        items = items == null ? List.of() : List.copyOf(items);
        other = other == null ? new LinkedHashMap<>() : other;
    }
}
