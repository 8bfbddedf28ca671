package io.github.camelchatbots.support;

import io.github.camelchatbots.support.component.ComponentModel;
import io.github.camelchatbots.support.component.StrictPropertyConfigurer;
import io.github.camelchatbots.support.http.SharedHttpClients;
import org.apache.camel.spi.PropertyConfigurer;
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
