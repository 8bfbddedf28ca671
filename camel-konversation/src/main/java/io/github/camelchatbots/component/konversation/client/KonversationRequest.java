package io.github.camelchatbots.component.konversation.client;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One konversation call, ready to send: GET sends its fields as the query, POST, PUT and DELETE as the JSON body.
 *
 * @param operation the operation it makes, for errors, e.g. {@code konversation:addTags}
 * @param method    GET, POST, PUT or DELETE
 * @param path      the path below the base URL, one segment per element
 * @param fields    the request's fields, by their wire names
 */
public record KonversationRequest(String operation, String method, List<String> path, ObjectNode fields) {

    public KonversationRequest {
        path = List.copyOf(path);
    }

    /** The path as konversation documents it, e.g. {@code /subscriber/add-tags}. */
    public String pathText() {
        return "/" + String.join("/", path);
    }
}
