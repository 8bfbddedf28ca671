package io.github.camelchatbots.component.konversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.konversation.model.KonversationFieldValue;
import io.github.camelchatbots.component.konversation.model.KonversationFieldValues;
import io.github.camelchatbots.component.konversation.model.KonversationNewSubscriber;
import io.github.camelchatbots.component.konversation.model.KonversationNewSubscribers;
import io.github.camelchatbots.component.konversation.model.KonversationPage;
import io.github.camelchatbots.component.konversation.model.KonversationSubscriber;
import io.github.camelchatbots.component.konversation.model.KonversationSubscriberFilter;
import io.github.camelchatbots.component.konversation.model.KonversationSubscriberUpdate;
import io.github.camelchatbots.component.konversation.model.KonversationTagChange;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubscriberView;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Tag;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Subscribers: reading, listing with every filter, creating, changing, tagging, their field values. */
class KonversationSubscribersTest extends KonversationTestSupport {

    @Test
    void aSubscriberIsReadByNamespaceOrByTheChannelsId() throws Exception {
        konversation().createUserField("roast", "text");
        String ann = konversation().newSubscriber().firstName("Ann").lastName("Lee").phone("+61 400 000 001")
                .channel("whatsapp_cloud").tags("vip").field("roast", "dark").create();

        Exchange exchange = call("konversation:subscriber", null, Map.of(KonversationConstants.USER_NS, ann));
        KonversationSubscriber subscriber = exchange.getMessage().getBody(KonversationSubscriber.class);
        sent("GET", "/subscriber/get-info");
        assertThat(lastRequest().query()).isEqualTo("user_ns=" + ann);
        assertThat(subscriber.userNs()).isEqualTo(ann);
        assertThat(subscriber.userId()).isEqualTo("61400000001");
        assertThat(subscriber.firstName()).isEqualTo("Ann");
        assertThat(subscriber.name()).isEqualTo("Ann Lee");
        assertThat(subscriber.hasTagNamed("vip")).isTrue();
        assertThat(subscriber.fieldValue("roast")).isEqualTo("dark");
        assertThat(subscriber.channels()).singleElement().satisfies(channel -> {
            assertThat(channel.type()).isEqualTo("whatsapp_cloud");
            assertThat(channel.userId()).isEqualTo("61400000001");
        });
        assertThat(subscriber.createdAt()).isNotNull();
        assertThat(exchange.getMessage().getHeader(KonversationConstants.USER_NS)).isEqualTo(ann);

        KonversationSubscriber byChannelId = body("konversation:subscriber?userId=61400000001", null, Map.of(),
                KonversationSubscriber.class);
        sent("GET", "/subscriber/get-info-by-user-id");
        assertThat(byChannelId.userNs()).isEqualTo(ann);
    }

