package io.github.camelchatbots.component.engati;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What can be known when the route starts stops it there, naming the option and quoting the value; what comes with
 * an exchange is checked before any request is sent, naming the header, body field or option it came from.
 */
class EngatiValidationTest extends EngatiTestSupport {

    private static final String FLOW = "27055FA465AE4076BD2D41403A62B1B7";

    private void rejected(String uri, Object body, Map<String, Object> headers, String expected) {
        long before = engati().requestCount();
        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri, body, headers))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected);
        assertThat(engati().requestCount()).as("no request was sent").isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "engati:users?customerId=abc                  | option customerId must be a positive whole number such as 10294, not 'abc'",
            "engati:users?customerId=-5                   | option customerId must be a positive whole number such as 10294, not '-5'",
            "engati:users?customerId=1.5                  | option customerId must be a positive whole number such as 10294, not '1.5'",
            "engati:users?botKey=1a1c9bfa5e0f41           | option botKey must be 16 hexadecimal characters such as 1a1c9bfa5e0f41ed, not '1a1c9bfa5e0f41'",
            "engati:users?botKey=1a1c9bfa5e0f41eg         | option botKey must be 16 hexadecimal characters",
            "engati:triggerFlow?flowKey=27055FA465AE4076  | option flowKey must be 32 hexadecimal characters such as 27055FA465AE4076BD2D41403A62B1B7 (the flow builder's path info), not '27055FA465AE4076'",
            "engati:sendTemplate?phoneNumber=call-me      | option phoneNumber must be a phone number with country code such as +919876543210, not 'call-me'",
            "engati:sendTemplate?phoneNumber=+91123       | option phoneNumber must be a phone number",
            "engati:conversations?channelUserId=..        | channelUserId must be an id, not '..'",
            "engati:conversations?startDate=yesterday     | option startDate must be an instant, ISO-8601 such as 2024-08-01T00:00:00Z or UTC epoch milliseconds, not 'yesterday'",
            "engati:conversations?endDate=2024-13-01      | option endDate must be an instant",
            "engati:conversations?startDate=2024-02-01T00:00:00Z&endDate=2024-01-01T00:00:00Z | option startDate 2024-02-01T00:00:00Z must not be after option endDate 2024-01-01T00:00:00Z",
            "engati:conversations?pageSize=0              | option pageSize must be at least 1, not 0",
            "engati:conversations?firstPageNumber=2       | option firstPageNumber must be 0 or 1, not 2",
            "engati:conversations?pageNumber=0            | option pageNumber must be at least 1, not 0",
            "engati:conversations?pageNumber=twenty       | option pageNumber must be a whole number, not 'twenty'",
            "engati:triggerFlow?apiVersion=v3             | option apiVersion must be one of v1, v2, not 'v3'",
            "engati:users?apiKey=Basic%20abc              | apiKey must be the API key alone, as Engati issued it, without 'Basic', spaces or line breaks",
            "engati:users?baseUrl=ftp://api.engati.ai     | baseUrl",
            "engati:users?maxRetries=-1                   | option maxRetries must be at least 0",
            "engati:nonsense                              | Unknown engati operation 'nonsense'",
    })
    void badOptionsStopTheRouteAtStart(String uri, String expected) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            configure(camel.getComponent("engati", EngatiComponent.class).getConfiguration());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to(uri);
                }
            });
            assertThatThrownBy(camel::start).rootCause().hasMessageContaining(expected);
        }
    }

    @Test
    void theAccountOptionsAreRequired() throws Exception {
        for (String missing : List.of("apiKey", "customerId", "botKey")) {
            try (CamelContext camel = new DefaultCamelContext()) {
                EngatiConfiguration defaults = camel.getComponent("engati", EngatiComponent.class).getConfiguration();
                configure(defaults);
                switch (missing) {
                    case "apiKey" -> defaults.setApiKey(null);
                    case "customerId" -> defaults.setCustomerId(" ");
                    default -> defaults.setBotKey(null);
                }
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:start").to("engati:users");
                    }
                });
                assertThatThrownBy(camel::start).as(missing).rootCause()
                        .hasMessageContaining(missing.equals("apiKey") ? "apiKey is required for engati:users"
                                : "option " + missing + " is required");
            }
        }
    }

    @Test
    void theOperationsAreProducers() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            configure(camel.getComponent("engati", EngatiComponent.class).getConfiguration());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("engati:triggerFlow").to("log:x");
                }
            });
            assertThatThrownBy(camel::start).rootCause()
                    .hasMessageContaining("engati:triggerFlow is a producer: use it in to(...)");
        }
    }

    @Test
    void requiredValuesOfAnExchangeNameWhereTheyCanComeFrom() {
        rejected("engati:users?attributeValue=x", null, Map.of(),
                "engati:users needs attributeName: set the CamelEngatiAttributeName header, a 'attributeName' field in"
                + " the body or the attributeName option");
        rejected("engati:users?attributeName=x", null, Map.of(), "engati:users needs attributeValue");
        rejected("engati:conversations", null, Map.of(), "engati:conversations needs channelUserId");
        rejected("engati:triggerFlow", null, Map.of(),
                "engati:triggerFlow needs flowKey: set the CamelEngatiFlowKey header or the flowKey option");
        rejected("engati:sendTemplate?templateName=t&templateLanguage=en", null, Map.of(),
                "engati:sendTemplate needs phoneNumber: set the CamelEngatiPhoneNumber header, a 'phoneNumber' field"
                + " in the body or the phoneNumber option");
        rejected("engati:broadcast?templateName=t&templateLanguage=en", "user.phone_number\n+919876543210\n",
                Map.of(), "engati:broadcast needs broadcastId");
        rejected("engati:broadcast?broadcastId=b&templateName=t&templateLanguage=en", null, Map.of(),
                "engati:broadcast needs the recipients as the body");
    }

    @Test
    void valuesOfAnExchangeAreCheckedNamingTheirSource() {
        String conversations = "engati:conversations?channelUserId=919565428256";
        rejected(conversations, null, Map.of(EngatiConstants.START_DATE, "last week"),
                "header CamelEngatiStartDate must be an instant, ISO-8601 such as 2024-08-01T00:00:00Z or UTC epoch"
                + " milliseconds, not 'last week'");
        rejected(conversations, Map.of("endDate", "soon"), Map.of(), "body field 'endDate' must be an instant");
        rejected(conversations, null, Map.of(EngatiConstants.START_DATE, "2024-02-01T00:00:00Z",
                EngatiConstants.END_DATE, "2024-01-01T00:00:00Z"),
                "startDate 2024-02-01T00:00:00Z must not be after endDate 2024-01-01T00:00:00Z");
        rejected(conversations, null, Map.of(EngatiConstants.PAGE_SIZE, "lots"),
                "header CamelEngatiPageSize must be a whole number, not 'lots'");
        rejected(conversations, null, Map.of(EngatiConstants.PAGE_NUMBER, 0),
                "header CamelEngatiPageNumber must be a whole number of at least 1, not '0'");
        rejected("engati:conversations", null, Map.of(EngatiConstants.CHANNEL_USER_ID, ".."),
                "header CamelEngatiChannelUserId must be an id, not '..'");
        rejected("engati:conversations", null, Map.of(EngatiConstants.CHANNEL_USER_ID, "a/b".repeat(100)),
                "header CamelEngatiChannelUserId is 300 characters long");
        rejected("engati:conversations", Map.of("channelUserId", ".."), Map.of(), "channelUserId must be an id");
        rejected("engati:triggerFlow", null, Map.of(EngatiConstants.FLOW_KEY, "flow_27055FA4"),
                "header CamelEngatiFlowKey must be 32 hexadecimal characters");
        rejected("engati:triggerFlow?flowKey=" + FLOW, "919876543210", Map.of(),
                "engati:triggerFlow takes its attributes, as a Map or a JSON object such as"
                + " {\"user.phone_no\":\"919876543210\",\"user.channel\":\"whatsapp\"} as the body, not text that is"
                + " no JSON object");
        rejected("engati:triggerFlow?flowKey=" + FLOW, Map.of("user", Map.of("phone_no", "919876543210")), Map.of(),
                "triggerFlow attribute 'user' must be text, a number or a boolean: Engati takes one flat object");
        rejected("engati:triggerFlow?flowKey=" + FLOW, "{\"user.phone_no\": 91", Map.of(),
                "got a body that starts with '{' but is not valid JSON");
        rejected("engati:triggerFlow?flowKey=" + FLOW, null, Map.of(EngatiConstants.PHONE_NUMBER, "me"),
                "header CamelEngatiPhoneNumber must be a phone number with country code");
    }

    @Test
    void templatesAreCheckedBeforeTheyAreSent() {
        String send = "engati:sendTemplate?phoneNumber=+919876543210";
        rejected(send, null, Map.of(), "the template's name is required");
        rejected(send + "&templateName=t", null, Map.of(), "the template's language code is required, e.g. en_US");
        rejected(send, "{\"payload\":{\"name\":\"t\",\"language\":{\"policy\":\"deterministic\"}}}", Map.of(),
                "the template's language code is required");
        rejected(send, "Hello!", Map.of(), "engati:sendTemplate takes an EngatiTemplateMessage");
        rejected(send, null, Map.of(EngatiConstants.TEMPLATE, "[1,2]"),
                "header CamelEngatiTemplate must be a template (an EngatiTemplate, a Map or a JSON object), not '[1,2]'");
        rejected(send, null, Map.of(EngatiConstants.TEMPLATE, "{not json"),
                "header CamelEngatiTemplate is not a template");
        rejected("engati:sendTemplate", Map.of("phoneNumber", "12", "payload", Map.of("name", "t", "language", "en")),
                Map.of(), "the body's phoneNumber must be a phone number with country code such as +919876543210,"
                          + " not '12'");
        rejected("engati:broadcast?broadcastId=b&templateLanguage=en", "user.phone_number\n+919876543210\n",
                Map.of(), "the template's name is required");
    }

    @Test
    void rowsOfRecipientsAreChecked() {
        String broadcast = "engati:broadcast?broadcastId=b&templateName=t&templateLanguage=en";
        rejected(broadcast, List.of(), Map.of(), "a broadcast needs at least one recipient");
        rejected(broadcast, List.of(List.of("user.phone_number", "user.attribute_0")), Map.of(),
                "the rows hold only the header");
        rejected(broadcast, List.of(List.of("+919876543210"), List.of("not a phone")), Map.of(),
                "broadcast row 1 must start with a phone number with country code such as +919876543210, not"
                + " 'not a phone'");
        rejected(broadcast, List.of(List.of("user.phone_number"), List.of("+919876543210", "extra")), Map.of(),
                "broadcast row 1 has 2 cells, the header 1");
        rejected(broadcast, List.of(Map.of("user.phone_number", "+919876543210"), Map.of("name", "x")), Map.of(),
                "broadcast row 1 has no user.phone_number");
        rejected(broadcast, List.of(Map.of("user.phone_number", "+919876543210"), List.of("+918123456789")),
                Map.of(), "broadcast row 1 is a ");
        rejected(broadcast, List.of(new Object()), Map.of(), "broadcast row 0 must be an EngatiRecipient, a list of"
                                                              + " cells, a map of columns or a phone number");
        rejected(broadcast, List.of(List.of()), Map.of(), "broadcast row 0 is empty");
    }
}
