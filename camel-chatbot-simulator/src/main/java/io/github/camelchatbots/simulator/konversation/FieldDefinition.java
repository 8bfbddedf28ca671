package io.github.camelchatbots.simulator.konversation;

/**
 * A user field or a bot field of the flow. For a user field {@code value} is what the field was created with; each
 * subscriber's own value lives with the subscriber. For a bot field it is the bot-wide value.
 */
final class FieldDefinition {

    final String varNs;
    final FieldType type;
    final boolean templateField;
    String name;
    String description;
    String value;
    /** {@code default}, {@code pin} or {@code hidden}: only where the inbox shows the field. */
    String displayType = "default";

    FieldDefinition(String varNs, String name, FieldType type, String description, String value,
            boolean templateField) {
        this.varNs = varNs;
        this.name = name;
        this.type = type;
        this.description = description;
        this.value = value;
        this.templateField = templateField;
    }

    KonversationSimulation.FieldView view() {
        return new KonversationSimulation.FieldView(varNs, name, type.wireName, description, value, templateField);
    }
}
