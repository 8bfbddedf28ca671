package io.github.camelchatbots.component.konversation;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelchatbots.component.konversation.model.KonversationChatMessage;
import io.github.camelchatbots.component.konversation.model.KonversationField;
import io.github.camelchatbots.component.konversation.model.KonversationPage;
import io.github.camelchatbots.component.konversation.model.KonversationSubscriber;
import io.github.camelchatbots.component.konversation.model.KonversationTag;
import io.github.camelchatbots.support.model.ChatConversation;
import io.github.camelchatbots.support.model.ChatMessage;
import io.github.camelchatbots.support.model.ChatParticipant;
import io.github.camelchatbots.support.model.ChatTranscript;
import io.github.camelchatbots.support.model.ChatUser;
import io.github.camelchatbots.support.model.Instants;
import org.apache.camel.Converter;

/**
 * Camel type converters from konversation's records to the vendor-neutral chat model, so that
 * {@code convertBodyTo(ChatUser.class)} or {@code convertBodyTo(ChatTranscript.class)} serves a route whatever the
 * vendor. konversation has no conversations: a subscriber's chat history is one running conversation, named by the
 * subscriber's namespace.
 */
@Converter(generateLoader = true)
public final class KonversationConverters {

    static final String VENDOR = "konversation";

    private KonversationConverters() {
    }

    /**
     * The subscriber, named by namespace, with the channel's id as the external id; the attributes hold the
     * subscriber's details, their tags (names separated by commas) and each user field's value by the field's name.
     */
    @Converter
    public static ChatUser toUser(KonversationSubscriber subscriber) {
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "first_name", subscriber.firstName());
        put(attributes, "last_name", subscriber.lastName());
        put(attributes, "phone", subscriber.phone());
        put(attributes, "gender", subscriber.gender());
        put(attributes, "language", subscriber.language());
        put(attributes, "locale", subscriber.locale());
        put(attributes, "channel", subscriber.channels().isEmpty() ? null : subscriber.channels().get(0).type());
        put(attributes, "status", subscriber.status());
        if (!subscriber.tags().isEmpty()) {
            attributes.put("tags", subscriber.tags().stream().map(KonversationTag::name)
                    .collect(Collectors.joining(",")));
        }
        for (KonversationField field : subscriber.userFields()) {
            if (field.name() != null && field.value() != null) {
                attributes.putIfAbsent(field.name(), field.valueText());
            }
        }
        String name = subscriber.name() != null ? subscriber.name()
                : subscriber.firstName() == null ? subscriber.lastName()
                : subscriber.lastName() == null ? subscriber.firstName()
                : subscriber.firstName() + " " + subscriber.lastName();
        return new ChatUser(VENDOR, subscriber.userNs(), subscriber.userId(), name, subscriber.email(),
                subscriber.createdAt(), Instants.latest(subscriber.lastInteraction(), subscriber.lastSeen()),
                attributes);
    }

    /** A message, in the conversation of its subscriber ({@code sender_id}). */
    @Converter
    public static ChatMessage toMessage(KonversationChatMessage message) {
        String messageId = message.id() != null ? message.id().toString()
                : message.senderId() + "#" + (message.ts() == null ? "" : message.ts().getEpochSecond());
        return new ChatMessage(VENDOR, message.senderId(), messageId, sender(message.type()), message.type(),
                message.text(), message.ts());
    }

    /**
     * A page of chat messages as a transcript, oldest first (konversation lists newest first): the page's messages
     * only. Null (no conversion) for a page of anything else.
     */
    @Converter(allowNull = true)
    public static ChatTranscript toTranscript(KonversationPage<?> page) {
        if (!page.data().stream().allMatch(KonversationChatMessage.class::isInstance)) {
            return null;
        }
        List<KonversationChatMessage> messages = page.data().stream().map(KonversationChatMessage.class::cast)
                .sorted(Comparator.comparing(KonversationChatMessage::ts, Comparator.nullsFirst(Comparator
                        .naturalOrder())).thenComparing(KonversationChatMessage::id, Comparator.nullsFirst(Comparator
                        .naturalOrder())))
                .toList();
        String userNs = messages.stream().map(KonversationChatMessage::senderId).filter(id -> id != null)
                .findFirst().orElse(null);
        Instant first = messages.isEmpty() ? null : messages.get(0).ts();
        Instant last = messages.isEmpty() ? null : messages.get(messages.size() - 1).ts();
        ChatConversation conversation = new ChatConversation(VENDOR, userNs, userNs, null, null, first, last);
        return new ChatTranscript(conversation, messages.stream().map(KonversationConverters::toMessage).toList());
    }

    /** in is the subscriber, out the bot; notes are the agents' own, not messages to the subscriber. */
    static ChatParticipant sender(String type) {
        if (type == null) {
            return ChatParticipant.OTHER;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "in" -> ChatParticipant.USER;
            case "out" -> ChatParticipant.BOT;
            case "agent" -> ChatParticipant.AGENT;
            case "system" -> ChatParticipant.SYSTEM;
            default -> ChatParticipant.OTHER;
        };
    }

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }
}