    @Test
    void subscribersAreListedLatestInteractionFirstAndFilteredByEveryDocumentedFilter() throws Exception {
        Instant now = konversation().now();
        String ann = subscriber("Ann", 1);
        String bob = konversation().newSubscriber().firstName("Bob").email("bob@example.com").channel("telegram")
                .optedInEmail(now).tags("vip").create();
        konversation().addIncomingMessage(ann, "hello", now.minusSeconds(60));
        konversation().addIncomingMessage(bob, "hi", now.minusSeconds(30));

        KonversationPage<?> all = body("konversation:subscribers?limit=1", null, Map.of(), KonversationPage.class);
        assertThat(all.data()).extracting(s -> ((KonversationSubscriber) s).userNs()).containsExactly(bob);
        assertThat(all.meta().total()).isEqualTo(2);
        assertThat(all.meta().lastPage()).isEqualTo(2);
        assertThat(all.hasNextPage()).isTrue();

        KonversationPage<?> vip = body("konversation:subscribers", null, Map.of(KonversationConstants.TAG_NS,
                konversation().tags().get(0).tagNs(), KonversationConstants.OPT_IN_EMAIL, true), KonversationPage.class);
        assertThat(vip.data()).extracting(s -> ((KonversationSubscriber) s).userNs()).containsExactly(bob);

        String segment = konversation().createSegment("Regulars", ann);
        int label = konversation().addLabel(ann, "follow-up");
        String event = konversation().logCustomEvent(ann, "ordered");
        String roast = konversation().createUserField("roast", "text").varNs();
        konversation().setUserField(ann, "roast", "dark");
        KonversationPage<?> filtered = body("konversation:subscribers?page=1&limit=100&search=Ann&channel=apichat"
             + "&optInEmail=false&optInSms=false&interactedInLast24h=true&botInteractedInLast24h=false"
             + "&lastMessageInLast24h=true&segmentNs=" + segment + "&labelId=" + label + "&eventNs=" + event
             + "&userFieldNs=" + roast + "&userFieldValue=dark", null,
                Map.of(KonversationConstants.PHONE, "+61 400 000 001"), KonversationPage.class);
        sent("GET", "/subscribers");
        assertThat(lastRequest().query()).isEqualTo("limit=100&page=1&name=Ann&phone=%2B61%20400%20000%20001"
                + "&is_channel=apichat&is_opt_in_email=no&is_opt_in_sms=no&is_interacted_in_last_24h=yes"
                + "&is_bot_interacted_in_last_24h=no&is_last_message_in_last_24h=yes&segment_ns=" + segment
                + "&label_id=" + label + "&event_ns=" + event + "&user_field_ns=" + roast + "&user_field_value=dark");
        assertThat(filtered.data()).extracting(s -> ((KonversationSubscriber) s).userNs()).containsExactly(ann);

        KonversationPage<?> byMail = body("konversation:subscribers", null, Map.of(KonversationConstants.EMAIL,
                "bob@example.com"), KonversationPage.class);
        assertThat(byMail.data()).extracting(s -> ((KonversationSubscriber) s).userNs()).containsExactly(bob);
    }

    @Test
    void theTypedClientPagesThroughSubscribers() {
        for (int i = 1; i <= 5; i++) {
            subscriber("S" + i, i);
        }
        KonversationEndpoint endpoint = context.getEndpoint("konversation:subscribers", KonversationEndpoint.class);
        endpoint.start();
        try {
            KonversationPage<KonversationSubscriber> first = endpoint.getClient().subscribers(1, 2,
                    KonversationSubscriberFilter.NONE);
            KonversationPage<KonversationSubscriber> last = endpoint.getClient().subscribers(3, 2, null);
            assertThat(first.data()).hasSize(2);
            assertThat(first.meta().lastPage()).isEqualTo(3);
            assertThat(last.data()).hasSize(1);
            assertThat(last.hasNextPage()).isFalse();
            assertThat(lastRequest().query()).isEqualTo("limit=2&page=3");
        } finally {
            endpoint.stop();
        }
    }

