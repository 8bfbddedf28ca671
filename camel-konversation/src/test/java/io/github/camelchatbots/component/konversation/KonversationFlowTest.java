package io.github.camelchatbots.component.konversation;

import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.konversation.model.KonversationField;
import io.github.camelchatbots.component.konversation.model.KonversationFieldValue;
import io.github.camelchatbots.component.konversation.model.KonversationFieldValues;
import io.github.camelchatbots.component.konversation.model.KonversationPage;
import io.github.camelchatbots.component.konversation.model.KonversationResult;
import io.github.camelchatbots.component.konversation.model.KonversationSubFlow;
import io.github.camelchatbots.component.konversation.model.KonversationTag;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.FieldView;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubFlow;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Tag;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Flow tags, sub flows, user fields and bot fields, over HTTP against the simulator, each as it goes on the wire. */
class KonversationFlowTest extends KonversationTestSupport {

    @Test
    void tagsArePagedWithTheParametersGiven() throws Exception {
        for (String name : List.of("vip", "needs-agent", "newsletter", "vip-gold")) {
            konversation().createTag(name);
        }

        Exchange exchange = call("konversation:tags?limit=2", null, Map.of(KonversationConstants.SEARCH, "vip"));

        @SuppressWarnings("unchecked")
        KonversationPage<KonversationTag> page = exchange.getMessage().getBody(KonversationPage.class);
        assertThat(page.data()).extracting(KonversationTag::name).containsExactly("vip", "vip-gold");
        assertThat(page.data().get(0).tagNs()).matches("f131667t\\d+");
        assertThat(page.meta().total()).isEqualTo(2);
        assertThat(page.meta().currentPage()).isEqualTo(1);
        assertThat(page.meta().lastPage()).isEqualTo(1);
        assertThat(page.hasNextPage()).isFalse();
        assertThat(exchange.getMessage().getHeader(KonversationConstants.TOTAL)).isEqualTo(2);
        assertThat(exchange.getMessage().getHeader(KonversationConstants.LAST_PAGE)).isEqualTo(1);
        sent("GET", "/flow/tags");
        assertThat(lastRequest().query()).isEqualTo("limit=2&name=vip");

        KonversationPage<?> second = body("konversation:tags?limit=3&page=2", null, Map.of(), KonversationPage.class);
        assertThat(second.data()).hasSize(1);
        assertThat(second.meta().currentPage()).isEqualTo(2);
        assertThat(second.meta().lastPage()).isEqualTo(2);
    }

    @Test
    void createTagAnswersTheTagAndDeleteTagTakesANamespaceOrAName() throws Exception {
        KonversationTag vip = body("konversation:createTag?tagName=vip", null, Map.of(), KonversationTag.class);
        assertThat(sent("POST", "/flow/create-tag")).isEqualTo(json("{\"name\":\"vip\"}"));
        assertThat(vip.name()).isEqualTo("vip");
        assertThat(konversation().tags()).extracting(Tag::tagNs).containsExactly(vip.tagNs());

        KonversationTag lead = body("konversation:createTag", KonversationTag.named("lead"), Map.of(),
                KonversationTag.class);
        assertThat(lead.tagNs()).isNotEqualTo(vip.tagNs());

        KonversationResult deleted = body("konversation:deleteTag", null,
                Map.of(KonversationConstants.TAG_NS, vip.tagNs()), KonversationResult.class);
        assertThat(deleted.status()).isEqualTo("ok");
        assertThat(sent("DELETE", "/flow/delete-tag")).isEqualTo(json("{\"tag_ns\":\"" + vip.tagNs() + "\"}"));

        call("konversation:deleteTag?tagName=lead", null, Map.of());
        assertThat(sent("DELETE", "/flow/delete-tag-by-name")).isEqualTo(json("{\"name\":\"lead\"}"));
        assertThat(konversation().tags()).isEmpty();
    }

    @Test
    void subFlowsAreListedAndDeleted() throws Exception {
        SubFlow welcome = konversation().registerSubFlow("Welcome", "Hi {{first_name}}!");
        konversation().registerSubFlow("Order status", "Let me look that up");

        KonversationPage<?> page = body("konversation:subFlows?search=welcome", null, Map.of(), KonversationPage.class);
        assertThat(page.data()).singleElement().isEqualTo(new KonversationSubFlow("Welcome", welcome.subFlowNs(),
                null));
        sent("GET", "/flow/subflows");

        call("konversation:deleteSubFlow", null, Map.of(KonversationConstants.SUB_FLOW_NS, welcome.subFlowNs()));
        assertThat(sent("DELETE", "/flow/delete-sub-flow"))
                .isEqualTo(json("{\"sub_flow_ns\":\"" + welcome.subFlowNs() + "\"}"));
        assertThat(konversation().subFlows()).extracting(SubFlow::name).containsExactly("Order status");
    }

