package io.github.camelchatbots.component.chataibot;

/** The ChatAIBot calls, by the names used in {@code chataibot:<operation>} URIs. */
public enum ChataibotOperation {
    startConversation,
    sendMessage,
    uploadSources,
    sourceStatus,
    replies
}