    @Test
    void subscribersAreCreatedUpdatedAndDeleted() throws Exception {
        Exchange created = call("konversation:createSubscriber", new KonversationNewSubscriber("Cleo", "Ng", null,
                "+61 400 000 009", null, "female", null, null, null), Map.of());
        assertThat(sent("POST", "/subscriber/create")).isEqualTo(json("{\"first_name\":\"Cleo\",\"last_name\":\"Ng\","
                + "\"phone\":\"+61 400 000 009\",\"gender\":\"female\"}"));
        String cleo = created.getMessage().getHeader(KonversationConstants.USER_NS, String.class);
        assertThat(created.getMessage().getBody(KonversationSubscriber.class).userNs()).isEqualTo(cleo);
        assertThat(konversation().subscriber(cleo).firstName()).isEqualTo("Cleo");

        KonversationSubscriber updated = body("konversation:updateSubscriber",
                new KonversationSubscriberUpdate(cleo, null, null, null, null, "cleo@example.com", null, null), Map.of(),
                KonversationSubscriber.class);
        assertThat(sent("PUT", "/subscriber/update")).isEqualTo(json("{\"user_ns\":\"" + cleo
                + "\",\"email\":\"cleo@example.com\"}"));
        assertThat(updated.email()).isEqualTo("cleo@example.com");

        konversation().createTag("vip");
        call("konversation:createSubscribers", new KonversationNewSubscribers(List.of(
                new KonversationNewSubscriber("Dan", null, null, null, "dan@example.com", null, null, null, null),
                new KonversationNewSubscriber("Eve", null, null, "+61 400 000 010", null, null, null,
                        List.of(new KonversationNewSubscriber.TagName("vip")), null))), Map.of());
        assertThat(sent("POST", "/subscriber/create-many")).isEqualTo(json("{\"users\":[{\"first_name\":\"Dan\","
                + "\"email\":\"dan@example.com\"},{\"first_name\":\"Eve\",\"phone\":\"+61 400 000 010\","
                + "\"tags\":[{\"tag_name\":\"vip\"}]}]}"));

        call("konversation:createSubscribers", "[{\"first_name\":\"Fay\",\"email\":\"fay@example.com\"}]", Map.of());
        assertThat(sent("POST", "/subscriber/create-many").get("users")).hasSize(1);
        assertThat(konversation().subscribers()).extracting(SubscriberView::firstName).contains("Dan", "Fay");

        call("konversation:deleteSubscriber", null, Map.of(KonversationConstants.USER_NS, cleo));
        assertThat(sent("DELETE", "/subscriber/delete")).isEqualTo(json("{\"user_ns\":\"" + cleo + "\"}"));
        assertThat(konversation().subscribers()).extracting(SubscriberView::userNs).doesNotContain(cleo);
    }