    @Test
    void userFieldsAreCreatedListedUpdatedAndDeleted() throws Exception {
        KonversationField created = body("konversation:createUserField?fieldName=order_id&varType=number"
                                         + "&description=The last order", null, Map.of(), KonversationField.class);
        assertThat(sent("POST", "/flow/create-user-field")).isEqualTo(json(
                "{\"name\":\"order_id\",\"var_type\":\"number\",\"description\":\"The last order\",\"value\":\"\"}"));
        assertThat(created.varNs()).matches("f131667v\\d+");
        assertThat(created.varType()).isEqualTo("number");
        konversation().createUserField("roast", "text");

        KonversationPage<?> fields = body("konversation:userFields", null, Map.of(), KonversationPage.class);
        assertThat(fields.data()).extracting(field -> ((KonversationField) field).name())
                .containsExactly("order_id", "roast");
        sent("GET", "/flow/user-fields");

        call("konversation:updateUserField", Map.of("var_ns", created.varNs(), "name", "last_order",
                "display_type", "pin"), Map.of());
        assertThat(sent("POST", "/flow/update-user-field")).isEqualTo(json("{\"var_ns\":\"" + created.varNs()
                + "\",\"name\":\"last_order\",\"display_type\":\"pin\"}"));
        assertThat(konversation().userFields()).extracting(FieldView::name).containsExactly("last_order", "roast");

        call("konversation:deleteUserField?varNs=" + created.varNs(), null, Map.of());
        assertThat(sent("DELETE", "/flow/delete-user-field")).isEqualTo(json("{\"var_ns\":\"" + created.varNs()
                + "\"}"));
        call("konversation:deleteUserField?fieldName=roast", null, Map.of());
        assertThat(sent("DELETE", "/flow/delete-user-field-by-name")).isEqualTo(json("{\"name\":\"roast\"}"));
        assertThat(konversation().userFields()).isEmpty();
    }

    @Test
    void botFieldsAreCreatedListedSetAndDeleted() throws Exception {
        KonversationField hours = body("konversation:createBotField?fieldName=opening_hours&varType=text",
                Map.of("value", "9-17", "is_template_field", false), Map.of(), KonversationField.class);
        assertThat(sent("POST", "/flow/create-bot-field")).isEqualTo(json("{\"name\":\"opening_hours\","
                + "\"var_type\":\"text\",\"value\":\"9-17\",\"is_template_field\":false}"));
        assertThat(hours.valueText()).isEqualTo("9-17");
        FieldView discount = konversation().createBotField("discount", "number", "10");

        call("konversation:setBotField?fieldValue=8-18", null, Map.of(KonversationConstants.VAR_NS, hours.varNs()));
        assertThat(sent("PUT", "/flow/set-bot-field")).isEqualTo(json("{\"var_ns\":\"" + hours.varNs()
                + "\",\"value\":\"8-18\"}"));
        call("konversation:setBotField?fieldName=discount", Map.of("value", "15"), Map.of());
        assertThat(sent("PUT", "/flow/set-bot-field-by-name")).isEqualTo(json("{\"name\":\"discount\",\"value\":\"15\"}"));

        call("konversation:setBotFields", null, Map.of(KonversationConstants.FIELD_VALUES,
                Map.of("discount", 20)));
        assertThat(sent("PUT", "/flow/set-bot-field-by-name")).isEqualTo(json("{\"name\":\"discount\",\"value\":20}"));
        call("konversation:setBotFields", new KonversationFieldValues(null, List.of(
                KonversationFieldValue.byNs(hours.varNs(), "10-16"), KonversationFieldValue.byNs(discount.varNs(),
                        "25"))), Map.of());
        assertThat(sent("PUT", "/flow/set-bot-fields")).isEqualTo(json("{\"data\":[{\"var_ns\":\"" + hours.varNs()
                + "\",\"value\":\"10-16\"},{\"var_ns\":\"" + discount.varNs() + "\",\"value\":\"25\"}]}"));
        assertThat(konversation().botFields()).extracting(FieldView::value).containsExactly("10-16", "25");

        KonversationPage<?> listed = body("konversation:botFields", null, Map.of(), KonversationPage.class);
        assertThat(listed.data()).extracting(field -> ((KonversationField) field).isTemplateField())
                .containsExactly(false, false);

        call("konversation:deleteBotField?fieldName=discount", null, Map.of());
        assertThat(sent("DELETE", "/flow/delete-bot-field-by-name")).isEqualTo(json("{\"name\":\"discount\"}"));
        call("konversation:deleteBotField", null, Map.of(KonversationConstants.VAR_NS, hours.varNs()));
        assertThat(sent("DELETE", "/flow/delete-bot-field")).isEqualTo(json("{\"var_ns\":\"" + hours.varNs() + "\"}"));
        assertThat(konversation().botFields()).isEmpty();
    }
}
