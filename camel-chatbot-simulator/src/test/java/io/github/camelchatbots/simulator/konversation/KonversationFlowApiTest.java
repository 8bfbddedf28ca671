package io.github.camelchatbots.simulator.konversation;

import static io.github.camelchatbots.simulator.konversation.KonversationHttp.assertOk;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.badRequest;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.data;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.object;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.konversation.KonversationSimulation.FieldView;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Tag;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

/** Flow tags, user fields, bot fields and sub flows, and the paginator every list answers with. */
class KonversationFlowApiTest extends KonversationApiTestSupport {

    @Test
    void listsAreLaravelPaginators() {
        for (int i = 1; i <= 7; i++) {
            konversation.createTag("tag " + i);
        }
        String path = konversation.baseUrl() + "/flow/tags";

        JsonNode page = ok(http.get("/flow/tags?limit=3&page=2"));

        assertThat(page.fieldNames()).toIterable().containsExactly("data", "links", "meta");
        assertThat(values(page, "name")).containsExactly("tag 4", "tag 5", "tag 6");
        assertThat(page.get("links").toString()).isEqualTo("{\"first\":\"" + path + "?page=1\",\"last\":\"" + path
                + "?page=3\",\"prev\":\"" + path + "?page=1\",\"next\":\"" + path + "?page=3\"}");
        assertThat(page.get("meta").toString()).isEqualTo("{\"current_page\":2,\"from\":4,\"last_page\":3,\"path\":\""
                + path + "\",\"per_page\":3,\"to\":6,\"total\":7}");
    }

    @Test
    void pagesBeyondTheLastAreEmptyAndTheDefaultLimitIs15() {
        for (int i = 1; i <= 16; i++) {
            konversation.createTag("tag " + i);
        }

        JsonNode first = ok(http.get("/flow/tags"));
        JsonNode beyond = ok(http.get("/flow/tags?page=9"));
        JsonNode none = ok(http.get("/flow/tags?name=nothing"));

        assertThat(first.get("data")).hasSize(15);
        assertThat(first.at("/links/prev").isNull()).isTrue();
        assertThat(first.at("/meta/last_page").asInt()).isEqualTo(2);
        assertThat(beyond.get("data")).isEmpty();
        assertThat(beyond.at("/meta/from").isNull()).isTrue();
        assertThat(beyond.at("/meta/to").isNull()).isTrue();
        assertThat(beyond.at("/links/next").isNull()).isTrue();
        assertThat(none.get("meta").toString()).contains("\"last_page\":1", "\"total\":0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/flow/tags", "/flow/user-fields", "/flow/bot-fields", "/flow/subflows"})
    void flowListsLimitPageAndLimit(String list) {
        assertThat(badRequest(http.get(list + "?page=101"))).isEqualTo("The page field must be between 1 and 100.");
        assertThat(badRequest(http.get(list + "?page=0"))).isEqualTo("The page field must be between 1 and 100.");
        assertThat(badRequest(http.get(list + "?limit=101"))).isEqualTo("The limit field must be between 1 and 100.");
        assertThat(badRequest(http.get(list + "?limit=ten"))).isEqualTo("The limit field must be an integer.");
        assertThat(ok(http.get(list + "?page=100&limit=100")).get("data")).isEmpty();
    }

    @Test
    void tagsAreSearchedByName() {
        konversation.createTag("needs-agent");
        konversation.createTag("vip");
        konversation.createTag("Agent-handled");

        assertThat(values(ok(http.get("/flow/tags?name=agent")), "name"))
                .containsExactly("needs-agent", "Agent-handled");
    }

    @Test
    void createTagIsIdempotentByName() {
        JsonNode created = data(http.post("/flow/create-tag", "name", "vip"));
        JsonNode again = data(http.post("/flow/create-tag", "name", "vip"));

        assertThat(created.toString()).isEqualTo("{\"name\":\"vip\",\"tag_ns\":\"f131667t1\"}");
        assertThat(again).isEqualTo(created);
        assertThat(konversation.tags()).hasSize(1);
    }

