package io.github.camelchatbots.component.konversation;

import java.util.Map;

import io.github.camelchatbots.component.konversation.model.KonversationPage;
import io.github.camelchatbots.component.konversation.model.KonversationSubscriber;
import io.github.camelchatbots.support.model.ChatUser;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the producers return goes through {@code marshal: json: {}} with nothing configured, times as ISO-8601 text,
 * and every field konversation sent, known or not, comes back (the conformance module checks every record alike).
 */
class KonversationRecordsMarshalTest extends KonversationTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:subscriber").to("konversation:subscriber").marshal().json();
                from("direct:subscribers").to("konversation:subscribers").marshal().json();
                from("direct:user").to("konversation:subscriber").convertBodyTo(ChatUser.class).marshal().json();
                from("direct:back").unmarshal().json(KonversationSubscriber.class);
            }
        };
    }

    @Test
    void answersMarshalWithCamelsDefaultsAndComeBackEqual() {
        konversation().createUserField("roast", "text");
        String ann = konversation().newSubscriber().firstName("Ann").email("ann@example.com").tags("vip")
                .field("roast", "dark").create();
        konversation().addIncomingMessage(ann, "hello");
        KonversationSubscriber read = body("konversation:subscriber", null, Map.of(KonversationConstants.USER_NS, ann),
                KonversationSubscriber.class);

        String json = template.requestBodyAndHeader("direct:subscriber", null, KonversationConstants.USER_NS, ann,
                String.class);
        assertThat(json).contains("\"user_ns\":\"" + ann + "\"").contains("\"user_fields\":[")
                .containsPattern("\"last_interaction\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"")
                .contains("\"status\":");
        assertThat(template.requestBody("direct:back", json)).isEqualTo(read);

        String page = template.requestBody("direct:subscribers", null, String.class);
        assertThat(page).contains("\"data\":[").contains("\"current_page\":1").contains("\"last_page\":1");

        String user = template.requestBodyAndHeader("direct:user", null, KonversationConstants.USER_NS, ann,
                String.class);
        assertThat(user).contains("\"vendor\":\"konversation\"").contains("\"email\":\"ann@example.com\"")
                .containsPattern("\"createdAt\":\"\\d{4}-\\d\\d-\\d\\dT");
    }

    @Test
    void aPageIsAPageOfRecords() {
        konversation().createTag("vip");
        KonversationPage<?> page = body("konversation:tags", null, Map.of(), KonversationPage.class);
        assertThat(page.data()).allSatisfy(tag -> assertThat(tag).isInstanceOf(
                io.github.camelchatbots.component.konversation.model.KonversationTag.class));
    }
}
