package io.github.camelchatbots.component.engati;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.engati.model.EngatiUser;
import io.github.camelchatbots.simulator.FixtureServer;
import io.github.camelchatbots.support.error.ChatbotAuthenticationException;
import io.github.camelchatbots.support.error.ChatbotBadRequestException;
import io.github.camelchatbots.support.error.ChatbotException;
import io.github.camelchatbots.support.error.ChatbotMalformedResponseException;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import io.github.camelchatbots.support.error.ChatbotRateLimitedException;
import io.github.camelchatbots.support.error.ChatbotVendorException;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every answer is read through Engati's envelope: each of its codes, inside an HTTP 200 or not, raises the exception
 * of its kind, with the code and Engati's message in the text; HTTP errors too.
 */
class EngatiErrorsTest extends EngatiTestSupport {

    private static final String FLOW = "27055FA465AE4076BD2D41403A62B1B7";
    private static final String TEMPLATE = "engati:sendTemplate?phoneNumber=+919876543210&templateName=offer"
                                           + "&templateLanguage=en";
    private static final String BROADCAST = "engati:broadcast?broadcastId=b&templateName=offer&templateLanguage=en";

    private ChatbotException failure(String uri, Object body) {
        Throwable thrown = catchThrowable(() -> send(uri, body, Map.of()));
        assertThat(thrown).as("the call failed").isNotNull();
        assertThat(thrown.getCause()).isInstanceOf(ChatbotException.class);
        return (ChatbotException) thrown.getCause();
    }

    @Test
    void botNotFound2003IsNotFoundInsideA200() {
        ChatbotException e = failure("engati:users?attributeName=a&attributeValue=b&botKey=00000000000000aa", null);

        assertThat(e).isInstanceOf(ChatbotNotFoundException.class)
                .hasMessageContaining("bot 00000000000000aa not found for customer 10294 (BOT_NOT_FOUND)")
                .hasMessageContaining("an error envelope in an HTTP 200 answer")
                .hasMessageContaining("vendor code 2003");
        assertThat(e.getHttpStatus()).isEqualTo(200);
        assertThat(e.getVendorCode()).isEqualTo("2003");
        assertThat(engati().requests()).as("not retried").hasSize(1);
    }

    @Test
    void apiKeyNotFound2004IsAnAuthenticationFailure() {
        engati().setWhatsappConfigured(false);

        ChatbotException e = failure(TEMPLATE, null);

        assertThat(e).isInstanceOf(ChatbotAuthenticationException.class)
                .hasMessageContaining("no WhatsApp (360dialog) API key is configured")
                .hasMessageContaining("(API_KEY_NOT_FOUND)").hasMessageContaining("vendor code 2004");
        assertThat(failure(BROADCAST, "user.phone_number\n+919876543210\n"))
                .isInstanceOf(ChatbotAuthenticationException.class).extracting(ChatbotException::getVendorCode)
                .isEqualTo("2004");
        assertThat(engati().templateSends()).isEmpty();
    }

    @Test
    void invalidFileFormat2005IsABadRequest() {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R' };

        ChatbotException e = failure(BROADCAST, png);

        assertThat(e).isInstanceOf(ChatbotBadRequestException.class)
                .hasMessageContaining("target_audience is not a valid CSV file")
                .hasMessageContaining("(INVALID_FILE_FORMAT)").hasMessageContaining("vendor code 2005");
        assertThat(engati().requests()).as("a write is never repeated").hasSize(1);
    }

    @Test
    void fileUploadFailed2006IsAVendorError() {
        engati().setMaxAudienceFileSize(10);

        ChatbotException e = failure(BROADCAST, "user.phone_number\n+919876543210\n");

        assertThat(e).isInstanceOf(ChatbotVendorException.class)
                .hasMessageContaining("more than the maximum of 10").hasMessageContaining("(FILE_UPLOAD_FAILED)")
                .hasMessageContaining("vendor code 2006");
        assertThat(engati().broadcasts()).isEmpty();
        assertThat(engati().requests()).hasSize(1);
    }

