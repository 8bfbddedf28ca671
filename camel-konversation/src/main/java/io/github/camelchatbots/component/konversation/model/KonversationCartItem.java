package io.github.camelchatbots.component.konversation.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A line of a cart or an order (the spec's CartItem).
 *
 * @param id       the product variant's id, which addToCart and removeFromCart take as variantId
 * @param num      how many
 * @param currency e.g. {@code aud}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationCartItem(Long id, Long productId, String name, String desc, String image, BigDecimal price,
                                   BigDecimal comparePrice, String currency, Integer num, BigDecimal subtotal,
                                   @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public KonversationCartItem {
        other = other == null ? new LinkedHashMap<>() : other;
    }
}