    @Test
    void tagsAreAddedAndRemovedOneOrManyByNamespaceOrByName() throws Exception {
        String ann = subscriber("Ann", 1);
        Tag vip = konversation().createTag("vip");
        Tag lead = konversation().createTag("lead");
        konversation().createTag("needs agent, urgent");
        Map<String, Object> annHeader = Map.of(KonversationConstants.USER_NS, ann);

        call("konversation:addTags?tagNs=" + vip.tagNs(), null, annHeader);
        assertThat(sent("POST", "/subscriber/add-tag")).isEqualTo(json("{\"user_ns\":\"" + ann + "\",\"tag_ns\":\""
                + vip.tagNs() + "\"}"));
        call("konversation:addTags?tagNames=lead", null, annHeader);
        assertThat(sent("POST", "/subscriber/add-tag-by-name")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"tag_name\":\"lead\"}"));
        call("konversation:removeTags", null, Map.of(KonversationConstants.USER_NS, ann,
                KonversationConstants.TAG_NS, vip.tagNs() + "," + lead.tagNs()));
        assertThat(sent("DELETE", "/subscriber/remove-tags")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"data\":[{\"tag_ns\":\"" + vip.tagNs() + "\"},{\"tag_ns\":\"" + lead.tagNs() + "\"}]}"));
        assertThat(konversation().subscriber(ann).tags()).isEmpty();

        call("konversation:addTags", KonversationTagChange.byName(ann, "vip", "needs agent, urgent"), Map.of());
        assertThat(sent("POST", "/subscriber/add-tags-by-name")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"data\":[{\"tag_name\":\"vip\"},{\"tag_name\":\"needs agent, urgent\"}]}"));
        call("konversation:addTags", Map.of("user_ns", ann, "tag_ns", List.of(lead.tagNs())), Map.of());
        assertThat(sent("POST", "/subscriber/add-tag")).isEqualTo(json("{\"user_ns\":\"" + ann + "\",\"tag_ns\":\""
                + lead.tagNs() + "\"}"));
        assertThat(konversation().subscriber(ann).tags()).extracting(Tag::name)
                .containsExactlyInAnyOrder("vip", "needs agent, urgent", "lead");

        call("konversation:removeTags", null, Map.of(KonversationConstants.USER_NS, ann,
                KonversationConstants.TAG_NAMES, List.of("needs agent, urgent")));
        assertThat(sent("DELETE", "/subscriber/remove-tag-by-name")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"tag_name\":\"needs agent, urgent\"}"));
        call("konversation:removeTags?tagNames=vip,lead", null, annHeader);
        assertThat(sent("DELETE", "/subscriber/remove-tags-by-name")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"data\":[{\"tag_name\":\"vip\"},{\"tag_name\":\"lead\"}]}"));
        call("konversation:addTags?tagNs=" + vip.tagNs() + "," + lead.tagNs(), null, annHeader);
        sent("POST", "/subscriber/add-tags");
        call("konversation:removeTags?tagNs=" + vip.tagNs(), null, annHeader);
        sent("DELETE", "/subscriber/remove-tag");
        assertThat(konversation().subscriber(ann).tags()).extracting(Tag::name).containsExactly("lead");
    }

    @Test
    void fieldValuesAreSetAndClearedOneOrManyByNamespaceOrByName() throws Exception {
        String ann = subscriber("Ann", 1);
        String roast = konversation().createUserField("roast", "text").varNs();
        String orders = konversation().createUserField("orders", "number").varNs();
        Map<String, Object> annHeader = Map.of(KonversationConstants.USER_NS, ann);

        call("konversation:setUserFields", null, Map.of(KonversationConstants.USER_NS, ann,
                KonversationConstants.FIELD_VALUES, Map.of("roast", "dark")));
        assertThat(sent("PUT", "/subscriber/set-user-field-by-name")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"field_name\":\"roast\",\"value\":\"dark\"}"));
        call("konversation:setUserFields", new KonversationFieldValues(ann, List.of(
                KonversationFieldValue.byName("roast", "light"), KonversationFieldValue.byName("orders", 3))), Map.of());
        assertThat(sent("PUT", "/subscriber/set-user-fields-by-name")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"data\":[{\"name\":\"roast\",\"value\":\"light\"},{\"name\":\"orders\",\"value\":3}]}"));
        assertThat(konversation().subscriber(ann).userFields()).containsOnly(entry("roast", "light"),
                entry("orders", "3"));
        call("konversation:setUserFields", "{\"data\":[{\"var_ns\":\"" + roast + "\",\"value\":\"medium\"}]}",
                annHeader);
        assertThat(sent("PUT", "/subscriber/set-user-field")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"var_ns\":\"" + roast + "\",\"value\":\"medium\"}"));
        call("konversation:setUserFields", new KonversationFieldValues(ann, List.of(
                KonversationFieldValue.byNs(roast, "dark"), KonversationFieldValue.byNs(orders, "4"))), Map.of());
        assertThat(sent("PUT", "/subscriber/set-user-fields")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"data\":[{\"var_ns\":\"" + roast + "\",\"value\":\"dark\"},{\"var_ns\":\"" + orders
                + "\",\"value\":\"4\"}]}"));

        call("konversation:clearUserFields?varNs=" + roast, null, annHeader);
        assertThat(sent("DELETE", "/subscriber/clear-user-field")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"var_ns\":\"" + roast + "\"}"));
        assertThat(konversation().subscriber(ann).userFields()).containsOnly(entry("orders", "4"));
        call("konversation:setUserFields", null, Map.of(KonversationConstants.USER_NS, ann,
                KonversationConstants.FIELD_VALUES, Map.of("roast", "dark")));
        call("konversation:clearUserFields?fieldNames=roast,orders", null, annHeader);
        assertThat(sent("DELETE", "/subscriber/clear-user-fields-by-name")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"data\":[{\"name\":\"roast\"},{\"name\":\"orders\"}]}"));
        assertThat(konversation().subscriber(ann).userFields()).isEmpty();
        call("konversation:clearUserFields?fieldNames=roast", null, annHeader);
        sent("DELETE", "/subscriber/clear-user-field-by-name");
        assertThat(lastBody().get("field_name").asText()).isEqualTo("roast");
        call("konversation:clearUserFields", null, Map.of(KonversationConstants.USER_NS, ann,
                KonversationConstants.VAR_NS, List.of(roast, orders)));
        assertThat(sent("DELETE", "/subscriber/clear-user-fields")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"data\":[{\"var_ns\":\"" + roast + "\"},{\"var_ns\":\"" + orders + "\"}]}"));
    }
}
