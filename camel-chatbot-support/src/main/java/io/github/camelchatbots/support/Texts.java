package io.github.camelchatbots.support;

/**
 * Values quoted in error messages. A value comes from a URI, a header or a vendor and may be of any size; quoting
 * it whole would let one bad value turn every message that names it into megabytes.
 */
public final class Texts {

    /** Enough to recognise a value; ids and options are far shorter. */
    public static final int MAX_QUOTED = 80;

    private Texts() {
    }

    /** {@code 'value'}, cut to {@value #MAX_QUOTED} characters with its length told when longer. */
    public static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        if (text.length() <= MAX_QUOTED) {
            return "'" + text + "'";
        }
        return "'" + text.substring(0, MAX_QUOTED) + "...' (" + text.length() + " characters)";
    }

    /** The text itself when short enough, else its start and its length: for paths in exception messages. */
    public static String bounded(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "...(" + text.length() + " characters)";
    }
}
