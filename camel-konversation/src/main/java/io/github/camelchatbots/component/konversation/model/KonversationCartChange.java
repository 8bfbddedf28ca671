package io.github.camelchatbots.component.konversation.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The request of {@code addToCart} and {@code removeFromCart}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationCartChange(String userNs, Integer variantId, Integer qty) {
}
