package io.github.camelchatbots.component.engati;

import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.engati.model.EngatiUser;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.TemplateSend;
import io.github.camelchatbots.support.model.ChatTranscript;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The URIs, options and headers work the same from the YAML DSL, which only knows the catalog metadata. */
class EngatiRouteDslTest extends EngatiTestSupport {

    @Test
    void aYamlRouteFindsLeadsReadsTheirHistoryAndSendsThemATemplate() throws Exception {
        engati().addUser("919565428256", "whatsapp", "Priya", Map.of("lead_status", "qualified"));
        engati().addMessage("919565428256", "user", "I want the premium plan",
                java.time.Instant.parse("2024-01-01T04:30:00Z"));
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("leads.yaml", """
                - route:
                    from:
                      uri: direct:leads
                      steps:
                        - to:
                            uri: engati:users
                            parameters:
                              attributeName: lead_status
                              attributeValue: qualified
                - route:
                    from:
                      uri: direct:history
                      steps:
                        - to:
                            uri: engati:conversations
                            parameters:
                              pageSize: 50
                              startDate: "2024-01-01T00:00:00Z"
                        - convertBodyTo:
                            type: io.github.camelchatbots.support.model.ChatTranscript
                - route:
                    from:
                      uri: direct:welcome
                      steps:
                        - setHeader:
                            name: CamelEngatiPhoneNumber
                            simple: "+${body.channelUserId}"
                        - to:
                            uri: engati:sendTemplate
                            parameters:
                              templateName: premium_welcome
                              templateLanguage: en_US
                        - setBody:
                            simple: "${header.CamelEngatiMessageId}"
                """));

        List<?> leads = template.requestBody("direct:leads", null, List.class);
        EngatiUser lead = (EngatiUser) leads.get(0);
        ChatTranscript history = template.requestBody("direct:history", lead, ChatTranscript.class);
        String messageId = template.requestBody("direct:welcome", lead, String.class);

        assertThat(history.messages()).singleElement().satisfies(message ->
                assertThat(message.text()).isEqualTo("I want the premium plan"));
        assertThat(lastRequest().path()).endsWith("/template");
        TemplateSend sent = engati().templateSends().get(0);
        assertThat(sent.phoneNumber()).isEqualTo("+919565428256");
        assertThat(sent.payload().get("name").asText()).isEqualTo("premium_welcome");
        assertThat(messageId).isEqualTo(sent.messageId());
        assertThat(engati().requests().get(1).query()).contains("page_size=50").startsWith("start_date=1704067200000");
    }
}
