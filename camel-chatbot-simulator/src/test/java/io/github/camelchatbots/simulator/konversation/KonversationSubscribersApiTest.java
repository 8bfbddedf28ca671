package io.github.camelchatbots.simulator.konversation;

import static io.github.camelchatbots.simulator.konversation.KonversationHttp.assertOk;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.badRequest;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.data;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.object;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubscriberView;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Subscribers: get-info, the list with its order and filters, create, create-many, update and delete. */
class KonversationSubscribersApiTest extends KonversationApiTestSupport {

    private static final String DATETIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

    private JsonNode list(String query) {
        return ok(http.get("/subscribers" + query));
    }

    @Test
    void getInfoShowsTheBotUser() {
        konversation.freezeTime();
        konversation.createUserField("city", "text");
        konversation.createUserField("roast", "text");
        String userNs = konversation.newSubscriber().firstName("Ann").lastName("Lee").phone("+61 400 000 001")
                .email("ann@example.com").gender("female").channel("whatsapp_cloud").tags("vip", "lead")
                .field("city", "Hobart").create();
        konversation.addLabel(userNs, "Priority");
        konversation.addIncomingMessage(userNs, "hi");

        JsonNode user = data(http.get("/subscriber/get-info?user_ns=" + userNs));

        assertThat(user.fieldNames()).toIterable().containsExactly("user_ns", "user_id", "name", "first_name",
                "last_name", "phone", "email", "gender", "language", "locale", "profile_pic", "subscribed",
                "last_interaction", "last_seen", "last_message_at", "last_message_type", "opted_in_email",
                "opted_in_sms", "opted_in_through", "tags", "user_fields", "channels", "labels", "status",
                "created_at");
        assertThat(user.get("user_ns").asText()).isEqualTo(userNs);
        assertThat(user.get("user_id").asText()).as("the phone's digits").isEqualTo("61400000001");
        assertThat(user.get("name").asText()).isEqualTo("Ann Lee");
        assertThat(user.get("last_interaction").asText()).matches(DATETIME)
                .isEqualTo(KonversationJson.datetime(konversation.now()));
        assertThat(user.get("last_message_type").asText()).isEqualTo("text");
        assertThat(user.get("opted_in_email").isNull()).isTrue();
        assertThat(user.get("tags").toString()).isEqualTo("[{\"name\":\"vip\",\"tag_ns\":\"f131667t1\"},"
                + "{\"name\":\"lead\",\"tag_ns\":\"f131667t2\"}]");
        assertThat(user.get("user_fields").toString()).isEqualTo("[{\"name\":\"city\",\"var_ns\":\"f131667v1\","
                + "\"var_type\":\"text\",\"value\":\"Hobart\"},{\"name\":\"roast\",\"var_ns\":\"f131667v2\","
                + "\"var_type\":\"text\",\"value\":null}]");
        assertThat(user.get("channels").get(0).get("type").asText()).isEqualTo("whatsapp_cloud");
        assertThat(user.get("labels").toString()).isEqualTo("[{\"id\":1,\"name\":\"Priority\"}]");
        assertThat(user.get("created_at").asText()).matches(DATETIME);
    }

    @Test
    void findsSubscribersByTheirChannelUserId() {
        String userNs = konversation.newSubscriber().firstName("Ann").channel("facebook").userId("6123456789012345")
                .email("ann@example.com").create();

        assertThat(data(http.get("/subscriber/get-info-by-user-id?user_id=6123456789012345")).get("user_ns").asText())
                .isEqualTo(userNs);
        assertThat(badRequest(http.get("/subscriber/get-info-by-user-id?user_id=1")))
                .isEqualTo("The selected user_id is invalid.");
        assertThat(badRequest(http.get("/subscriber/get-info-by-user-id"))).isEqualTo("The user_id field is required.");
        assertThat(badRequest(http.get("/subscriber/get-info"))).isEqualTo("The user_ns field is required.");
    }

    @Test
    void createsASubscriberFromPhoneOrEmail() {
        JsonNode byPhone = data(http.post("/subscriber/create", "first_name", "Ann", "last_name", "Lee", "phone",
                "+61400000001", "gender", "female", "image", "https://example.com/ann.jpg"));
        JsonNode byEmail = data(http.post("/subscriber/create", "name", "Bo", "email", "bo@example.com"));

        assertThat(byPhone.get("user_ns").asText()).isEqualTo("f131667u1");
        assertThat(byPhone.get("name").asText()).isEqualTo("Ann Lee");
        assertThat(byPhone.get("profile_pic").asText()).isEqualTo("https://example.com/ann.jpg");
        assertThat(byPhone.get("last_interaction").isNull()).as("no interaction yet").isTrue();
        assertThat(byEmail.get("user_id").asText()).isEqualTo("bo@example.com");
        assertThat(byEmail.get("channels").get(0).get("type").asText()).isEqualTo("apichat");
        assertThat(konversation.subscribers()).hasSize(2);
    }