    @Test
    void failure2000InsideA200FailsAWriteOnceAndIsRetriedForARead() {
        engati().failNextWith(2000, "Internal failure", 1, "/whatsapp-api/.*");

        ChatbotException write = failure(TEMPLATE, null);

        assertThat(write).isInstanceOf(ChatbotVendorException.class).hasMessageContaining("Internal failure (FAILURE)")
                .hasMessageContaining("vendor code 2000");
        assertThat(engati().requests()).as("a write is never repeated").hasSize(1);

        engati().addUser("919565428256", "whatsapp", "Priya", Map.of("lead_status", "qualified"));
        engati().failNextWith(2000, "Internal failure", 2, "/bot-api/.*");
        List<?> users = send("engati:users?attributeName=lead_status&attributeValue=qualified", null, Map.of())
                .getMessage().getBody(List.class);

        assertThat(users).hasSize(1);
        assertThat(engati().requests()).as("the read was retried twice").hasSize(4);
    }

    @Test
    void failure2000WithWordsOfABadRequestIsABadRequest() {
        engati().failNextWith(2000, "attribute_value is required", 1);

        assertThat(failure("engati:users?attributeName=a&attributeValue=b", null))
                .isInstanceOf(ChatbotBadRequestException.class).hasMessageContaining("attribute_value is required");
    }

    @Test
    void aBadParameterIsAnHttp400() {
        ChatbotException e = failure("engati:conversations?channelUserId=919565428256&pageSize=5000", null);

        assertThat(e).isInstanceOf(ChatbotBadRequestException.class)
                .hasMessageContaining("page_size must be between 1 and 1000, was 5000").hasMessageContaining("(HTTP 400)")
                .hasMessageContaining("vendor code 2000");
    }

