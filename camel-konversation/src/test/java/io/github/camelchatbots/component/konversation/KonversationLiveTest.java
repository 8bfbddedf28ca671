package io.github.camelchatbots.component.konversation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.github.camelchatbots.component.konversation.model.KonversationPage;
import io.github.camelchatbots.component.konversation.model.KonversationSubscriber;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-only calls against a real konversation workspace, when its key and address are in KONVERSATION_API_KEY and
 * KONVERSATION_BASE_URL. They settle what the platform's notes leave open: the envelopes of lists and single objects,
 * the paginator's meta, the rate-limit headers and the subscribers' times.
 */
@EnabledIfEnvironmentVariable(named = "KONVERSATION_API_KEY", matches = ".+")
@EnabledIfEnvironmentVariable(named = "KONVERSATION_BASE_URL", matches = ".+")
class KonversationLiveTest {

    @Test
    void readsTheRealWorkspace() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            KonversationConfiguration defaults = camel.getComponent("konversation", KonversationComponent.class)
                    .getConfiguration();
            defaults.setApiKey(System.getenv("KONVERSATION_API_KEY"));
            defaults.setBaseUrl(System.getenv("KONVERSATION_BASE_URL"));
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            for (String list : new String[] {"tags", "userFields", "botFields", "subFlows", "products", "orders"}) {
                assertThat(template.requestBody("konversation:" + list + "?limit=5", null, KonversationPage.class))
                        .as(list).isNotNull();
            }
            Exchange subscribers = template.request("konversation:subscribers?limit=2", e -> e.getMessage()
                    .setBody(null));
            assertThat(subscribers.getException()).isNull();
            assertThat(subscribers.getMessage().getHeader(KonversationConstants.RATE_LIMIT_REMAINING))
                    .as("konversation announces its budget").isNotNull();
            KonversationPage<?> page = subscribers.getMessage().getBody(KonversationPage.class);
            assertThat(page.data()).hasSizeLessThanOrEqualTo(2);
            if (!page.data().isEmpty()) {
                KonversationSubscriber first = (KonversationSubscriber) page.data().get(0);
                assertThat(first.userNs()).isNotBlank();
                KonversationSubscriber read = template.requestBodyAndHeader("konversation:subscriber", null,
                        KonversationConstants.USER_NS, first.userNs(), KonversationSubscriber.class);
                assertThat(read.userNs()).isEqualTo(first.userNs());
                KonversationPage<?> messages = template.requestBodyAndHeaders("konversation:chatMessages?limit=5",
                        null, Map.of(KonversationConstants.USER_NS, first.userNs(), KonversationConstants.START_TIME,
                                Instant.now().minus(7, ChronoUnit.DAYS)), KonversationPage.class);
                assertThat(messages.data()).hasSizeLessThanOrEqualTo(5);
            }
        }
    }
}
