package io.github.camelchatbots.component.engati;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.engati.model.EngatiConversationPage;
import io.github.camelchatbots.component.engati.model.EngatiMessage;
import io.github.camelchatbots.component.engati.model.EngatiUser;
import io.github.camelchatbots.support.model.ChatConversation;
import io.github.camelchatbots.support.model.ChatMessage;
import io.github.camelchatbots.support.model.ChatParticipant;
import io.github.camelchatbots.support.model.ChatTranscript;
import io.github.camelchatbots.support.model.ChatUser;
import io.github.camelchatbots.support.model.Instants;
import org.apache.camel.Converter;

/**
 * Camel type converters from Engati's records to the vendor-neutral chat model, so that
 * {@code convertBodyTo(ChatTranscript.class)} serves a route whatever the vendor. Engati keeps one chat history per
 * user and addresses users by their channel user id, so that id is the user's id, and the conversation's, in the
 * neutral model.
 */
@Converter(generateLoader = true)
public final class EngatiConverters {

    static final String VENDOR = "engati";

    private static final Comparator<ChatMessage> OLDEST_FIRST = Comparator.comparing(ChatMessage::sentAt,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private EngatiConverters() {
    }

    @Converter
    public static ChatUser toUser(EngatiUser user) {
        Map<String, String> attributes = new LinkedHashMap<>();
        user.attributes().keySet().forEach(name -> attributes.put(name, user.attribute(name)));
        String id = user.channelUserId() != null ? user.channelUserId() : user.userId();
        String email = first(attributes, "email", "user.email", "email_id");
        return new ChatUser(VENDOR, id, null, user.name(), email, user.createdAt(), null, attributes);
    }

    @Converter
    public static ChatMessage toMessage(EngatiMessage message) {
        return new ChatMessage(VENDOR, message.channelUserId(), message.stableId(),
                ChatParticipant.fromVendorName(message.sender()), message.sender(), message.text(),
                message.timestamp());
    }

    /** The page's messages oldest first (those without a time last), as one conversation of the user. */
    @Converter
    public static ChatTranscript toTranscript(EngatiConversationPage page) {
        List<ChatMessage> messages = new ArrayList<>(page.messages().size());
        for (EngatiMessage message : page.messages()) {
            messages.add(toMessage(message.channelUserId() == null ? message.withChannelUserId(page.channelUserId())
                    : message));
        }
        // a stable sort: messages of one millisecond keep Engati's order
        messages.sort(OLDEST_FIRST);
        return new ChatTranscript(conversation(page, messages), messages);
    }

    @Converter
    public static ChatConversation toConversation(EngatiConversationPage page) {
        return toTranscript(page).conversation();
    }

    private static ChatConversation conversation(EngatiConversationPage page, List<ChatMessage> oldestFirst) {
        Instant first = null;
        Instant last = null;
        for (ChatMessage message : oldestFirst) {
            if (message.sentAt() != null) {
                first = first == null ? message.sentAt() : first;
                last = Instants.latest(last, message.sentAt());
            }
        }
        return new ChatConversation(VENDOR, page.channelUserId(), page.channelUserId(), null, null, first, last);
    }

    private static String first(Map<String, String> attributes, String... names) {
        for (String name : names) {
            String value = attributes.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
