package io.github.camelchatbots.component.konversation;

import io.github.camelchatbots.component.konversation.client.KonversationRequest;
import io.github.camelchatbots.component.konversation.client.RateLimitHeaders;
import io.github.camelchatbots.component.konversation.model.KonversationPage;
import io.github.camelchatbots.component.konversation.model.KonversationProduct;
import io.github.camelchatbots.component.konversation.model.KonversationSubscriber;
import io.github.camelchatbots.support.producer.ChatbotProducer;
import io.github.camelchatbots.support.producer.ExchangeValues;
import org.apache.camel.Message;

/**
 * Makes the endpoint's konversation call once per exchange, with the request its operation's line of
 * {@link KonversationOperation} describes. The answer becomes the body; what describes it (the subscriber's
 * namespace, a page's place in its list, the key's remaining budget) becomes headers.
 */
public class KonversationProducer extends ChatbotProducer<KonversationEndpoint> {

    public KonversationProducer(KonversationEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected Object call(ExchangeValues values) {
        KonversationOperation operation = getEndpoint().getOperation();
        KonversationRequest request = operation.request(values, getEndpoint().getConfiguration());
        RateLimitHeaders.clear();
        try {
            Object answer = getEndpoint().getClient().send(request, operation.answer());
            describe(values.message(), answer);
            return answer;
        } finally {
            // a refused call (429 above all) says what is left too
            RateLimitHeaders.Budget budget = RateLimitHeaders.last();
            if (budget != null) {
                values.message().setHeader(KonversationConstants.RATE_LIMIT_LIMIT, budget.limit());
                values.message().setHeader(KonversationConstants.RATE_LIMIT_REMAINING, budget.remaining());
            }
            RateLimitHeaders.clear();
        }
    }

    private static void describe(Message message, Object answer) {
        if (answer instanceof KonversationSubscriber subscriber && subscriber.userNs() != null) {
            message.setHeader(KonversationConstants.USER_NS, subscriber.userNs());
        } else if (answer instanceof KonversationProduct product && product.id() != null) {
            message.setHeader(KonversationConstants.PRODUCT_ID, Math.toIntExact(product.id()));
        } else if (answer instanceof KonversationPage<?> page) {
            KonversationPage.Meta meta = page.meta();
            // a page without meta must not leave an earlier page's numbers behind
            setOrRemove(message, KonversationConstants.TOTAL, meta == null ? null : meta.total());
            setOrRemove(message, KonversationConstants.CURRENT_PAGE, meta == null ? null : meta.currentPage());
            setOrRemove(message, KonversationConstants.LAST_PAGE, meta == null ? null : meta.lastPage());
        }
    }

    private static void setOrRemove(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }
}
