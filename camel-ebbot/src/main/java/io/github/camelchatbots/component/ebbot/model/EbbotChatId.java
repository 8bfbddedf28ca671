package io.github.camelchatbots.component.ebbot.model;

import java.time.Instant;
import java.util.Comparator;

/**
 * Ebbot chat ids embed their creation time: {@code <epochSeconds>.<millis>.<uuid>}, e.g.
 * {@code 1723454103.158.fa1419c9-2568-4ea5-9ddc-00b6c0fbd69e}. That is what lets consumers order chats and keep
 * a cursor when the list gives no timestamp.
 */
public final class EbbotChatId {

    /**
     * Orders chats as Ebbot lists them, oldest first: by creation time, then by id. A cursor written as
     * {@link #before(Instant)} sorts before every real chat of the same millisecond.
     */
    public static final Comparator<EbbotChat> ORDER = Comparator
            .comparing((EbbotChat chat) -> chat.creationTime(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(EbbotChat::id);

    private EbbotChatId() {
    }

    /** The creation time in the id, or null when the id is not in Ebbot's documented form. */
    public static Instant creationTime(String chatId) {
        if (chatId == null) {
            return null;
        }
        int firstDot = chatId.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : chatId.indexOf('.', firstDot + 1);
        if (secondDot < 0) {
            return null;
        }
        try {
            long seconds = Long.parseLong(chatId.substring(0, firstDot));
            long millis = Long.parseLong(chatId.substring(firstDot + 1, secondDot));
            return Instant.ofEpochSecond(seconds).plusMillis(millis);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A synthetic id that sorts before every chat created at or after {@code instant}: a cursor for startFrom. */
    public static String before(Instant instant) {
        return instant.getEpochSecond() + "." + (instant.getNano() / 1_000_000) + ".";
    }
}
