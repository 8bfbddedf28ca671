package io.github.camelchatbots.component.konversation.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The request of {@code updateOrderStatus}.
 *
 * @param status paid, ordered, processing, shipped, completed, cancelled or refunded
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationOrderStatus(String userNs, Integer orderId, String status) {
}
