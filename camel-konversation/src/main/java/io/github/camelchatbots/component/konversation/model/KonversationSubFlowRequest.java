package io.github.camelchatbots.component.konversation.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The request of {@code sendSubFlow}: the subscriber by namespace with the sub flow by namespace or by name, or the
 * subscriber by channel id with the sub flow by namespace.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationSubFlowRequest(String userNs, String userId, String subFlowNs, String flowName) {
}
