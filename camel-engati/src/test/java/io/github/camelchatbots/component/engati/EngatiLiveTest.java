package io.github.camelchatbots.component.engati;

import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.engati.model.EngatiConversationPage;
import io.github.camelchatbots.component.engati.model.EngatiMessage;
import io.github.camelchatbots.component.engati.model.EngatiUser;
import io.github.camelchatbots.support.model.ChatTranscript;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-only calls against a real Engati bot, when ENGATI_API_KEY, ENGATI_CUSTOMER_ID and ENGATI_BOT_KEY are set
 * (ENGATI_BASE_URL for another host or a white label). They check the shapes Engati shows only as images: the users
 * answer, and a chat history page with its timestamps. ENGATI_ATTRIBUTE_NAME and ENGATI_ATTRIBUTE_VALUE choose the
 * users (c1 = straberry, as in Engati's sample, by default); ENGATI_CHANNEL_USER_ID a user whose history to read, else
 * the first user found.
 */
@EnabledIfEnvironmentVariable(named = "ENGATI_API_KEY", matches = ".+")
@EnabledIfEnvironmentVariable(named = "ENGATI_CUSTOMER_ID", matches = ".+")
@EnabledIfEnvironmentVariable(named = "ENGATI_BOT_KEY", matches = ".+")
class EngatiLiveTest {

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Test
    void readsTheRealBot() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            EngatiConfiguration defaults = camel.getComponent("engati", EngatiComponent.class).getConfiguration();
            defaults.setApiKey(System.getenv("ENGATI_API_KEY"));
            defaults.setCustomerId(System.getenv("ENGATI_CUSTOMER_ID"));
            defaults.setBotKey(System.getenv("ENGATI_BOT_KEY"));
            defaults.setBaseUrl(env("ENGATI_BASE_URL", EngatiConfiguration.DEFAULT_BASE_URL));
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            List<?> users = template.requestBodyAndHeaders("engati:users", null, Map.of(
                    EngatiConstants.ATTRIBUTE_NAME, env("ENGATI_ATTRIBUTE_NAME", "c1"),
                    EngatiConstants.ATTRIBUTE_VALUE, env("ENGATI_ATTRIBUTE_VALUE", "straberry")), List.class);
            assertThat(users).allSatisfy(user -> assertThat(user).isInstanceOf(EngatiUser.class));

            String channelUserId = env("ENGATI_CHANNEL_USER_ID", users.isEmpty() ? null
                    : ((EngatiUser) users.get(0)).channelUserId());
            if (channelUserId == null) {
                return;
            }
            EngatiConversationPage page = template.requestBodyAndHeader("engati:conversations?pageSize=5", null,
                    EngatiConstants.CHANNEL_USER_ID, channelUserId, EngatiConversationPage.class);
            assertThat(page.messages()).hasSizeLessThanOrEqualTo(5);
            assertThat(page.messages()).as("every message's time is read").extracting(EngatiMessage::timestamp)
                    .doesNotContainNull();
            assertThat(camel.getTypeConverter().convertTo(ChatTranscript.class, page).messages())
                    .hasSameSizeAs(page.messages());
        }
    }
}
