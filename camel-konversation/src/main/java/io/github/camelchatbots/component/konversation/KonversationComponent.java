package io.github.camelchatbots.component.konversation;

import java.util.Map;

import io.github.camelchatbots.support.ChatbotComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The {@code konversation:} component. Options set here are the defaults of every endpoint it creates. */
@Component("konversation")
public class KonversationComponent extends ChatbotComponent {

    @Metadata(description = "The defaults shared by every konversation endpoint of this component.")
    private KonversationConfiguration configuration = new KonversationConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KonversationEndpoint endpoint = new KonversationEndpoint(uri, this, KonversationEndpoint.operation(remaining),
                configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public KonversationConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KonversationConfiguration configuration) {
        this.configuration = configuration;
    }
}
