package io.github.camelchatbots.component.engati.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * What sendTemplate sends: one WhatsApp template message to one phone number.
 *
 * @param phoneNumber with country code, with or without a leading + (also read as {@code phonenumber} or
 *                    {@code phone_number}, spellings Engati's clients use)
 * @param payload     the template
 */
public record EngatiTemplateMessage(@JsonAlias({ "phonenumber", "PhoneNumber", "phone_number" }) String phoneNumber,
                                    EngatiTemplate payload) {
}
