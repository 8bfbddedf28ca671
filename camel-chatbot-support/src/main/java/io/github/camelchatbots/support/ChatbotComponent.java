package io.github.camelchatbots.support;

import java.util.Map;

import io.github.camelchatbots.support.component.ComponentModel;
import io.github.camelchatbots.support.component.OptionValues;
import io.github.camelchatbots.support.component.StrictPropertyConfigurer;
import io.github.camelchatbots.support.http.SharedHttpClients;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.EndpointHelper;
import org.apache.camel.support.HealthCheckComponent;

/**
 * What every chatbot component shares: the HTTP clients of its endpoints, strict reading of option values and
 * masking of its secret options, both driven by the component's generated catalog.
 */
public abstract class ChatbotComponent extends HealthCheckComponent {

    private final SharedHttpClients httpClients = new SharedHttpClients();
    private PropertyConfigurer strictComponentConfigurer;
    private PropertyConfigurer strictEndpointConfigurer;

    /** What the catalog says of this component's options. */
    public ComponentModel getModel() {
        return ComponentModel.of(getClass());
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        SensitiveOptions.register(getCamelContext(), getModel().secretOptionNames());
    }

    /**
     * Checks the URI's option values before Camel reads any of them: it takes {@code bridgeErrorHandler} and
     * {@code lazyStartProducer} out of the URI itself, before the endpoint's configurer sees the rest.
     */
    @Override
    protected void validateURI(String uri, String path, Map<String, Object> parameters) {
        super.validateURI(uri, path, parameters);
        parameters.replaceAll((name, value) -> {
            ComponentModel.Option option = getModel().endpointOption(name);
            return option != null && value instanceof String text && !EndpointHelper.isReferenceParameter(text)
                    ? OptionValues.check(getModel().getTitle(), option, text) : value;
        });
    }

    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        PropertyConfigurer generated = super.getComponentPropertyConfigurer();
        if (generated == null) {
            return null;
        }
        if (strictComponentConfigurer == null) {
            strictComponentConfigurer = new StrictPropertyConfigurer(generated, getModel().getTitle(),
                    getModel()::componentOption);
        }
        return strictComponentConfigurer;
    }

    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        PropertyConfigurer generated = super.getEndpointPropertyConfigurer();
        if (generated == null) {
            return null;
        }
        if (strictEndpointConfigurer == null) {
            strictEndpointConfigurer = new StrictPropertyConfigurer(generated, getModel().getTitle(),
                    getModel()::endpointOption);
        }
        return strictEndpointConfigurer;
    }

    @Override
    protected void doStop() throws Exception {
        httpClients.closeAll();
        super.doStop();
    }

    public SharedHttpClients getHttpClients() {
        return httpClients;
    }
}
