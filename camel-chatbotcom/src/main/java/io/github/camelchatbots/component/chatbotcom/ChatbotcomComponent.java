package io.github.camelchatbots.component.chatbotcom;

import java.util.Map;

import io.github.camelchatbots.support.ChatbotComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The {@code chatbotcom:} component. Options set here are the defaults of every endpoint it creates. */
@Component("chatbotcom")
public class ChatbotcomComponent extends ChatbotComponent {

    @Metadata(description = "The defaults shared by every chatbotcom endpoint of this component.")
    private ChatbotcomConfiguration configuration = new ChatbotcomConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ChatbotcomEndpoint endpoint = new ChatbotcomEndpoint(uri, this, ChatbotcomEndpoint.operation(remaining),
                configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public ChatbotcomConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ChatbotcomConfiguration configuration) {
        this.configuration = configuration;
    }
}
