package io.github.camelchatbots.component.konversation;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What can be known when the route starts stops it there, naming the option and quoting the value. */
class KonversationValidationTest extends KonversationTestSupport {

    private void startFails(String uri, String expected, boolean configured) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            if (configured) {
                configure(camel.getComponent("konversation", KonversationComponent.class).getConfiguration());
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to(uri);
                }
            });
            assertThatThrownBy(camel::start).rootCause().hasMessageContaining(expected);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "konversation:tags?limit=101                     | limit must be between 1 and 100 for konversation:tags, not 101 (from option limit)",
            "konversation:tags?page=101                      | page must be between 1 and 100 for konversation:tags, not 101",
            "konversation:subscribers?page=1001              | page must be between 1 and 1000 for konversation:subscribers",
            "konversation:subscribers?limit=0                | limit must be between 1 and 100",
            "konversation:subscribers?tagNs=f1t1,f1t2        | konversation:subscribers takes one tagNs (tag_ns), not 2",
            "konversation:addTags?tagNames=a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u | konversation:addTags takes at most 20 tags at once, not 21",
            "konversation:chatMessages?startTime=yesterday   | option startTime must be an ISO-8601 instant",
            "konversation:broadcast?scheduledTime=tomorrow   | option scheduledTime must be an ISO-8601 instant",
            "konversation:addToCart?qty=0                    | qty must be between 1 and 2147483647",
            "konversation:subscriber?userNs=..               | userNs must be an id, not '..'",
            "konversation:tags?limit=1.5                     | option limit must be a whole number, not '1.5'",
            "konversation:subscribers?channel=myspace        | option channel must be one of facebook",
            "konversation:subscribers?optInEmail=yes         | option optInEmail must be true or false, not 'yes'",
            "konversation:tags?baseUrl=ftp://example.com/api | baseUrl must be an absolute http(s) URL",
            "konversation:tags?maxRetries=-1                 | maxRetries must be at least 0",
            "konversation:nonsense                           | Unknown konversation operation 'nonsense'",
    })
    void badOptionsStopTheRouteAtStart(String uri, String expected) throws Exception {
        startFails(uri, expected, true);
    }

    @Test
    void baseUrlIsRequiredForThereIsNoDefaultHost() throws Exception {
        startFails("konversation:tags?apiKey=k", "konversation: baseUrl is required for konversation:tags: the"
                                                 + " workspace's konversation address followed by /api", false);
    }

    @Test
    void apiKeyIsRequiredAndAlone() throws Exception {
        startFails("konversation:tags?baseUrl=https://example.com/api",
                "konversation: apiKey is required for konversation:tags", false);
        startFails("konversation:tags?baseUrl=https://example.com/api&apiKey=Bearer abc",
                "apiKey must be the API key alone, without 'Bearer'", false);
    }

    @Test
    void theOperationsAreProducers() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            configure(camel.getComponent("konversation", KonversationComponent.class).getConfiguration());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("konversation:subscribers").to("log:x");
                }
            });
            assertThatThrownBy(camel::start).rootCause()
                    .hasMessageContaining("konversation:subscribers is a producer: use it in to(...)");
        }
    }
}
