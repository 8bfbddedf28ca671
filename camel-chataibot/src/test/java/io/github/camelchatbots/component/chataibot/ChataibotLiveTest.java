package io.github.camelchatbots.component.chataibot;

import java.util.UUID;

import io.github.camelchatbots.component.chataibot.model.ChataibotMessageSent;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One visitor's short conversation with a real ChatAIBot bot, when the account token is in CHATAIBOT_ACCESS_TOKEN and
 * the bot's key (a bot built for the API channel and deployed) in CHATAIBOT_BOT_KEY. It starts one conversation, for
 * a visitor named camel-chataibot-live-test-..., which then shows in the account. It checks the answers' shapes,
 * which the documentation shows only by example, and that the second message continues the first's conversation.
 */
@EnabledIfEnvironmentVariable(named = "CHATAIBOT_ACCESS_TOKEN", matches = ".+")
@EnabledIfEnvironmentVariable(named = "CHATAIBOT_BOT_KEY", matches = ".+")
class ChataibotLiveTest {

    @Test
    void aVisitorTalksToTheRealBot() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            ChataibotConfiguration defaults = camel.getComponent("chataibot", ChataibotComponent.class)
                    .getConfiguration();
            defaults.setAccessToken(System.getenv("CHATAIBOT_ACCESS_TOKEN"));
            defaults.setBotKey(System.getenv("CHATAIBOT_BOT_KEY"));
            String baseUrl = System.getenv("CHATAIBOT_BASE_URL");
            if (baseUrl != null && !baseUrl.isBlank()) {
                defaults.setBaseUrl(baseUrl);
            }
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            String visitor = "camel-chataibot-live-test-" + UUID.randomUUID();

            ChataibotMessageSent first = template.requestBodyAndHeader("chataibot:sendMessage", "Hello",
                    ChataibotConstants.USER_EXTERNAL_ID, visitor, ChataibotMessageSent.class);
            ChataibotMessageSent second = template.requestBodyAndHeader("chataibot:sendMessage", "Thank you",
                    ChataibotConstants.USER_EXTERNAL_ID, visitor, ChataibotMessageSent.class);

            assertThat(first.startedConversation()).isTrue();
            assertThat(first.start().conversation().createdAt()).isNotNull();
            assertThat(first.start().visitorKey()).startsWith(visitor + "_");
            assertThat(second.conversationId()).isEqualTo(first.conversationId());
            assertThat(second.messageId()).isNotBlank();
        }
    }
}
