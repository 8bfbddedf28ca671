package io.github.camelchatbots.component.ebbot;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The URIs, options and headers work the same from the YAML and XML DSLs, which only know the catalog metadata. */
class EbbotRouteDslTest extends EbbotTestSupport {

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Test
    void aYamlRouteWithAParametersMapConsumesChats() throws Exception {
        String chatId = ebbot().createChat(Instant.now());
        context.getRegistry().bind("collect", (org.apache.camel.Processor) e -> delivered.add(
                e.getMessage().getHeader("CamelEbbotChatId", String.class)));

        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("chats.yaml", """
                - route:
                    from:
                      uri: ebbot:chats
                      parameters:
                        limit: 50
                        delay: 100ms
                        initialDelay: 0
                        startFrom: beginning
                      steps:
                        - process:
                            ref: collect
                """));

        await().until(() -> delivered.size() == 1);
        assertThat(delivered).containsExactly(chatId);
    }

    @Test
    void anXmlRouteTalksToTheBotAndReadsTheTranscript() throws Exception {
        String webhookId = ebbot().createIncomingWebhook();
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("talk.xml", """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                    <route>
                        <from uri="direct:talk"/>
                        <to uri="ebbot:sendMessage?webhookId=%s"/>
                        <to uri="ebbot:transcript"/>
                    </route>
                </routes>
                """.formatted(webhookId)));

        var transcript = template.requestBody("direct:talk", "hello",
                io.github.camelchatbots.component.ebbot.model.EbbotTranscript.class);

        assertThat(transcript.messages()).extracting(m -> m.sender() + ":" + m.text())
                .startsWith("user:hello").hasSize(2);
    }
}
