package io.github.camelchatbots.component.engati.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One recipient of an external broadcast: a row of its CSV, {@code user.phone_number} first, then the template's
 * parameter values as {@code user.attribute_0}, {@code user.attribute_1}, ...
 *
 * @param phoneNumber with country code; a + is put in front when it has none, as Engati requires
 * @param attributes  the template's parameter values for this recipient, in order; null for an empty cell
 */
public record EngatiRecipient(String phoneNumber, List<String> attributes) {

    public EngatiRecipient {
        // a value left out is an empty cell, so nulls are kept
        attributes = attributes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(attributes));
    }

    public static EngatiRecipient of(String phoneNumber, String... attributes) {
        return new EngatiRecipient(phoneNumber, List.of(attributes));
    }
}
