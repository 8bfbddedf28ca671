package io.github.camelchatbots.component.engati;

import java.util.Map;

import io.github.camelchatbots.support.ChatbotComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The {@code engati:} component. Options set here are the defaults of every endpoint it creates. */
@Component("engati")
public class EngatiComponent extends ChatbotComponent {

    @Metadata(description = "The defaults shared by every engati endpoint of this component.")
    private EngatiConfiguration configuration = new EngatiConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        EngatiEndpoint endpoint = new EngatiEndpoint(uri, this, EngatiEndpoint.operation(remaining),
                configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public EngatiConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(EngatiConfiguration configuration) {
        this.configuration = configuration;
    }
}
