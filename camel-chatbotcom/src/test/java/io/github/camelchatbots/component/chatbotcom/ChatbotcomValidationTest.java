package io.github.camelchatbots.component.chatbotcom;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ChatBot.com's documented limits are checked before any request: a violation names the field and the limit and
 * costs nothing. What can be known when the route starts stops it there.
 */
class ChatbotcomValidationTest extends ChatbotcomTestSupport {

    private void rejected(String uri, Object body, Map<String, Object> headers, String expected) {
        int before = chatbotcom().requestCount();
        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri, body, headers))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected);
        assertThat(chatbotcom().requestCount()).as("no request was sent").isEqualTo(before);
    }

    private static Map<String, String> attributes(int count) {
        Map<String, String> attributes = new HashMap<>();
        IntStream.range(0, count).forEach(i -> attributes.put("a" + i, "v"));
        return attributes;
    }

    @Test
    void attributeLimits() {
        rejected("chatbotcom:createUser", Map.of("attributes", Map.of()), Map.of(),
                "attributes must hold 1 to 99 entries, not 0");
        rejected("chatbotcom:createUser", Map.of("attributes", attributes(100)), Map.of(),
                "attributes must hold at most 99 entries, not 100");
        rejected("chatbotcom:createUser", Map.of("attributes", Map.of("bad name", "x")), Map.of(),
                "attributes: the name 'bad name' must match");
        rejected("chatbotcom:createUser", Map.of("attributes", Map.of("n".repeat(129), "x")), Map.of(),
                "must match");
        rejected("chatbotcom:createUser", Map.of("attributes", Map.of("default_email", "x".repeat(1025))), Map.of(),
                "attributes.default_email must be 1 to 1024 characters long, not 1025");
        rejected("chatbotcom:createUser", Map.of("attributes", Map.of("default_name", "x".repeat(257))), Map.of(),
                "attributes.default_name must be 1 to 256 characters long, not 257");
        rejected("chatbotcom:createUser", Map.of("attributes", Map.of("default_name", "")), Map.of(),
                "attributes.default_name must be 1 to 256 characters long, not 0");
        rejected("chatbotcom:createUser", Map.of("userId", "u".repeat(257), "attributes", Map.of("a", "b")), Map.of(),
                "userId must be 1 to 256 characters long, not 257");
        rejected("chatbotcom:updateUser?userId=5b7ff847cc3c3fb33c9249a8", Map.of("attributes", attributes(100)),
                Map.of(), "attributes must hold at most 99 entries");
        rejected("chatbotcom:updateSessionAttributes", Map.of("sessionId", "short", "attributes", Map.of("a", "b")),
                Map.of(), "sessionId must be 10 to 64 characters long, not 5");
    }

    @Test
    void queryLimits() {
        Map<String, Object> session = Map.of(ChatbotcomConstants.SESSION_ID, newSessionId());
        rejected("chatbotcom:query", "hello", Map.of(), "sessionId is required");
        rejected("chatbotcom:query", "hello", Map.of(ChatbotcomConstants.SESSION_ID, "x".repeat(65)),
                "sessionId must be 10 to 64 characters long, not 65");
        rejected("chatbotcom:query", "q".repeat(257), session, "query must be 1 to 256 characters long, not 257");
        rejected("chatbotcom:query", "", session, "query must be 1 to 256 characters long, not 0");
        rejected("chatbotcom:query", null, session, "exactly one of query, trigger and goto must be given, but none is");
        rejected("chatbotcom:query", Map.of("query", "hi", "trigger", "welcome"), session,
                "exactly one of query, trigger and goto must be given, but 2 are");
        rejected("chatbotcom:query", "x", Map.of(ChatbotcomConstants.SESSION_ID, newSessionId(),
                ChatbotcomConstants.TRIGGER, "t".repeat(51)), "trigger must be 1 to 50 characters long, not 51");
        rejected("chatbotcom:query", "x", Map.of(ChatbotcomConstants.SESSION_ID, newSessionId(),
                ChatbotcomConstants.GOTO, "abc"), "goto must be exactly 24 characters long, not 3");
        rejected("chatbotcom:query", Map.of("query", "hi", "confidence", 1.5), session,
                "confidence must be between 0.1 and 1.0, not 1.5");
        rejected("chatbotcom:query", Map.of("query", "hi", "confidence", 0.05), session,
                "confidence must be between 0.1 and 1.0");
        rejected("chatbotcom:query", Map.of("query", "hi", "lifespan", 0), session,
                "lifespan must be between 1 and 10, not 0");
        rejected("chatbotcom:query", Map.of("query", "hi", "storyId", "short"), session,
                "storyId must be exactly 24 characters long");
        rejected("chatbotcom:query", "hi", Map.of(ChatbotcomConstants.SESSION_ID, newSessionId(),
                ChatbotcomConstants.PARAMETERS, Map.of("no spaces", "x")), "parameters: the name 'no spaces'");
    }

    @Test
    void usersLimitsPerExchange() {
        rejected("chatbotcom:users", null, Map.of(ChatbotcomConstants.LIMIT, 41), "limit must be between 1 and 40, not 41");
        rejected("chatbotcom:users", null, Map.of(ChatbotcomConstants.FILTERS,
                "a:is:1;b:is:2;c:is:3;d:is:4;e:is:5;f:is:6"), "filters takes 1 to 5 conditions, not 6");
        rejected("chatbotcom:users", null, Map.of(ChatbotcomConstants.FILTERS, "nocolon"),
                "filters: 'nocolon' is not attribute:operator:value");
        rejected("chatbotcom:users", null, Map.of(ChatbotcomConstants.SORT_FIELD, "name"),
                "sortField must be one of createdAt, lastSeen, not 'name'");
        rejected("chatbotcom:users", null, Map.of(ChatbotcomConstants.SORT_ORDER, "up"), "sortOrder must be one of");
        rejected("chatbotcom:users", null, Map.of(ChatbotcomConstants.MATCH, "most"), "match must be one of all, any");
        rejected("chatbotcom:query", "hi", Map.of(ChatbotcomConstants.SESSION_ID, newSessionId(),
                ChatbotcomConstants.LIFESPAN, 20), "lifespan must be between 1 and 10, not 20");
    }

    @Test
    void idsThatWouldAddressAnotherResourceAreRefused() {
        rejected("chatbotcom:user", null, Map.of(ChatbotcomConstants.USER_ID, ".."), "userId must be an id, not '..'");
        rejected("chatbotcom:banUser", null, Map.of(ChatbotcomConstants.USER_ID, "."), "userId must be an id, not '.'");
        rejected("chatbotcom:chat", null, Map.of(ChatbotcomConstants.CHAT_ID, ".."), "chatId must be an id, not '..'");
        rejected("chatbotcom:user", null, Map.of(ChatbotcomConstants.USER_ID, "a".repeat(300)),
                "userId is 300 characters long; ids of more than 256 characters are refused");
    }

    @Test
    void missingRequestBodyNamesTheOperation() {
        rejected("chatbotcom:createUser", null, Map.of(), "chatbotcom:createUser needs its request as the body");
        rejected("chatbotcom:updateUser?userId=5b7ff847cc3c3fb33c9249a8", "[1,2]", Map.of(),
                "chatbotcom:updateUser needs its request as the body (a ChatbotcomUpdateUser, a Map or a JSON object), not text that is no JSON object");
        rejected("chatbotcom:user", null, Map.of(), "chatbotcom:user needs userId: set the CamelChatbotcomUserId header or the userId option");
        rejected("chatbotcom:chat", null, Map.of(), "chatbotcom:chat needs chatId");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "chatbotcom:users?limit=0                          | limit must be between 1 and 40, not 0",
            "chatbotcom:users?sortField=name                   | sortField must be one of createdAt, lastSeen, not 'name'",
            "chatbotcom:users?sortOrder=up                     | sortOrder must be one of asc, desc",
            "chatbotcom:users?match=some                       | match must be one of all, any",
            "chatbotcom:users?filters=a:is:1;b:is:2;c:is:3;d:is:4;e:is:5;f:is:6 | filters takes 1 to 5 conditions",
            "chatbotcom:query?sessionId=short                  | sessionId must be 10 to 64 characters long",
            "chatbotcom:chats?quietPeriod=-1                   | quietPeriod must be at least 0",
            "chatbotcom:webhook?webhookPath=/x                 | webhookVerifyToken is required for chatbotcom:webhook",
            "chatbotcom:webhook?webhookVerifyToken=t&webhookPath=x | webhookPath must be a path starting with /",
            "chatbotcom:updateSessionAttributes?sessionAttributesPath=x | sessionAttributesPath must be a path starting with /",
            "chatbotcom:stories?maxRetries=-1                  | maxRetries must be at least 0",
            "chatbotcom:query?confidence=2                     | confidence must be between 0.1 and 1.0, not 2.0",
            "chatbotcom:query?lifespan=11                      | lifespan must be between 1 and 10, not 11",
            "chatbotcom:query?storyId=abc                      | storyId must be exactly 24 characters long",
            "chatbotcom:query?trigger=                         | trigger must be 1 to 50 characters long",
            "chatbotcom:webhook?webhookVerifyToken=t&replyTimeout=10000 | replyTimeout must be between 1 and 9999 ms",
            "chatbotcom:stories?baseUrl=ftp://example.com      | baseUrl",
            "chatbotcom:nonsense                               | Unknown chatbotcom operation 'nonsense'",
    })
    void badOptionsStopTheRouteAtStart(String uri, String expected) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            configure(camel.getComponent("chatbotcom", ChatbotcomComponent.class).getConfiguration());
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
    void missingTokenStopsTheRouteAtStart() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("chatbotcom:stories");
                }
            });
            assertThatThrownBy(camel::start).rootCause().hasMessageContaining(
                    "accessToken is required for chatbotcom:stories");
        }
    }

    @Test
    void operationsAreUsedTheWayTheyWork() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            configure(camel.getComponent("chatbotcom", ChatbotcomComponent.class).getConfiguration());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("chatbotcom:query").to("log:x");
                }
            });
            assertThatThrownBy(camel::start).rootCause().hasMessageContaining(
                    "chatbotcom:query is a producer: use it in to(...)");
        }
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("chatbotcom:webhook?webhookVerifyToken=t");
                }
            });
            assertThatThrownBy(camel::start).rootCause().hasMessageContaining(
                    "chatbotcom:webhook is a consumer");
        }
    }
}