    @Test
    void aWrongKeyAnotherCustomerAndAnUnknownFlow() {
        String wrongKey = newApiKey();
        ChatbotException refused = failure("engati:users?attributeName=a&attributeValue=b&apiKey=" + wrongKey, null);
        assertThat(refused).isInstanceOf(ChatbotAuthenticationException.class)
                .hasMessageContaining("the API key is unknown").hasMessageContaining("(HTTP 401)")
                .hasMessageNotContaining(wrongKey).hasMessageNotContaining(apiKey);

        assertThat(failure("engati:users?attributeName=a&attributeValue=b&customerId=99999", null))
                .isInstanceOf(ChatbotAuthenticationException.class)
                .hasMessageContaining("does not belong to customer 99999").hasMessageContaining("(HTTP 403)");

        assertThat(failure("engati:triggerFlow?flowKey=" + FLOW, Map.of("user.phone_no", "919876543210")))
                .isInstanceOf(ChatbotNotFoundException.class).hasMessageContaining("flow " + FLOW + " not found")
                .hasMessageContaining("(HTTP 404)");
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterOrRaisedWithIt() {
        engati().addUser("919565428256", "whatsapp", "Priya", Map.of("lead_status", "qualified"));
        engati().setRateLimit(1, Duration.ofSeconds(1));
        String uri = "engati:users?attributeName=lead_status&attributeValue=qualified";

        send(uri, null, Map.of());
        List<?> second = send(uri, null, Map.of()).getMessage().getBody(List.class);

        assertThat(second).hasSize(1);
        assertThat(engati().rejectedByRateLimit()).isGreaterThanOrEqualTo(1);

        // a window far longer than this test: the request just made is still in it
        engati().setRateLimit(1, Duration.ofSeconds(30));
        ChatbotException limited = failure(uri + "&maxRetries=0", null);
        assertThat(limited).isInstanceOf(ChatbotRateLimitedException.class);
        assertThat(((ChatbotRateLimitedException) limited).getRetryAfter()).isBetween(Duration.ofSeconds(20),
                Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"status\":{\"code\":2042,\"desc\":\"SOMETHING_NEW\"},\"responseObject\":null} | SOMETHING_NEW | 2042",
            "{\"status\":{\"code\":2001,\"message\":\"Customer suspended\",\"desc\":\"FAILURE\"}} | Customer suspended (FAILURE) | 2001",
            "{\"status\":{\"code\":\"3000\",\"message\":\"Try later\"},\"responseObject\":[]} | Try later | 3000",
    })
    void codesEngatiDoesNotDocumentAreVendorErrors(String answer, String message, String code) throws Exception {
        ChatbotException e = fromFixture(200, answer);

        assertThat(e).isInstanceOf(ChatbotVendorException.class).hasMessageContaining(message)
                .hasMessageContaining("vendor code " + code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"status\":{\"code\":1000},\"responseObject\":{\"total\":3}} | expected the users as a list",
            "{\"status\":{\"code\":1000},\"responseObject\":{\"users\":[\"919565428256\"]}} | a user that is not a JSON object",
            "<html>Bad gateway</html> | invalid JSON",
    })
    void answersOfAnotherShapeAreMalformed(String answer, String problem) throws Exception {
        assertThat(fromFixture(200, answer)).isInstanceOf(ChatbotMalformedResponseException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void aNullOrEmptyListIsNoUsers() throws Exception {
        for (String answer : List.of("{\"status\":{\"code\":1000},\"responseObject\":null}",
                "{\"status\":{\"code\":1000},\"responseObject\":{\"users\":null,\"count\":0}}",
                "{\"status\":{\"code\":1000},\"responseObject\":{}}", "[]")) {
            try (FixtureServer vendor = FixtureServer.answering(200, answer);
                 CamelContext camel = fixtureContext(vendor)) {
                assertThat(camel.createProducerTemplate().requestBody(
                        "engati:users?attributeName=a&attributeValue=b", null, List.class)).as(answer).isEmpty();
            }
        }
    }

    @Test
    void aLoneListUnderAnyNameIsTheUsers() throws Exception {
        String answer = "{\"status\":{\"code\":1000},\"responseObject\":{\"total\":1,\"user_list\":[{\"user_id\":\"u1\","
                        + "\"channel_user_id\":\"919565428256\",\"lead_score\":12}]}}";
        try (FixtureServer vendor = FixtureServer.answering(200, answer); CamelContext camel = fixtureContext(vendor)) {
            List<?> users = camel.createProducerTemplate().requestBody("engati:users?attributeName=a&attributeValue=b",
                    null, List.class);
            assertThat(users).singleElement().isInstanceOfSatisfying(EngatiUser.class, user -> {
                assertThat(user.userId()).isEqualTo("u1");
                assertThat(user.other()).containsEntry("lead_score", 12);
            });
        }
    }

    private ChatbotException fromFixture(int status, String answer) throws Exception {
        try (FixtureServer vendor = FixtureServer.answering(status, answer); CamelContext camel = fixtureContext(vendor)) {
            ProducerTemplate producer = camel.createProducerTemplate();
            Throwable thrown = catchThrowable(() -> producer.requestBody(
                    "engati:users?attributeName=a&attributeValue=b&maxRetries=0", null, Object.class));
            assertThat(thrown).isNotNull();
            assertThat(thrown.getCause()).isInstanceOf(ChatbotException.class);
            return (ChatbotException) thrown.getCause();
        }
    }

    private static CamelContext fixtureContext(FixtureServer vendor) {
        CamelContext camel = new DefaultCamelContext();
        EngatiConfiguration defaults = camel.getComponent("engati", EngatiComponent.class).getConfiguration();
        defaults.setBaseUrl(vendor.baseUrl());
        defaults.setApiKey("fixture-key");
        defaults.setCustomerId("10294");
        defaults.setBotKey("1a1c9bfa5e0f41ed");
        camel.start();
        return camel;
    }
}
