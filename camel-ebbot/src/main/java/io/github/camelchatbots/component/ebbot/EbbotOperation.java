package io.github.camelchatbots.component.ebbot;

/** The path of an {@code ebbot:} URI: which Ebbot API call the endpoint makes. */
public enum EbbotOperation {
    /** Lists chats: a page of them as a producer, every new chat once as a consumer. */
    chats,
    /** A chat's transcript as a producer; as a consumer each ended chat's transcript, or one chat's new messages. */
    transcript,
    /** Sends a message to the bot through an incoming webhook and returns its answers. Producer only. */
    sendMessage
}
