package io.github.camelchatbots.component.chatbotcom;

import java.util.List;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUser;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserPage;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-only calls against the real ChatBot.com, when a developer access token is in CHATBOTCOM_ACCESS_TOKEN. They
 * check the shapes and the paging the consumers rely on, which the documentation leaves partly open.
 */
@EnabledIfEnvironmentVariable(named = "CHATBOTCOM_ACCESS_TOKEN", matches = ".+")
class ChatbotcomLiveTest {

    @Test
    void readsTheRealAccount() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            ChatbotcomConfiguration defaults = camel.getComponent("chatbotcom", ChatbotcomComponent.class)
                    .getConfiguration();
            defaults.setAccessToken(System.getenv("CHATBOTCOM_ACCESS_TOKEN"));
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            assertThat(template.requestBody("chatbotcom:stories", null, List.class)).isNotNull();
            assertThat(template.requestBody("chatbotcom:segments", null, List.class)).isNotNull();
            assertThat(template.requestBody("chatbotcom:chats", null, List.class)).isNotNull();

            ChatbotcomUserPage ascending = template.requestBody("chatbotcom:users?limit=2&sortOrder=asc", null,
                    ChatbotcomUserPage.class);
            assertThat(ascending.data()).hasSizeLessThanOrEqualTo(2);
            if (ascending.data().size() == 2) {
                ChatbotcomUser first = ascending.data().get(0);
                assertThat(first.createdAt()).isBeforeOrEqualTo(ascending.data().get(1).createdAt());
                ChatbotcomUserPage next = template.requestBodyAndHeader("chatbotcom:users?limit=2&sortOrder=asc",
                        null, ChatbotcomConstants.AFTER, first.id(), ChatbotcomUserPage.class);
                assertThat(next.data()).as("after continues right behind the given user").first()
                        .extracting(ChatbotcomUser::id).isEqualTo(ascending.data().get(1).id());
            }
        }
    }
}
