package io.github.camelchatbots.component.konversation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.camelchatbots.component.konversation.model.KonversationFieldValue;
import io.github.camelchatbots.component.konversation.model.KonversationFieldValues;
import io.github.camelchatbots.component.konversation.model.KonversationNewSubscriber;
import io.github.camelchatbots.component.konversation.model.KonversationNewSubscribers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every documented limit is checked before anything is sent: the error names the field and the limit, and the
 * simulator sees no request.
 */
class KonversationLimitsTest extends KonversationTestSupport {

    private static final Map<String, Object> ANN = Map.of(KonversationConstants.USER_NS, "f131667u1");

    private void refused(String uri, Object body, Map<String, Object> headers, String... expected) {
        long before = konversation().requestCount();
        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri, body, headers))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(expected));
        assertThat(konversation().requestCount()).as("no request left for " + uri).isEqualTo(before);
    }

    private static List<String> names(int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    private static Map<String, Object> with(Map<String, Object> headers, String header, Object value) {
        Map<String, Object> all = new LinkedHashMap<>(headers);
        all.put(header, value);
        return all;
    }

    @Test
    void batchesOfAtMost20() {
        refused("konversation:addTags", null, with(ANN, KonversationConstants.TAG_NS, names(21, "f131667t")),
                "konversation:addTags takes at most 20 tags at once, not 21", "header CamelKonversationTagNs");
        refused("konversation:removeTags?tagNames=" + String.join(",", names(21, "tag")), null, ANN,
                "konversation:removeTags takes at most 20 tags at once, not 21", "option tagNames");
        Map<String, Object> fields = new LinkedHashMap<>();
        names(21, "field").forEach(name -> fields.put(name, "x"));
        refused("konversation:setUserFields", null, with(ANN, KonversationConstants.FIELD_VALUES, fields),
                "konversation:setUserFields takes at most 20 fields at once, not 21");
        refused("konversation:clearUserFields", Map.of("field_names", names(21, "field")), ANN,
                "konversation:clearUserFields takes at most 20 fields at once, not 21", "body field 'field_names'");
        refused("konversation:setBotFields", new KonversationFieldValues(null, names(21, "f131667v").stream()
                .map(ns -> KonversationFieldValue.byNs(ns, "1")).toList()), Map.of(),
                "konversation:setBotFields takes at most 20 fields at once, not 21");
    }

    @Test
    void batchItemsAreAllByNamespaceOrAllByNameAndCarryTheirValues() {
        refused("konversation:setUserFields", new KonversationFieldValues("f131667u1", List.of(
                KonversationFieldValue.byNs("f131667v1", "a"), KonversationFieldValue.byName("roast", "b"))), Map.of(),
                "takes its fields all by var_ns or all by name; item 1");
        refused("konversation:setUserFields", new KonversationFieldValues("f131667u1", List.of(
                KonversationFieldValue.byName("roast", null))), Map.of(),
                "needs a value for each of its fields; item 0 (roast) has none");
        refused("konversation:addTags?tagNs=f131667t1&tagNames=vip", null, ANN,
                "takes its tags by tagNs or by tagNames, not both");
    }

    @Test
    void newSubscribers() {
        KonversationNewSubscriber nobody = new KonversationNewSubscriber("No", null, null, null, null, null, null,
                null, null);
        KonversationNewSubscriber someone = new KonversationNewSubscriber("Ann", null, null, null, "ann@example.com",
                null, null, null, null);
        refused("konversation:createSubscriber", nobody, Map.of(),
                "konversation:createSubscriber needs a phone number or an e-mail address");
        refused("konversation:createSubscribers", new KonversationNewSubscribers(IntStream.range(0, 101)
                .mapToObj(i -> someone).toList()), Map.of(),
                "konversation:createSubscribers takes at most 100 users at once, not 101");
        refused("konversation:createSubscribers", List.of(someone, nobody), Map.of(),
                "users.1 needs a phone number or an e-mail address");
        refused("konversation:createSubscribers", List.of(new KonversationNewSubscriber("Ann", null, null, null,
                "ann@example.com", null, null, names(11, "t").stream().map(KonversationNewSubscriber.TagName::new)
                .toList(), null)), Map.of(), "users.0.tags takes at most 10, not 11");
        refused("konversation:createSubscribers", List.of(new KonversationNewSubscriber("Ann", null, null, null,
                "ann@example.com", null, null, null, names(11, "f131667v").stream()
                .map(ns -> KonversationFieldValue.byNs(ns, "x")).toList())), Map.of(),
                "users.0.user_fields takes at most 10, not 11");
        refused("konversation:createSubscribers", null, Map.of(), "konversation:createSubscribers needs its users");
    }

    @Test
    void broadcasts() {
        refused("konversation:broadcast?subFlowNs=f131667s1", null,
                Map.of(KonversationConstants.USER_NS_LIST, String.join(",", names(201, "f131667u"))),
                "konversation:broadcast takes at most 200 subscribers in userNsList (user_ns_list), not 201");
        refused("konversation:broadcast?subFlowNs=f131667s1", null,
                Map.of(KonversationConstants.TAG_NS, names(11, "f131667t")),
                "konversation:broadcast takes at most 10 tags in tagNs (tags), not 11");
        refused("konversation:broadcast?subFlowNs=f131667s1&tagNs=f131667t1", Map.of("user_fields",
                names(11, "f131667v").stream().map(ns -> Map.of("var_ns", ns, "value", "x")).toList()), Map.of(),
                "konversation:broadcast takes at most 10 field values in user_fields, not 11");
        refused("konversation:broadcast?subFlowNs=f131667s1", null, Map.of(),
                "konversation:broadcast needs userNsList, or tagNs");
        refused("konversation:broadcast?userNsList=f131667u1", null, Map.of(),
                "konversation:broadcast needs subFlowNs: set the CamelKonversationSubFlowNs header");
    }

    @Test
    void pagesAndLimits() {
        refused("konversation:tags", null, Map.of(KonversationConstants.LIMIT, 101),
                "limit must be between 1 and 100 for konversation:tags, not 101 (from header CamelKonversationLimit)");
        refused("konversation:subscribers", Map.of("limit", 0), Map.of(),
                "limit must be between 1 and 100 for konversation:subscribers, not 0 (from body field 'limit')");
        refused("konversation:tags", null, Map.of(KonversationConstants.PAGE, 101),
                "page must be between 1 and 100 for konversation:tags, not 101");
        refused("konversation:subscribers", null, Map.of(KonversationConstants.PAGE, 1001),
                "page must be between 1 and 1000 for konversation:subscribers, not 1001");
        refused("konversation:products", null, Map.of(KonversationConstants.PAGE, 0),
                "page must be between 1 and 100 for konversation:products, not 0");
        refused("konversation:chatMessages", null, with(ANN, KonversationConstants.LIMIT, 500),
                "limit must be between 1 and 100 for konversation:chatMessages, not 500");
        refused("konversation:tags", null, Map.of(KonversationConstants.LIMIT, "many"),
                "header CamelKonversationLimit must be a whole number", "'many'");
    }

    @Test
    void chatHistoryReachesOneMonthBack() {
        Instant fiveWeeksAgo = Instant.now().minus(35, ChronoUnit.DAYS);
        refused("konversation:chatMessages", null, with(ANN, KonversationConstants.START_TIME, fiveWeeksAgo),
                "konversation:chatMessages reads at most one month back", "start_time");
        refused("konversation:chatMessages", null, with(with(ANN, KonversationConstants.START_TIME,
                Instant.now()), KonversationConstants.END_TIME, Instant.now().minusSeconds(3600)),
                "konversation:chatMessages needs start_time no later than end_time");
        refused("konversation:chatMessages", null, with(ANN, KonversationConstants.START_TIME, "yesterday"),
                "header CamelKonversationStartTime must be an ISO-8601 instant", "'yesterday'");
        refused("konversation:chatMessages", null, Map.of(),
                "konversation:chatMessages needs userNs, or userId");
    }

    @Test
    void requiredValues() {
        refused("konversation:deleteSubscriber", null, Map.of(), "konversation:deleteSubscriber needs userNs: set the"
                + " CamelKonversationUserNs header, a 'user_ns' field in the body or the userNs option");
        refused("konversation:deleteTag", null, Map.of(), "konversation:deleteTag needs tagNs, or tagName");
        refused("konversation:sendSubFlow", null, ANN,
                "konversation:sendSubFlow needs userNs with subFlowNs, or userNs with flowName, or userId with"
                + " subFlowNs");
        refused("konversation:sendText", null, ANN, "konversation:sendText needs content");
        refused("konversation:sendContent", null, ANN, "konversation:sendContent needs its messages as the body");
        refused("konversation:sendWhatsAppTemplate?templateLang=en", null, ANN,
                "konversation:sendWhatsAppTemplate needs templateName");
        refused("konversation:createProduct", Map.of("description", "no name"), Map.of(),
                "konversation:createProduct needs the product's name");
        refused("konversation:updateOrderStatus?orderId=5", null, ANN, "konversation:updateOrderStatus needs"
                + " orderStatus");
        refused("konversation:product", null, Map.of(), "konversation:product needs productId");
        refused("konversation:createTag", null, Map.of(), "konversation:createTag needs tagName");
        refused("konversation:subscribers?userFieldValue=dark", null, Map.of(),
                "userFieldValue needs userFieldNs");
        refused("konversation:subscribers", null, Map.of(KonversationConstants.TAG_NS, "f131667t1,f131667t2"),
                "konversation:subscribers takes one tagNs (tag_ns), not 2");
        refused("konversation:addToCart", null, with(with(ANN, KonversationConstants.VARIANT_ID, 7),
                KonversationConstants.QTY, 0), "qty must be between 1 and 2147483647 for konversation:addToCart, not 0");
    }

    @Test
    void aBodyThatLooksLikeJsonButIsNotIsRefused() {
        refused("konversation:addTags", "{\"tag_names\": [\"vip\"", ANN, "got a body that starts with '{' but is not"
                                                                         + " valid JSON");
        refused("konversation:createSubscribers", "[{\"email\":", Map.of(), "a body that starts with '[' but is not"
                                                                           + " valid JSON");
    }
}