    @Test
    void deletingATagTakesItFromSubscribers() {
        String userNs = subscriber("Ann", 1);
        Tag vip = konversation.createTag("vip");
        konversation.createTag("lead");
        konversation.addTag(userNs, "vip");
        konversation.addTag(userNs, "lead");

        assertOk(http.delete("/flow/delete-tag", "tag_ns", vip.tagNs()));
        assertOk(http.delete("/flow/delete-tag-by-name", "name", "lead"));

        assertThat(konversation.tags()).isEmpty();
        assertThat(konversation.subscriber(userNs).tags()).isEmpty();
        assertThat(badRequest(http.delete("/flow/delete-tag", "tag_ns", vip.tagNs())))
                .isEqualTo("The selected tag_ns is invalid.");
        assertThat(badRequest(http.delete("/flow/delete-tag-by-name", "name", "lead")))
                .isEqualTo("The selected name is invalid.");
        assertThat(badRequest(http.delete("/flow/delete-tag"))).isEqualTo("The tag_ns field is required.");
    }

    @Test
    void createsUserFieldsOfEveryType() {
        JsonNode created = data(http.post("/flow/create-user-field", "name", "order_number", "var_type", "number",
                "description", "last order asked about", "value", ""));

        assertThat(created.toString()).isEqualTo("{\"name\":\"order_number\",\"var_ns\":\"f131667v1\","
                + "\"var_type\":\"number\",\"description\":\"last order asked about\",\"value\":\"\"}");
        for (String type : List.of("text", "boolean", "date", "datetime", "array", "longtext")) {
            assertThat(data(http.post("/flow/create-user-field", "name", "f_" + type, "var_type", type))
                    .get("var_type").asText()).isEqualTo(type);
        }
        assertThat(values(ok(http.get("/flow/user-fields?limit=100")), "name")).hasSize(7).startsWith("order_number");
    }

    @Test
    void userFieldsAreChecked() {
        konversation.createUserField("city", "text");

        assertThat(badRequest(http.post("/flow/create-user-field", "var_type", "text")))
                .isEqualTo("The name field is required.");
        assertThat(badRequest(http.post("/flow/create-user-field", "name", "x")))
                .isEqualTo("The var_type field is required.");
        assertThat(badRequest(http.post("/flow/create-user-field", "name", "x", "var_type", "money")))
                .isEqualTo("The selected var_type is invalid. It must be one of: text, number, boolean, date, "
                        + "datetime, array, longtext.");
        assertThat(badRequest(http.post("/flow/create-user-field", "name", "city", "var_type", "text")))
                .isEqualTo("The name has already been taken.");
        assertThat(badRequest(http.post("/flow/create-user-field", "name", "n", "var_type", "number", "value",
                "many"))).isEqualTo("The value field must be a valid number for the number field n.");
    }

    @Test
    void updatesAndDeletesUserFields() {
        String userNs = subscriber("Ann", 1);
        FieldView city = konversation.createUserField("city", "text");
        FieldView roast = konversation.createUserField("roast", "text");
        konversation.setUserField(userNs, "city", "Hobart");
        konversation.setUserField(userNs, "roast", "dark");

        assertOk(http.post("/flow/update-user-field", "var_ns", city.varNs(), "name", "town", "display_type", "pin"));
        assertThat(badRequest(http.post("/flow/update-user-field", "var_ns", city.varNs(), "display_type", "top")))
                .isEqualTo("The selected display_type is invalid. It must be one of: default, pin, hidden.");
        assertThat(badRequest(http.post("/flow/update-user-field", "var_ns", city.varNs(), "name", "roast")))
                .isEqualTo("The name has already been taken.");
        assertThat(konversation.subscriber(userNs).userFields()).containsEntry("town", "Hobart");

        assertOk(http.delete("/flow/delete-user-field", "var_ns", city.varNs()));
        assertOk(http.delete("/flow/delete-user-field-by-name", "name", "roast"));

        assertThat(konversation.userFields()).isEmpty();
        assertThat(konversation.subscriber(userNs).userFields()).isEmpty();
        assertThat(badRequest(http.delete("/flow/delete-user-field-by-name", "name", "roast")))
                .isEqualTo("The selected name is invalid.");
        assertThat(badRequest(http.post("/flow/update-user-field", "var_ns", city.varNs())))
                .isEqualTo("The selected var_ns is invalid.");
    }

