package io.github.camelchatbots.simulator.chataibot;

/**
 * How the simulated ChatAIBot hands the bot's replies to the client. ChatAIBot does not document where the replies to
 * messages sent over the API channel go, so the simulator offers both likely ways, and tests pick one.
 */
public enum ReplyDelivery {

    /**
     * In the {@code "replies"} array of the send-message answer: the replies to that message, preceded by any earlier
     * replies no answer has carried yet (those to the conversation's first message, whose start answer must keep the
     * documented shape). The default.
     */
    IN_ANSWER,

    /** POSTed one by one, in order per conversation, to the URL registered with {@code registerCallback}. */
    CALLBACK,

    /** Both: in the answer and to the callback. */
    BOTH,

    /** Neither: the replies are only kept in the conversation, for tests that read them from the Java API. */
    NONE;

    boolean inAnswer() {
        return this == IN_ANSWER || this == BOTH;
    }

    boolean byCallback() {
        return this == CALLBACK || this == BOTH;
    }
}
