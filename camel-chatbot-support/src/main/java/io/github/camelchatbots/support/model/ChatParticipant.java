package io.github.camelchatbots.support.model;

import java.util.Locale;

/** Who wrote a message, in terms every vendor maps onto. */
public enum ChatParticipant {
    USER,
    BOT,
    AGENT,
    SYSTEM,
    /** A sender the vendor names in a way we do not know yet: kept, not dropped. */
    OTHER;

    /** Maps a vendor's sender name leniently; anything unknown is {@link #OTHER}. */
    public static ChatParticipant fromVendorName(String name) {
        if (name == null) {
            return OTHER;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "user", "visitor", "customer", "contact", "human" -> USER;
            case "bot", "chatbot", "assistant" -> BOT;
            case "agent", "operator", "human_agent" -> AGENT;
            case "system" -> SYSTEM;
            default -> OTHER;
        };
    }
}