    @Test
    void createChecksItsFields() {
        konversation.newSubscriber().firstName("Ann").phone("+61 400 000 001").email("ann@example.com").create();

        assertThat(badRequest(http.post("/subscriber/create", "first_name", "X")))
                .isEqualTo("The phone field is required when email is not present.");
        assertThat(badRequest(http.post("/subscriber/create", "email", "not-an-address")))
                .isEqualTo("The email field must be a valid email address.");
        assertThat(badRequest(http.post("/subscriber/create", "phone", "call me")))
                .isEqualTo("The phone field format is invalid.");
        assertThat(badRequest(http.post("/subscriber/create", "phone", "+1555000111", "gender", "other")))
                .isEqualTo("The selected gender is invalid. It must be one of: male, female.");
        assertThat(badRequest(http.post("/subscriber/create", "phone", "61400000001")))
                .as("the same number, written differently").isEqualTo("The phone has already been taken.");
        assertThat(badRequest(http.post("/subscriber/create", "email", "ANN@example.com")))
                .isEqualTo("The email has already been taken.");
        assertThat(konversation.subscribers()).hasSize(1);
    }

    @Test
    void aPhoneWhoseDigitsAreAnotherSubscribersUserIdIsTaken() {
        konversation.newSubscriber().firstName("Web").channel("web").userId("61400000009").create();

        assertThat(badRequest(http.post("/subscriber/create", "phone", "+61 400 000 009")))
                .isEqualTo("The phone has already been taken.");
    }

