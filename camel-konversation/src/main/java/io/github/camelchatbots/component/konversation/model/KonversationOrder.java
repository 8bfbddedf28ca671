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

/**
 * An order. The spec shows only {@code id}, {@code num_of_items} and {@code total_price}; the rest is what clients
 * and the shop's order pages show, and may be missing.
 *
 * @param status paid, ordered, processing, shipped, completed, cancelled or refunded
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationOrder(Long id, String userNs, String status, Integer numOfItems, BigDecimal totalPrice,
                                List<KonversationCartItem> items, String shippingMethod, String paymentMethod,
                                String referenceNo, @IsoInstant Instant createdAt, @IsoInstant Instant updatedAt,
                                @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public KonversationOrder {
        items = items == null ? List.of() : List.copyOf(items);
        other = other == null ? new LinkedHashMap<>() : other;
    }
}
