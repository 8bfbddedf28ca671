package io.github.camelchatbots.component.konversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.konversation.model.KonversationBroadcast;
import io.github.camelchatbots.component.konversation.model.KonversationContent;
import io.github.camelchatbots.component.konversation.model.KonversationResult;
import io.github.camelchatbots.component.konversation.model.KonversationSubFlowRequest;
import io.github.camelchatbots.component.konversation.model.KonversationTemplate;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Broadcast;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.ChatMessage;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SentTemplate;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubFlow;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubFlowSend;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sub flows, texts, dynamic content, WhatsApp templates and broadcasts, as sent and as the subscriber gets them. */
class KonversationSendingTest extends KonversationTestSupport {

    @Test
    void aSubFlowIsSentByNamespaceByNameOrToTheChannelsId() throws Exception {
        SubFlow welcome = konversation().registerSubFlow("Welcome", "Hi {{first_name}}!");
        String ann = subscriber("Ann", 1);

        KonversationResult result = body("konversation:sendSubFlow?subFlowNs=" + welcome.subFlowNs(), null,
                Map.of(KonversationConstants.USER_NS, ann), KonversationResult.class);
        assertThat(result.status()).isEqualTo("ok");
        assertThat(sent("POST", "/subscriber/send-sub-flow")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"sub_flow_ns\":\"" + welcome.subFlowNs() + "\"}"));

