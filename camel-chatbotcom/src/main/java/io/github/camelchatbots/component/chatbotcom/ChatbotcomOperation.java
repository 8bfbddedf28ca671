package io.github.camelchatbots.component.chatbotcom;

/** The ChatBot.com calls, by the names used in {@code chatbotcom:<operation>} URIs. */
public enum ChatbotcomOperation {
    createUser,
    users,
    user,
    updateUser,
    banUser,
    updateSessionAttributes,
    query,
    chats,
    chat,
    segments,
    stories,
    webhook
}
