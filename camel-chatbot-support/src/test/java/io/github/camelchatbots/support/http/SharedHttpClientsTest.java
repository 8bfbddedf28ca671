package io.github.camelchatbots.support.http;

import java.io.IOException;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedHttpClientsTest {

    private final SharedHttpClients clients = new SharedHttpClients();
    private final CamelContext camelContext = new DefaultCamelContext();
    private FakeVendor vendor;

    @BeforeEach
    void startVendor() throws IOException {
        vendor = FakeVendor.start();
    }

    @AfterEach
    void stop() throws Exception {
        clients.closeAll();
        vendor.close();
        camelContext.close();
    }

    @Test
    void endpointsWithTheSameHttpSettingsShareOneClientUntilTheLastLetsGo() throws Exception {
        CloseableHttpClient first = clients.acquire(new TestConfiguration(), camelContext);
        CloseableHttpClient second = clients.acquire(new TestConfiguration(), camelContext);
        assertThat(second).isSameAs(first);

        clients.release(first);
        assertThat(get(second)).isEqualTo(200);

        clients.release(second);
        assertThatThrownBy(() -> get(second)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void otherHttpSettingsGetAnotherClient() throws Exception {
        TestConfiguration slower = new TestConfiguration();
        slower.setResponseTimeout(60_000);

        assertThat(clients.acquire(slower, camelContext)).isNotSameAs(clients.acquire(new TestConfiguration(),
                camelContext));
    }

    @Test
    void closingAllClosesClientsStillHeld() throws Exception {
        CloseableHttpClient held = clients.acquire(new TestConfiguration(), camelContext);

        clients.closeAll();

        assertThatThrownBy(() -> get(held)).isInstanceOf(IllegalStateException.class);
        assertThat(clients.acquire(new TestConfiguration(), camelContext)).isNotSameAs(held);
    }

    private int get(CloseableHttpClient client) throws IOException {
        return client.execute(new HttpGet(vendor.baseUrl() + "/anything"), response -> response.getCode());
    }
}
