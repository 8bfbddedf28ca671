package io.github.camelchatbots.support.consumer;

/**
 * A stored cursor entry that the consumer cannot read: another kind of consumer's, or damaged. The route does not
 * start, and the entry is left as it is.
 */
public class CursorUnreadableException extends IllegalStateException {

    public CursorUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