        call("konversation:sendSubFlow?flowName=Welcome", null, Map.of(KonversationConstants.USER_NS, ann));
        assertThat(sent("POST", "/subscriber/send-sub-flow-by-flow-name")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"flow_name\":\"Welcome\"}"));

        call("konversation:sendSubFlow", new KonversationSubFlowRequest(null, "61400000001", welcome.subFlowNs(),
                null), Map.of());
        assertThat(sent("POST", "/subscriber/send-sub-flow-by-user-id")).isEqualTo(json("{\"user_id\":\"61400000001\","
                + "\"sub_flow_ns\":\"" + welcome.subFlowNs() + "\"}"));

        assertThat(konversation().subFlowSends()).extracting(SubFlowSend::via).containsExactly("send-sub-flow",
                "send-sub-flow-by-flow-name", "send-sub-flow-by-user-id");
        assertThat(konversation().chatHistory(ann)).extracting(ChatMessage::content)
                .containsExactly("Hi Ann!", "Hi Ann!", "Hi Ann!");
    }

    @Test
    void aTextComesFromTheHeaderTheBodyOrTheOption() throws Exception {
        String ann = subscriber("Ann", 1);
        Map<String, Object> annHeader = Map.of(KonversationConstants.USER_NS, ann);

        call("konversation:sendText", "Your order has shipped", annHeader);
        assertThat(sent("POST", "/subscriber/send-text")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"content\":\"Your order has shipped\"}"));
        call("konversation:sendText", Map.of("user_ns", ann, "content", "From the body"), Map.of());
        call("konversation:sendText?content=From the option", "not this text", annHeader);
        call("konversation:sendText?content=From the option", "ignored", Map.of(KonversationConstants.USER_NS, ann,
                KonversationConstants.CONTENT, "From the header"));

        assertThat(konversation().chatHistory(ann)).extracting(ChatMessage::type).containsOnly("out");
        assertThat(konversation().chatHistory(ann)).extracting(ChatMessage::content).containsExactly(
                "Your order has shipped", "From the body", "From the option", "From the header");
    }

    @Test
    void dynamicContentIsSentAsTheRecordOrMadeFromAText() throws Exception {
        String ann = subscriber("Ann", 1);

        call("konversation:sendContent?sendAsAgent=true", KonversationContent.texts(ann, "Hello", "How can I help?"),
                Map.of());
        assertThat(sent("POST", "/subscriber/send-content")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"data\":{\"version\":\"v1\",\"content\":{\"messages\":[{\"type\":\"text\",\"text\":\"Hello\"},"
                + "{\"type\":\"text\",\"text\":\"How can I help?\"}]}},\"send_as_agent\":1}"));
        call("konversation:sendContent", "Just one line", Map.of(KonversationConstants.USER_NS, ann));
        assertThat(lastBody().at("/data/content/messages/0/text").asText()).isEqualTo("Just one line");
        assertThat(lastBody().has("send_as_agent")).isFalse();
        call("konversation:sendContent", Map.of("user_ns", ann, "data", Map.of("version", "v1", "content",
                Map.of("actions", List.of(Map.of("action", "add_tag", "tag_name", "vip"))))), Map.of());

        assertThat(konversation().chatHistory(ann)).extracting(ChatMessage::type, ChatMessage::content)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("agent", "Hello"),
                        org.assertj.core.groups.Tuple.tuple("agent", "How can I help?"),
                        org.assertj.core.groups.Tuple.tuple("out", "Just one line"));
        assertThat(konversation().subscriber(ann).tags()).extracting(Tag::name).containsExactly("vip");
    }

    @Test
    void aWhatsAppTemplateGoesToASubscriberOrToANumber() throws Exception {
        String ann = konversation().newSubscriber().firstName("Ann").phone("+61 400 000 001")
                .channel("whatsapp_cloud").create();

        call("konversation:sendWhatsAppTemplate?templateNamespace=ns1&templateName=order_update&templateLang=en_US",
                null, Map.of(KonversationConstants.USER_NS, ann, KonversationConstants.TEMPLATE_PARAMS,
                        Map.of("BODY_{{1}}", "Ann")));
        assertThat(sent("POST", "/subscriber/send-whatsapp-template")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"content\":{\"namespace\":\"ns1\",\"name\":\"order_update\",\"lang\":\"en_US\","
                + "\"params\":{\"BODY_{{1}}\":\"Ann\"}}}"));

        call("konversation:sendWhatsAppTemplate?createIfNotFound=true", new KonversationTemplate(null, "61400000001",
                null, new KonversationTemplate.Contact("Ann", null, null),
                new KonversationTemplate.Content(null, "order_shipped", "en", Map.of())), Map.of());
        assertThat(sent("POST", "/subscriber/send-whatsapp-template-by-user-id")).isEqualTo(json("{\"user_id\":"
                + "\"61400000001\",\"create_if_not_found\":\"yes\",\"contact\":{\"first_name\":\"Ann\"},"
                + "\"content\":{\"name\":\"order_shipped\",\"lang\":\"en\",\"params\":{}}}"));

        assertThat(konversation().sentTemplates()).extracting(SentTemplate::userNs, SentTemplate::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ann, "order_update"),
                        org.assertj.core.groups.Tuple.tuple(ann, "order_shipped"));
        assertThat(konversation().sentTemplates().get(0).params()).containsEntry("BODY_{{1}}", "Ann");

        call("konversation:sendWhatsAppTemplate?templateName=welcome&templateLang=en&createIfNotFound=true", null,
                Map.of(KonversationConstants.USER_ID, "61400000077"));
        String created = konversation().sentTemplates().get(2).userNs();
        assertThat(created).isNotEqualTo(ann);
        assertThat(konversation().subscriber(created).channel()).isEqualTo("whatsapp_cloud");
    }

    @Test
    void aBroadcastGoesToTheSubscribersListedOrToThoseTagged() throws Exception {
        konversation().freezeTime();
        SubFlow sale = konversation().registerSubFlow("Sale", "20% off today");
        String ann = subscriber("Ann", 1);
        String bob = subscriber("Bob", 2);
        String cid = subscriber("Cid", 3);
        Tag vip = konversation().createTag("vip");
        Tag optOut = konversation().createTag("opted-out");
        konversation().addTag(ann, "vip");
        konversation().addTag(bob, "vip");
        konversation().addTag(bob, "opted-out");
        Instant later = konversation().now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        call("konversation:broadcast?subFlowNs=" + sale.subFlowNs() + "&maxPerMinute=1&broadcastType=SMS", null,
                Map.of(KonversationConstants.USER_NS_LIST, List.of(ann, cid), KonversationConstants.SCHEDULED_TIME,
                        later));
        assertThat(sent("POST", "/subscriber/broadcast")).isEqualTo(json("{\"user_ns_list\":\"" + ann + "," + cid
                + "\",\"sub_flow_ns\":\"" + sale.subFlowNs() + "\",\"type\":\"SMS\",\"scheduled_time\":"
                + later.getEpochSecond() + ",\"max_per_minute\":1}"));

        call("konversation:broadcast", new KonversationBroadcast(null, List.of(vip.tagNs()), List.of(optOut.tagNs()),
                sale.subFlowNs(), null, "VIP sale", null, null, null, null), Map.of());
        assertThat(sent("POST", "/subscriber/broadcast-by-tag")).isEqualTo(json("{\"tags\":[\"" + vip.tagNs()
                + "\"],\"exclude_tags\":[\"" + optOut.tagNs() + "\"],\"sub_flow_ns\":\"" + sale.subFlowNs()
                + "\",\"name\":\"VIP sale\"}"));

        List<Broadcast> broadcasts = konversation().broadcasts();
        assertThat(broadcasts).extracting(Broadcast::via).containsExactly("broadcast", "broadcast-by-tag");
        assertThat(broadcasts.get(0).recipients()).containsExactly(ann, cid);
        assertThat(broadcasts.get(0).scheduledAt()).isEqualTo(later);
        assertThat(broadcasts.get(1).recipients()).containsExactly(ann);
        konversation().advanceTime(Duration.ofHours(2));
        assertThat(konversation().chatHistory(cid)).extracting(ChatMessage::content).containsExactly("20% off today");
    }
}
