package io.github.camelchatbots.component.chataibot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelchatbots.component.chataibot.model.ChataibotContact;
import io.github.camelchatbots.component.chataibot.model.ChataibotConversationStart;
import io.github.camelchatbots.component.chataibot.model.ChataibotReply;
import io.github.camelchatbots.support.model.ChatConversation;
import io.github.camelchatbots.support.model.ChatMessage;
import io.github.camelchatbots.support.model.ChatParticipant;
import io.github.camelchatbots.support.model.ChatUser;
import org.apache.camel.Converter;

/**
 * Camel type converters from ChatAIBot's records to the vendor-neutral chat model, so that
 * {@code convertBodyTo(ChatMessage.class)} serves a route whatever the vendor. ChatAIBot has no call that lists a
 * conversation's messages, so there is no transcript to convert: the replies are the messages, one by one.
 */
@Converter(generateLoader = true)
public final class ChataibotConverters {

    static final String VENDOR = "chataibot";

    private ChataibotConverters() {
    }

    /** A bot reply as a message; its sender is {@code from.type} ({@code BOT} is the bot). */
    @Converter
    public static ChatMessage toMessage(ChataibotReply reply) {
        String sender = reply.senderType();
        return new ChatMessage(VENDOR, reply.conversationId(), reply.messageId(),
                sender == null ? ChatParticipant.BOT : ChatParticipant.fromVendorName(sender), sender, reply.text(),
                reply.createdAt());
    }

    /** A started conversation: its visitor is the contact, identified by ChatAIBot's visitor_key. */
    @Converter
    public static ChatConversation toConversation(ChataibotConversationStart start) {
        ChataibotContact contact = start.contact();
        return new ChatConversation(VENDOR, start.conversationId(), start.visitorKey(),
                contact == null ? null : contact.name(), null,
                start.conversation() == null ? null : start.conversation().createdAt(), null);
    }

    /**
     * The visitor of a contact. ChatAIBot's visitor_key is {@code <user_external_id>_<account id>}, so the part
     * before its last '_' is the integrator's own id.
     */
    @Converter
    public static ChatUser toUser(ChataibotContact contact) {
        String key = contact.visitorKey();
        int separator = key == null ? -1 : key.lastIndexOf('_');
        Map<String, String> attributes = new LinkedHashMap<>();
        if (contact.phone() != null) {
            attributes.put("phone", contact.phone());
        }
        contact.other().forEach((name, value) -> attributes.put(name, value == null ? null : value.toString()));
        return new ChatUser(VENDOR, key, separator > 0 ? key.substring(0, separator) : null, contact.name(),
                contact.email(), null, null, attributes);
    }
}
