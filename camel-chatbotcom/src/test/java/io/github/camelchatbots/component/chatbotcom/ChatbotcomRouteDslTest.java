package io.github.camelchatbots.component.chatbotcom;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomQueryResponse;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomResult;
import org.apache.camel.Processor;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The URIs, options and headers work the same from the YAML and XML DSLs, which only know the catalog metadata. */
class ChatbotcomRouteDslTest extends ChatbotcomTestSupport {

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Test
    void aYamlRouteWithAParametersMapConsumesUsers() throws Exception {
        String id = chatbotcom().createUser("yaml-user", Map.of("default_country", "Poland"));
        chatbotcom().createUser("elsewhere", Map.of("default_country", "Chile"));
        context.getRegistry().bind("collect", (Processor) e -> delivered.add(
                e.getMessage().getHeader(ChatbotcomConstants.USER_ID, String.class)));

        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("users.yaml", """
                - route:
                    from:
                      uri: chatbotcom:users
                      parameters:
                        limit: 20
                        filters: "default_country:is:Poland"
                        delay: 100ms
                        initialDelay: 0
                      steps:
                        - process:
                            ref: collect
                """));

        await().until(() -> delivered.size() == 1);
        Thread.sleep(300);
        assertThat(delivered).containsExactly(id);
    }

    @Test
    void anXmlRouteCreatesAUserAndAsksTheBot() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("talk.xml", """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                    <route>
                        <from uri="direct:signup"/>
                        <to uri="chatbotcom:createUser"/>
                    </route>
                    <route>
                        <from uri="direct:ask"/>
                        <setHeader name="CamelChatbotcomSessionId"><constant>xml-session-0001</constant></setHeader>
                        <to uri="chatbotcom:query?confidence=0.5&amp;lifespan=3"/>
                    </route>
                </routes>
                """));

        ChatbotcomResult created = template.requestBody("direct:signup",
                "{\"userId\":\"xml-1\",\"attributes\":{\"default_name\":\"Xena\"}}", ChatbotcomResult.class);
        ChatbotcomQueryResponse answer = template.requestBody("direct:ask", "hello", ChatbotcomQueryResponse.class);

        assertThat(chatbotcom().user(created.id()).userId()).isEqualTo("xml-1");
        assertThat(answer.interactionName()).isEqualTo("greeting");
        assertThat(answer.result().lifespan()).isEqualTo(3);
    }
}
