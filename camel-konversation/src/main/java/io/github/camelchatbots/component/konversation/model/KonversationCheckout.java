package io.github.camelchatbots.component.konversation.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The request of {@code cartPaid}: the subscriber's cart becomes an order.
 *
 * @param shippingMethod pickup or delivery
 * @param paymentMethod  e.g. cash or card
 * @param other          further checkout fields, sent as they are
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationCheckout(String userNs, String shippingMethod, String paymentMethod, String referenceNo,
                                   String note, String phone, String name, String email, String address,
                                   String suburb, String state, String postcode, String country, String trackingNo,
                                   @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public KonversationCheckout {
        other = other == null ? new LinkedHashMap<>() : other;
    }
}
