package io.github.camelchatbots.simulator.konversation;

import static io.github.camelchatbots.simulator.konversation.KonversationHttp.assertOk;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.badRequest;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.data;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Tag;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

/** The tag and user-field routes on subscribers, in their by-namespace, by-name, one and many forms. */
class KonversationSubscriberChangesTest extends KonversationApiTestSupport {

    private String userNs;
    private String vip;
    private String lead;
    private String city;
    private String points;

    @BeforeEach
    void world() {
        userNs = subscriber("Ann", 1);
        vip = konversation.createTag("vip").tagNs();
        lead = konversation.createTag("lead").tagNs();
        city = konversation.createUserField("city", "text").varNs();
        points = konversation.createUserField("points", "number").varNs();
    }

    private List<String> tags() {
        return konversation.subscriber(userNs).tags().stream().map(Tag::name).toList();
    }

    private Map<String, String> fields() {
        return konversation.subscriber(userNs).userFields();
    }

    @Test
    void addsTagsByNamespaceAndByName() {
        assertOk(http.post("/subscriber/add-tag", "user_ns", userNs, "tag_ns", vip));
        assertOk(http.post("/subscriber/add-tag", "user_ns", userNs, "tag_ns", vip));
        assertThat(tags()).as("no tag twice").containsExactly("vip");
        assertOk(http.post("/subscriber/add-tag-by-name", "user_ns", userNs, "tag_name", "lead"));
        assertThat(tags()).containsExactly("vip", "lead");

        konversation.createTag("customer");
        konversation.createTag("newsletter");
        assertOk(http.post("/subscriber/add-tags", "user_ns", userNs, "data", List.of(object("tag_ns",
                "f131667t3"))));
        assertOk(http.post("/subscriber/add-tags-by-name", "user_ns", userNs, "data", List.of(object("tag_name",
                "newsletter"), object("tag_name", "vip"))));

        assertThat(tags()).containsExactly("vip", "lead", "customer", "newsletter");
        assertThat(data(http.get("/subscriber/get-info?user_ns=" + userNs)).get("tags")).hasSize(4);
    }

    @Test
    void removesTagsByNamespaceAndByName() {
        konversation.createTag("customer");
        konversation.createTag("newsletter");
        for (String name : List.of("vip", "lead", "customer", "newsletter")) {
            konversation.addTag(userNs, name);
        }

        assertOk(http.delete("/subscriber/remove-tag", "user_ns", userNs, "tag_ns", vip));
        assertOk(http.delete("/subscriber/remove-tag-by-name", "user_ns", userNs, "tag_name", "lead"));
        assertOk(http.delete("/subscriber/remove-tags", "user_ns", userNs, "data", List.of(object("tag_ns",
                "f131667t3"))));
        assertOk(http.delete("/subscriber/remove-tags-by-name", "user_ns", userNs, "data", List.of(
                object("tag_name", "newsletter"), object("tag_name", "vip"))));

        assertThat(tags()).isEmpty();
        assertThat(konversation.tags()).as("the tags themselves stay").hasSize(4);
    }

    @ParameterizedTest
    @CsvSource({"POST,/subscriber/add-tags,tag_ns", "POST,/subscriber/add-tags-by-name,tag_name",
        "DELETE,/subscriber/remove-tags,tag_ns", "DELETE,/subscriber/remove-tags-by-name,tag_name"})
    void manyTagsAreAtMost20AndAllMustExist(String method, String path, String key) {
        String value = key.equals("tag_ns") ? vip : "vip";
        String tooMany = KonversationHttp.json("user_ns", userNs, "data", items(21, i -> object(key, value)));
        String oneUnknown = KonversationHttp.json("user_ns", userNs, "data", List.of(object(key, value),
                object(key, key.equals("tag_ns") ? "f131667t99" : "nope")));
        String notObjects = KonversationHttp.json("user_ns", userNs, "data", List.of(value));
        String auth = "Bearer " + konversation.token();

        assertThat(badRequest(http.send(method, path, tooMany, auth)))
                .isEqualTo("The data field must not have more than 20 items.");
        assertThat(badRequest(http.send(method, path, oneUnknown, auth)))
                .isEqualTo("The selected data.1." + key + " is invalid.");
        assertThat(badRequest(http.send(method, path, notObjects, auth)))
                .as("the spec's array of objects").isEqualTo("The data.0 field must be an object.");
        assertThat(badRequest(http.send(method, path, KonversationHttp.json("user_ns", userNs), auth)))
                .isEqualTo("The data field is required.");
        assertThat(tags()).as("nothing changed").isEmpty();
        assertOk(http.send(method, path, KonversationHttp.json("user_ns", userNs, "data", items(20,
                i -> object(key, value))), auth));
    }

