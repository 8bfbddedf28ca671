package io.github.camelchatbots.support.producer;

import io.github.camelchatbots.support.ChatbotEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Makes the endpoint's call once per exchange. The vendor's producer only maps its operations onto its typed client:
 * every value it needs comes from {@link ExchangeValues}, which applies the one precedence rule (header, body,
 * endpoint option, component option); what the call returns becomes the body.
 *
 * @param <E> the vendor's endpoint
 */
public abstract class ChatbotProducer<E extends ChatbotEndpoint<?>> extends DefaultProducer {

    private final E endpoint;

    protected ChatbotProducer(E endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public E getEndpoint() {
        return endpoint;
    }

    @Override
    public final void process(Exchange exchange) throws Exception {
        ExchangeValues values = new ExchangeValues(endpoint.getVendorName(), endpoint.getOperationUri(),
                exchange.getMessage());
        Object answer = call(values);
        exchange.getMessage().setBody(answer);
    }

    /**
     * Makes the call and returns what becomes the body; headers describing the answer (ids, counts) are set on
     * {@code values.message()}.
     */
    protected abstract Object call(ExchangeValues values) throws Exception;
}
