package io.github.camelchatbots.component.ebbot;

import io.github.camelchatbots.component.ebbot.client.EbbotClient;
import io.github.camelchatbots.component.ebbot.model.EbbotMessageRequest;
import io.github.camelchatbots.component.ebbot.model.EbbotMessageResponse;
import io.github.camelchatbots.component.ebbot.model.EbbotTranscript;
import io.github.camelchatbots.support.Ids;
import io.github.camelchatbots.support.producer.ChatbotProducer;
import io.github.camelchatbots.support.producer.ExchangeValues;

/** Makes the endpoint's Ebbot call once per exchange; the answer becomes the body. */
public class EbbotProducer extends ChatbotProducer<EbbotEndpoint> {

    public EbbotProducer(EbbotEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected Object call(ExchangeValues values) {
        EbbotConfiguration configuration = getEndpoint().getConfiguration();
        EbbotClient client = getEndpoint().getClient();
        return switch (getEndpoint().getOperation()) {
            case chats -> client.chats(
                    values.integer("page", EbbotConstants.PAGE, "page", configuration.getPage(), 1),
                    values.integer("limit", EbbotConstants.LIMIT, "limit", configuration.getLimit(), 1));
            case transcript -> {
                String chatId = Ids.check("Ebbot", "chatId", values.requiredText("chatId", EbbotConstants.CHAT_ID,
                        "chatId", configuration.getChatId()));
                EbbotTranscript transcript = client.transcript(chatId);
                values.message().setHeader(EbbotConstants.REQUEST_ID, transcript.requestId());
                yield transcript;
            }
            case sendMessage -> {
                // the webhook id is the secret: never looked for in a body that may be logged or stored
                String webhookId = Ids.checkSecret("Ebbot", "webhookId", values.requiredText("webhookId",
                        EbbotConstants.WEBHOOK_ID, null, configuration.getWebhookId()));
                EbbotMessageResponse response = client.sendMessage(webhookId, request(values, configuration));
                values.message().setHeader(EbbotConstants.CHAT_ID, response.chatId());
                values.message().setHeader(EbbotConstants.REQUEST_ID, response.requestId());
                yield response;
            }
        };
    }

    /**
     * The message to send: an {@link EbbotMessageRequest}, a Map or a JSON object of its fields, or any other body
     * as the message's value. Its type and chat come from header, body, option in that order.
     */
    private static EbbotMessageRequest request(ExchangeValues values, EbbotConfiguration configuration) {
        EbbotMessageRequest request = values.bodyAsOrFromText(EbbotMessageRequest.class,
                text -> new EbbotMessageRequest(null, null, text));
        if (request == null) {
            throw new IllegalArgumentException("Ebbot: ebbot:sendMessage needs a message, but the body is empty");
        }
        request = request.withType(values.text(EbbotConstants.MESSAGE_TYPE, "type", configuration.getMessageType()))
                .withChatId(values.text(EbbotConstants.CHAT_ID, "chatId", configuration.getChatId()));
        if (request.value() == null) {
            throw new IllegalArgumentException("Ebbot: ebbot:sendMessage needs a 'value' (the message text, variable"
                                               + " or scenario id)");
        }
        return request;
    }
}
