package io.github.camelchatbots.support;

import io.github.camelchatbots.support.http.SharedHttpClients;
import org.apache.camel.support.HealthCheckComponent;

/** What every chatbot component shares: the HTTP clients of its endpoints, and masking of its secret options. */
public abstract class ChatbotComponent extends HealthCheckComponent {

    private final SharedHttpClients httpClients = new SharedHttpClients();

    /** Option names Camel must mask when it prints URIs, beyond those it knows as secret. */
    protected abstract String[] getSensitiveOptionNames();

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        SensitiveOptions.register(getCamelContext(), getSensitiveOptionNames());
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
