package io.github.camelchatbots.component.ebbot;

import java.util.Map;

import io.github.camelchatbots.support.ChatbotComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The {@code ebbot:} component. Options set here are the defaults of every endpoint it creates. */
@Component("ebbot")
public class EbbotComponent extends ChatbotComponent {

    @Metadata(description = "The defaults shared by every ebbot endpoint of this component.")
    private EbbotConfiguration configuration = new EbbotConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        EbbotEndpoint endpoint = new EbbotEndpoint(uri, this, EbbotEndpoint.operation(remaining),
                configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public EbbotConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(EbbotConfiguration configuration) {
        this.configuration = configuration;
    }
}
