package io.github.camelchatbots.component.ebbot.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The bot's reply to a webhook message, and the chat to continue in.
 *
 * @param chatId    the chat the message went to: new unless one was given
 * @param sandbox   whether the conversation is not stored
 * @param scenario  the scenario that answered
 * @param answers   the bot's answers, in order
 * @param requestId Ebbot's id of the call
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EbbotMessageResponse(String chatId, boolean sandbox, EbbotScenario scenario, List<EbbotAnswer> answers,
                                   String requestId) {

    public EbbotMessageResponse {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    public EbbotMessageResponse withRequestId(String id) {
        return new EbbotMessageResponse(chatId, sandbox, scenario, answers, id);
    }
}
