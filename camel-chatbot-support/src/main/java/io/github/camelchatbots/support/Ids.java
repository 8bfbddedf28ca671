package io.github.camelchatbots.support;

/**
 * Ids that go into a request path, checked before anything is sent. A path segment of {@code .} or {@code ..}
 * would address another resource than the one named ({@code /company_chats/../transcript}), an empty one a
 * collection, and an id of megabytes is a mistake that would otherwise travel into every message that names it.
 */
public final class Ids {

    /** Far longer than any vendor's ids (Ebbot's are about 50 characters, ChatBot.com's 24). */
    public static final int MAX_LENGTH = 256;

    private Ids() {
    }

    /**
     * The id, or an {@link IllegalArgumentException} naming the option (or header) it came from.
     *
     * @param owner  who checks, for the message, e.g. {@code Ebbot}
     * @param source the option or header that gave the id, e.g. {@code chatId}
     */
    public static String check(String owner, String source, String id) {
        return check(owner, source, id, true);
    }

    /** As {@link #check(String, String, String)} for an id that is itself a secret: the message never quotes it. */
    public static String checkSecret(String owner, String source, String id) {
        return check(owner, source, id, false);
    }

    private static String check(String owner, String source, String id, boolean quote) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(owner + ": " + source + " is empty");
        }
        if (id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException(owner + ": " + source + " must be an id, not '" + id + "', which would"
                                               + " address another resource");
        }
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(owner + ": " + source + " is " + id.length() + " characters long;"
                                               + " ids of more than " + MAX_LENGTH + " characters are refused"
                                               + (quote ? ": " + Texts.quote(id) : ""));
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw new IllegalArgumentException(owner + ": " + source + " must not contain control characters"
                                                   + " such as line breaks" + (quote ? ": " + Texts.quote(id) : ""));
            }
        }
        return id;
    }
}