    @ParameterizedTest
    @CsvSource({"POST,/subscriber/add-tag,tag_ns", "POST,/subscriber/add-tag-by-name,tag_name",
        "DELETE,/subscriber/remove-tag,tag_ns", "DELETE,/subscriber/remove-tag-by-name,tag_name"})
    void oneTagNeedsTheSubscriberAndTheTag(String method, String path, String key) {
        String auth = "Bearer " + konversation.token();

        assertThat(badRequest(http.send(method, path, KonversationHttp.json(key, "vip"), auth)))
                .isEqualTo("The user_ns field is required.");
        assertThat(badRequest(http.send(method, path, KonversationHttp.json("user_ns", "f131667u9", key, "vip"),
                auth))).isEqualTo("The selected user_ns is invalid.");
        assertThat(badRequest(http.send(method, path, KonversationHttp.json("user_ns", userNs), auth)))
                .isEqualTo("The " + key + " field is required.");
        assertThat(badRequest(http.send(method, path, KonversationHttp.json("user_ns", userNs, key, "f131667t99"),
                auth))).isEqualTo("The selected " + key + " is invalid.");
    }

    @Test
    void setsUserFieldsByNamespaceAndByName() {
        assertOk(http.put("/subscriber/set-user-field", "user_ns", userNs, "var_ns", city, "value", "Perth"));
        assertThat(fields()).containsExactly(Map.entry("city", "Perth"));
        assertOk(http.put("/subscriber/set-user-field-by-name", "user_ns", userNs, "field_name", "points", "value",
                120));
        assertThat(fields()).containsEntry("points", "120");

        assertOk(http.put("/subscriber/set-user-fields", "user_ns", userNs, "data", List.of(object("var_ns", city,
                "value", "Hobart"), object("var_ns", points, "value", "7"))));
        assertThat(fields()).containsEntry("city", "Hobart").containsEntry("points", "7");
        assertOk(http.put("/subscriber/set-user-fields-by-name", "user_ns", userNs, "data", List.of(
                object("name", "city", "value", ""))));
        assertThat(fields()).as("a blank value is a value").containsEntry("city", "");
    }

    @Test
    void clearsUserFieldsByNamespaceAndByName() {
        konversation.setUserField(userNs, "city", "Perth");
        konversation.setUserField(userNs, "points", "3");
        assertOk(http.delete("/subscriber/clear-user-field", "user_ns", userNs, "var_ns", city));
        assertOk(http.delete("/subscriber/clear-user-field-by-name", "user_ns", userNs, "field_name", "points"));
        assertThat(fields()).isEmpty();

        konversation.setUserField(userNs, "city", "Perth");
        konversation.setUserField(userNs, "points", "3");
        assertOk(http.delete("/subscriber/clear-user-fields", "user_ns", userNs, "data", List.of(object("var_ns",
                city))));
        assertOk(http.delete("/subscriber/clear-user-fields-by-name", "user_ns", userNs, "data", List.of(
                object("name", "points"))));
        assertThat(fields()).isEmpty();
        assertThat(data(http.get("/subscriber/get-info?user_ns=" + userNs)).at("/user_fields/0/value").isNull())
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({"PUT,/subscriber/set-user-fields,var_ns", "PUT,/subscriber/set-user-fields-by-name,name",
        "DELETE,/subscriber/clear-user-fields,var_ns", "DELETE,/subscriber/clear-user-fields-by-name,name"})
    void manyFieldsAreAtMost20AndAllMustExist(String method, String path, String key) {
        konversation.setUserField(userNs, "city", "Perth");
        String target = key.equals("var_ns") ? city : "city";
        String auth = "Bearer " + konversation.token();
        String tooMany = KonversationHttp.json("user_ns", userNs, "data", items(21, i -> object(key, target,
                "value", "x")));
        String oneUnknown = KonversationHttp.json("user_ns", userNs, "data", List.of(object(key, target, "value",
                "x"), object(key, "unknown", "value", "y")));

        assertThat(badRequest(http.send(method, path, tooMany, auth)))
                .isEqualTo("The data field must not have more than 20 items.");
        assertThat(badRequest(http.send(method, path, oneUnknown, auth)))
                .isEqualTo("The selected data.1." + key + " is invalid.");
        assertThat(fields()).as("nothing changed").containsExactly(Map.entry("city", "Perth"));
    }

    @Test
    void theByNameFormsUseTheirOwnKeys() {
        assertThat(badRequest(http.put("/subscriber/set-user-field-by-name", "user_ns", userNs, "name", "city",
                "value", "Perth"))).as("one field by name says field_name")
                .isEqualTo("The field_name field is required.");
        assertThat(badRequest(http.put("/subscriber/set-user-fields-by-name", "user_ns", userNs, "data",
                List.of(object("field_name", "city", "value", "Perth")))))
                .as("the data items say name").isEqualTo("The data.0.name field is required.");
    }

    @Test
    void valuesMustSuitTheFieldsTypeAndNothingIsSetOtherwise() {
        String message = badRequest(http.put("/subscriber/set-user-fields-by-name", "user_ns", userNs, "data",
                List.of(object("name", "city", "value", "Perth"), object("name", "points", "value", "many"))));

        assertThat(message).isEqualTo("The data.1.value field must be a valid number for the number field points.");
        assertThat(fields()).isEmpty();
        assertThat(badRequest(http.put("/subscriber/set-user-field", "user_ns", userNs, "var_ns", city)))
                .isEqualTo("The value field is required.");
    }
}