    @Test
    void botFieldsAreCreatedSetAndDeleted() {
        JsonNode promo = data(http.post("/flow/create-bot-field", "name", "promo_code", "var_type", "text", "value",
                "BEANS10", "is_template_field", true));
        FieldView limit = konversation.createBotField("free_shipping_over", "number", "60");

        assertThat(promo.toString()).isEqualTo("{\"name\":\"promo_code\",\"var_ns\":\"f131667v1\",\"var_type\":"
                + "\"text\",\"description\":null,\"value\":\"BEANS10\",\"is_template_field\":true}");
        assertOk(http.put("/flow/set-bot-field", "var_ns", "f131667v1", "value", "COFFEE20"));
        assertOk(http.put("/flow/set-bot-field-by-name", "name", "free_shipping_over", "value", 75));
        assertThat(konversation.botFields()).extracting(FieldView::value).containsExactly("COFFEE20", "75");

        assertOk(http.put("/flow/set-bot-fields", "data", List.of(object("var_ns", "f131667v1", "value", "A"),
                object("var_ns", limit.varNs(), "value", "80"))));
        assertOk(http.put("/flow/set-bot-fields-by-name", "data", List.of(object("name", "promo_code", "value",
                "B"))));
        assertThat(values(ok(http.get("/flow/bot-fields")), "value")).containsExactly("B", "80");

        assertOk(http.delete("/flow/delete-bot-field", "var_ns", "f131667v1"));
        assertOk(http.delete("/flow/delete-bot-field-by-name", "name", "free_shipping_over"));
        assertThat(konversation.botFields()).isEmpty();
    }

    @Test
    void botFieldValuesAreCheckedBeforeAnyIsSet() {
        konversation.createBotField("promo_code", "text", "BEANS10");
        konversation.createBotField("free_shipping_over", "number", "60");

        String typeError = badRequest(http.put("/flow/set-bot-fields-by-name", "data", List.of(
                object("name", "promo_code", "value", "NEW"), object("name", "free_shipping_over", "value", "lots"))));
        String unknown = badRequest(http.put("/flow/set-bot-fields", "data", List.of(object("var_ns", "f131667v9",
                "value", "x"))));
        String tooMany = badRequest(http.put("/flow/set-bot-fields", "data",
                items(21, i -> object("var_ns", "f131667v1", "value", "v" + i))));

        assertThat(typeError).isEqualTo("The data.1.value field must be a valid number for the number field "
                + "free_shipping_over.");
        assertThat(unknown).isEqualTo("The selected data.0.var_ns is invalid.");
        assertThat(tooMany).isEqualTo("The data field must not have more than 20 items.");
        assertThat(badRequest(http.put("/flow/set-bot-fields-by-name"))).isEqualTo("The data field is required.");
        assertThat(badRequest(http.put("/flow/set-bot-field", "var_ns", "f131667v1")))
                .isEqualTo("The value field is required.");
        assertThat(konversation.botFields()).extracting(FieldView::value).containsExactly("BEANS10", "60");
        assertOk(http.put("/flow/set-bot-fields", "data", items(20, i -> object("var_ns", "f131667v1", "value",
                "v" + i))));
        assertThat(konversation.botFields().get(0).value()).isEqualTo("v19");
    }

    @ParameterizedTest
    @CsvSource({"date,2024-02-30", "datetime,yesterday", "boolean,maybe"})
    void fieldValuesMustSuitTheirType(String type, String value) {
        konversation.createBotField("field", type, "");

        assertThat(badRequest(http.put("/flow/set-bot-field-by-name", "name", "field", "value", value)))
                .isEqualTo("The value field must be a valid " + type + " for the " + type + " field field.");
    }

    @Test
    void subFlowsAreListedSearchedAndDeleted() {
        String welcome = konversation.registerSubFlow("Welcome", "Hi").subFlowNs();
        konversation.registerSubFlow("Order status", "Looking it up");

        JsonNode all = ok(http.get("/flow/subflows"));
        JsonNode searched = ok(http.get("/flow/subflows?name=order"));
        assertOk(http.delete("/flow/delete-sub-flow", "sub_flow_ns", welcome));

        assertThat(all.get("data").get(0).toString()).isEqualTo("{\"name\":\"Welcome\",\"sub_flow_ns\":\"" + welcome
                + "\"}");
        assertThat(values(searched, "name")).containsExactly("Order status");
        assertThat(konversation.subFlows()).extracting(KonversationSimulation.SubFlow::name)
                .containsExactly("Order status");
    }
}