    @Test
    void theBuilderAddsNothingWhenAFieldIsWrong() {
        konversation.createUserField("points", "number");

        assertThatThrownBy(() -> konversation.newSubscriber().firstName("Ann").phone("+61400000001")
                .field("points", "many").create()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The value field must be a valid number for the number field points.");
        assertThatThrownBy(() -> konversation.newSubscriber().firstName("Ann").phone("+61400000001")
                .field("city", "Perth").create()).hasMessage("The selected field_name is invalid.");
        assertThat(konversation.subscribers()).isEmpty();
    }

    @Test
    void createManyAddsUsersWithTagsAndFields() {
        konversation.createTag("lead");
        String city = konversation.createUserField("city", "text").varNs();

        assertOk(http.post("/subscriber/create-many", "users", List.of(
                object("first_name", "Ann", "phone", "+61400000001", "tags", List.of(object("tag_name", "lead")),
                        "user_fields", List.of(object("var_ns", city, "value", "Perth"))),
                object("first_name", "Bo", "email", "bo@example.com"))));

        List<SubscriberView> created = konversation.subscribers();
        assertThat(created).extracting(SubscriberView::firstName).containsExactly("Bo", "Ann");
        SubscriberView ann = created.get(1);
        assertThat(ann.tags()).extracting(KonversationSimulation.Tag::name).containsExactly("lead");
        assertThat(ann.userFields()).containsEntry("city", "Perth");
    }

    @Test
    void createManyChecksEveryUserBeforeCreatingAny() {
        konversation.createTag("lead");
        String city = konversation.createUserField("city", "text").varNs();
        Object ann = object("first_name", "Ann", "phone", "+61400000001");

        assertThat(badRequest(http.post("/subscriber/create-many", "users", items(101,
                i -> object("email", "u" + i + "@example.com")))))
                .isEqualTo("The users field must not have more than 100 items.");
        assertThat(badRequest(http.post("/subscriber/create-many", "users", List.of(ann, object("first_name",
                "Bo", "email", "bo@example.com", "tags", List.of(object("tag_name", "lead"),
                        object("tag_name", "unknown")))))))
                .as("only existing tags").isEqualTo("The selected users.1.tags.1.tag_name is invalid.");
        assertThat(badRequest(http.post("/subscriber/create-many", "users", List.of(object("phone", "+61400000002",
                "tags", items(11, i -> object("tag_name", "lead")))))))
                .isEqualTo("The users.0.tags field must not have more than 10 items.");
        assertThat(badRequest(http.post("/subscriber/create-many", "users", List.of(object("phone", "+61400000002",
                "user_fields", items(11, i -> object("var_ns", city, "value", "x")))))))
                .isEqualTo("The users.0.user_fields field must not have more than 10 items.");
        assertThat(badRequest(http.post("/subscriber/create-many", "users", List.of(ann, object("first_name",
                "Cy")))))
                .isEqualTo("The users.1.phone field is required when users.1.email is not present.");
        assertThat(badRequest(http.post("/subscriber/create-many", "users", List.of(ann, ann))))
                .isEqualTo("The users.1.phone has already been taken.");
        assertThat(badRequest(http.post("/subscriber/create-many"))).isEqualTo("The users field is required.");
        assertThat(konversation.subscribers()).isEmpty();

        assertOk(http.post("/subscriber/create-many", "users", items(100, i -> object("email", "u" + i
                + "@example.com"))));
        assertThat(konversation.subscribers()).hasSize(100);
    }

    @Test
    void updatesAndDeletesSubscribers() {
        String userNs = subscriber("Ann", 1);
        konversation.addToCart(userNs, konversation.newProduct("Mug").price("19.00").create().variants().get(0).id(),
                1);

        JsonNode updated = data(http.put("/subscriber/update", "user_ns", userNs, "last_name", "Lee", "email",
                "ann@example.com"));
        assertThat(updated.get("name").asText()).isEqualTo("Ann Lee");
        assertThat(updated.get("email").asText()).isEqualTo("ann@example.com");
        assertThat(badRequest(http.put("/subscriber/update", "user_ns", userNs, "gender", "x")))
                .startsWith("The selected gender is invalid.");

        assertOk(http.delete("/subscriber/delete", "user_ns", userNs));
        assertThat(konversation.subscribers()).isEmpty();
        assertThat(badRequest(http.delete("/subscriber/delete", "user_ns", userNs)))
                .isEqualTo("The selected user_ns is invalid.");
        assertThat(badRequest(http.put("/subscriber/update", "first_name", "X")))
                .isEqualTo("The user_ns field is required.");
    }

    @Test
    void theListIsOrderedByLastInteractionNewestFirst() {
        konversation.freezeTime();
        Instant now = konversation.now();
        String ann = subscriber("Ann", 1);
        String bo = subscriber("Bo", 2);
        String cy = subscriber("Cy", 3);
        String di = subscriber("Di", 4);
        konversation.addIncomingMessage(ann, "hi", now.minusSeconds(300));
        konversation.addIncomingMessage(bo, "hi", now.minusSeconds(200));
        konversation.addIncomingMessage(cy, "hi", now.minusSeconds(400));
        assertThat(values(list(""), "user_ns")).as("never interacted last").containsExactly(bo, ann, cy, di);

        konversation.addIncomingMessage(cy, "again", now.minusSeconds(100));
        konversation.addIncomingMessage(bo, "earlier", now.minusSeconds(500));
        konversation.registerSubFlow("Welcome", "Hello!");
        http.post("/subscriber/send-sub-flow", "user_ns", di, "sub_flow_ns", "f131667s1");

        assertThat(values(list(""), "user_ns")).as("an older message does not move bo").containsExactly(di, cy, bo,
                ann);
        assertThat(konversation.subscribers()).extracting(SubscriberView::userNs).containsExactly(di, cy, bo, ann);
    }

    @Test
    void theListPagesUpTo1000WithLimitsUpTo100() {
        for (int i = 0; i < 5; i++) {
            subscriber("User" + i, i);
        }

        JsonNode page = list("?limit=2&page=3");

        assertThat(page.get("data")).hasSize(1);
        assertThat(page.get("meta").toString()).contains("\"current_page\":3", "\"from\":5", "\"last_page\":3",
                "\"per_page\":2", "\"to\":5", "\"total\":5");
        assertThat(badRequest(http.get("/subscribers?page=1001")))
                .isEqualTo("The page field must be between 1 and 1000.");
        assertThat(ok(http.get("/subscribers?page=1000")).get("data")).isEmpty();
        assertThat(badRequest(http.get("/subscribers?limit=0")))
                .isEqualTo("The limit field must be between 1 and 100.");
    }

    @Test
    void filtersByNamePhoneEmailAndChannel() {
        String ann = konversation.newSubscriber().firstName("Ann").lastName("Lee").phone("+61 400 111 222")
                .email("ann@coffee.example").channel("whatsapp_cloud").create();
        String bo = konversation.newSubscriber().firstName("Bo").lastName("Leeson").email("bo@tea.example")
                .channel("facebook").userId("611").create();

        assertThat(values(list("?name=lee"), "user_ns")).containsExactlyInAnyOrder(ann, bo);
        assertThat(values(list("?name=Ann%20Lee"), "user_ns")).containsExactly(ann);
        assertThat(values(list("?phone=111"), "user_ns")).containsExactly(ann);
        assertThat(values(list("?email=tea"), "user_ns")).containsExactly(bo);
        assertThat(values(list("?is_channel=facebook"), "user_ns")).containsExactly(bo);
        assertThat(badRequest(http.get("/subscribers?is_channel=fax")))
                .startsWith("The selected is_channel is invalid.")
                .contains("whatsapp_cloud", "apichat");
    }

    @Test
    void filtersByOptInsAndThe24HourWindows() {
        konversation.freezeTime();
        Instant now = konversation.now();
        String optedIn = konversation.newSubscriber().firstName("Ann").email("a@example.com").optedInEmail(now)
                .optedInSms(now).create();
        String chatty = subscriber("Bo", 2);
        String botOnly = subscriber("Cy", 3);
        String old = subscriber("Di", 4);
        konversation.addIncomingMessage(chatty, "hi", now.minus(Duration.ofHours(2)));
        konversation.addMessage(botOnly, "out", "text", "Our sale starts today", null, now.minus(Duration.ofHours(1)));
        konversation.addIncomingMessage(old, "hi", now.minus(Duration.ofHours(30)));

        assertThat(values(list("?is_opt_in_email=yes"), "user_ns")).containsExactly(optedIn);
        assertThat(values(list("?is_opt_in_sms=no"), "user_ns")).containsExactly(botOnly, chatty, old);
        assertThat(values(list("?is_interacted_in_last_24h=yes"), "user_ns")).containsExactly(botOnly, chatty);
        assertThat(values(list("?is_bot_interacted_in_last_24h=yes"), "user_ns")).containsExactly(botOnly);
        assertThat(values(list("?is_last_message_in_last_24h=yes"), "user_ns")).containsExactly(chatty);
        assertThat(values(list("?is_last_message_in_last_24h=no"), "user_ns")).containsExactly(botOnly, old, optedIn);
        assertThat(badRequest(http.get("/subscribers?is_opt_in_sms=true")))
                .isEqualTo("The selected is_opt_in_sms is invalid. It must be one of: yes, no.");

        konversation.advanceTime(Duration.ofMinutes(22 * 60 + 30));
        assertThat(values(list("?is_interacted_in_last_24h=yes"), "user_ns")).containsExactly(botOnly);
        konversation.advanceTime(Duration.ofMinutes(30));
        assertThat(values(list("?is_interacted_in_last_24h=yes"), "user_ns")).as("24 hours ago is out").isEmpty();
    }

    @Test
    void filtersBySegmentTagLabelEventAndUserField() {
        konversation.createUserField("city", "text");
        String ann = konversation.newSubscriber().firstName("Ann").phone("+61400000001").tags("vip")
                .field("city", "Perth").create();
        String bo = konversation.newSubscriber().firstName("Bo").phone("+61400000002").field("city", "Hobart")
                .create();
        String cy = subscriber("Cy", 3);
        String segment = konversation.createSegment("Perth VIPs", ann, cy);
        int label = konversation.addLabel(bo, "Priority");
        String event = konversation.logCustomEvent(cy, "viewed_catalogue");
        String vip = konversation.tags().get(0).tagNs();
        String city = konversation.userFields().get(0).varNs();

        assertThat(segment).isEqualTo("f131667sg1");
        assertThat(values(list("?segment_ns=" + segment), "user_ns")).containsExactly(cy, ann);
        assertThat(values(list("?segment_ns=f131667sg9"), "user_ns")).isEmpty();
        assertThat(values(list("?tag_ns=" + vip), "user_ns")).containsExactly(ann);
        assertThat(values(list("?label_id=" + label), "user_ns")).containsExactly(bo);
        assertThat(values(list("?event_ns=" + event), "user_ns")).containsExactly(cy);
        assertThat(values(list("?user_field_ns=" + city), "user_ns")).containsExactly(bo, ann);
        assertThat(values(list("?user_field_ns=" + city + "&user_field_value=Hobart"), "user_ns")).containsExactly(bo);
        assertThat(values(list("?tag_ns=" + vip + "&user_field_ns=" + city + "&user_field_value=Hobart"), "user_ns"))
                .as("filters combine").isEmpty();
        assertThat(badRequest(http.get("/subscribers?user_field_value=Hobart")))
                .isEqualTo("The user_field_ns field is required when user_field_value is present.");
        assertThat(badRequest(http.get("/subscribers?label_id=first")))
                .isEqualTo("The label_id field must be an integer.");
    }

    @ParameterizedTest
    @CsvSource({"name,Ann", "phone,000", "email,example", "is_channel,apichat", "is_opt_in_email,yes"})
    void everyTextFilterNarrowsTheTotal(String filter, String value) {
        konversation.newSubscriber().firstName("Ann").phone("+61400000001").email("ann@example.com")
                .optedInEmail(konversation.now()).create();
        konversation.newSubscriber().firstName("Bo").channel("web").userId("web-1").email("bo@web.test").create();

        JsonNode page = list("?" + filter + "=" + value);

        assertThat(page.at("/meta/total").asInt()).isEqualTo(1);
    }
}
