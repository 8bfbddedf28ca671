package io.github.camelchatbots.support.consumer;

import java.util.Map;

/**
 * One thing a polling consumer delivers, with the cursor to store once its exchange has completed successfully.
 *
 * @param body        the exchange body (a vendor record)
 * @param id          the stable id of the item, set as the endpoint's id header for idempotent consumers
 * @param cursorAfter the cursor value that marks this item and everything before it as delivered
 * @param headers     further headers for the exchange
 */
public record PollItem(Object body, String id, String cursorAfter, Map<String, Object> headers) {
}
