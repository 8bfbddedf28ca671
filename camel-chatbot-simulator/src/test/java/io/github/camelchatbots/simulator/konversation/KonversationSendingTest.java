package io.github.camelchatbots.simulator.konversation;

import static io.github.camelchatbots.simulator.konversation.KonversationHttp.assertOk;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.badRequest;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Broadcast;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.ChatMessage;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SentTemplate;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubFlowSend;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sub flows by every route, text, dynamic content, WhatsApp templates and both broadcasts. */
class KonversationSendingTest extends KonversationApiTestSupport {

    private String userNs;
    private String welcome;

    @BeforeEach
    void world() {
        konversation.freezeTime();
        userNs = konversation.newSubscriber().firstName("Ann").lastName("Lee").phone("+61 400 000 001").create();
        welcome = konversation.registerSubFlow("Welcome", "Hi {{first_name}}!", "How can I help, {{full_name}}?")
                .subFlowNs();
    }

    private List<String> outgoing(String user) {
        return konversation.chatHistory(user).stream().filter(m -> !m.type().equals("in")).map(ChatMessage::content)
                .toList();
    }

    @Test
    void sendingASubFlowAddsItsMessagesAndMovesLastInteraction() {
        Instant before = konversation.now();
        konversation.addIncomingMessage(userNs, "hello", before.minusSeconds(60));
        konversation.advanceTime(Duration.ofMinutes(5));

        assertOk(http.post("/subscriber/send-sub-flow", "user_ns", userNs, "sub_flow_ns", welcome));

        List<ChatMessage> chat = konversation.chatHistory(userNs);
        assertThat(chat).extracting(ChatMessage::type).containsExactly("in", "out", "out");
        assertThat(chat).extracting(ChatMessage::content).containsExactly("hello", "Hi Ann!",
                "How can I help, Ann Lee?");
        assertThat(chat.get(2).at()).isEqualTo(konversation.now());
        assertThat(konversation.subscriber(userNs).lastInteraction()).isEqualTo(konversation.now());
        assertThat(konversation.subFlowSends()).containsExactly(new SubFlowSend(userNs, welcome, "send-sub-flow",
                konversation.now()));
    }

    @Test
    void subFlowsGoByFlowNameAndByUserId() {
        assertOk(http.post("/subscriber/send-sub-flow-by-flow-name", "user_ns", userNs, "flow_name", "Welcome"));
        assertOk(http.post("/subscriber/send-sub-flow-by-user-id", "user_id", "61400000001", "sub_flow_ns", welcome,
                "orderId", "A-1001"));

        assertThat(konversation.subFlowSends()).extracting(SubFlowSend::via)
                .containsExactly("send-sub-flow-by-flow-name", "send-sub-flow-by-user-id");
        assertThat(outgoing(userNs)).hasSize(4);
        assertThat(badRequest(http.post("/subscriber/send-sub-flow-by-flow-name", "user_ns", userNs, "flow_name",
                "Goodbye"))).isEqualTo("The selected flow_name is invalid.");
        assertThat(badRequest(http.post("/subscriber/send-sub-flow-by-user-id", "user_id", "1", "sub_flow_ns",
                welcome))).isEqualTo("The selected user_id is invalid.");
        assertThat(badRequest(http.post("/subscriber/send-sub-flow", "user_ns", userNs, "flow_ns", welcome)))
                .as("the field is sub_flow_ns").isEqualTo("The sub_flow_ns field is required.");
        assertThat(badRequest(http.post("/subscriber/send-sub-flow", "user_ns", userNs, "sub_flow_ns",
                "f131667s9"))).isEqualTo("The selected sub_flow_ns is invalid.");
    }

    @Test
    void sendTextAddsAnOutMessage() {
        assertOk(http.post("/subscriber/send-text", "user_ns", userNs, "content", "Your order has shipped"));

        assertThat(konversation.chatHistory(userNs)).singleElement().satisfies(message -> {
            assertThat(message.type()).isEqualTo("out");
            assertThat(message.msgType()).isEqualTo("text");
            assertThat(message.content()).isEqualTo("Your order has shipped");
        });
        assertThat(badRequest(http.post("/subscriber/send-text", "user_ns", userNs)))
                .isEqualTo("The content field is required.");
    }

    @Test
    void whatsappAllowsFreeTextOnlyWithin24HoursOfTheSubscribersLastMessage() {
        String whatsapp = konversation.newSubscriber().firstName("Bo").phone("+61 400 000 002")
                .channel("whatsapp_cloud").create();

        String refused = badRequest(http.post("/subscriber/send-text", "user_ns", whatsapp, "content", "Hi"));
        konversation.addIncomingMessage(whatsapp, "hello", konversation.now().minus(Duration.ofHours(23)));
        assertOk(http.post("/subscriber/send-text", "user_ns", whatsapp, "content", "Hi"));
        konversation.advanceTime(Duration.ofHours(1));

        assertThat(refused).isEqualTo("The user_ns is outside the 24 hour window of whatsapp_cloud: only a WhatsApp "
                + "template can be sent.");
        assertThat(badRequest(http.post("/subscriber/send-content", "user_ns", whatsapp, "data", object("version",
                "v1", "content", object("messages", List.of(object("type", "text", "text", "Hi")))))))
                .isEqualTo(refused);
        assertOk(http.post("/subscriber/send-sub-flow", "user_ns", whatsapp, "sub_flow_ns", welcome));
    }

    @Test
    void sendContentAddsMessagesAndRunsActions() {
        konversation.createUserField("city", "text");
        konversation.createTag("lead");
        konversation.addTag(userNs, "lead");

        assertOk(http.post("/subscriber/send-content", "user_ns", userNs, "data", object("version", "v1", "content",
                object("messages", List.of(object("type", "text", "text", "Here is our menu"),
                        object("type", "image", "url", "https://example.com/menu.jpg")),
                        "actions", List.of(object("action", "add_tag", "tag_name", "menu-sent"),
                                object("action", "remove_tag", "tag_name", "lead"),
                                object("action", "set_field_value", "field_name", "city", "value", "Perth")),
                        "quick_replies", List.of()))));
        assertOk(http.post("/subscriber/send-content", "user_ns", userNs, "send_as_agent", 1, "data", object(
                "version", "v1", "content", object("messages", List.of(object("type", "text", "text", "Sam here"))))));

        assertThat(konversation.chatHistory(userNs)).extracting(ChatMessage::type, ChatMessage::msgType,
                ChatMessage::content, ChatMessage::url).containsExactly(
                        tuple("out", "text", "Here is our menu", null),
                        tuple("out", "image", null, "https://example.com/menu.jpg"),
                        tuple("agent", "text", "Sam here", null));
        assertThat(konversation.subscriber(userNs).tags()).extracting(KonversationSimulation.Tag::name)
                .containsExactly("menu-sent");
        assertThat(konversation.subscriber(userNs).userFields()).containsEntry("city", "Perth");
    }

    @Test
    void sendContentIsCheckedBeforeAnythingIsSent() {
        Map<String, Object> text = object("type", "text", "text", "Hi");

        assertThat(badRequest(http.post("/subscriber/send-content", "user_ns", userNs)))
                .isEqualTo("The data field is required.");
        assertThat(badRequest(http.post("/subscriber/send-content", "user_ns", userNs, "data", object("content",
                object("messages", List.of(text)))))).isEqualTo("The data.version field is required.");
        assertThat(badRequest(http.post("/subscriber/send-content", "user_ns", userNs, "data", object("version",
                "v2", "content", object("messages", List.of(text))))))
                .isEqualTo("The selected data.version is invalid. It must be one of: v1.");
        assertThat(badRequest(http.post("/subscriber/send-content", "user_ns", userNs, "data", object("version",
                "v1", "content", object("messages", List.of(text, object("type", "image")))))))
                .isEqualTo("The data.content.messages.1.url field is required.");
        assertThat(badRequest(http.post("/subscriber/send-content", "user_ns", userNs, "data", object("version",
                "v1", "content", object("messages", List.of(text), "actions", List.of(object("action",
                        "set_field_value", "field_name", "nope", "value", "x")))))))
                .isEqualTo("The selected data.content.actions.0.field_name is invalid.");
        assertThat(badRequest(http.post("/subscriber/send-content", "user_ns", userNs, "data", object("version",
                "v1", "content", object()))))
                .isEqualTo("The data.content.messages field is required when data.content.actions is not present.");
        assertThat(konversation.chatHistory(userNs)).isEmpty();
    }

    @Test
    void whatsappTemplatesAreRecorded() {
        assertOk(http.post("/subscriber/send-whatsapp-template", "user_ns", userNs, "content", object("namespace",
                "a1b2c3", "name", "order_shipped", "lang", "en_US", "params", object("BODY_{{1}}", "Ann",
                        "HEADER_IMAGE", "https://example.com/box.jpg", "QUICK_REPLY_1", welcome))));

        assertThat(konversation.sentTemplates()).containsExactly(new SentTemplate(userNs, "a1b2c3", "order_shipped",
                "en_US", Map.of("BODY_{{1}}", "Ann", "HEADER_IMAGE", "https://example.com/box.jpg", "QUICK_REPLY_1",
                        welcome), konversation.now()));
        assertThat(outgoing(userNs)).containsExactly("order_shipped");
        assertThat(badRequest(http.post("/subscriber/send-whatsapp-template", "user_ns", userNs, "content",
                object("name", "order_shipped")))).isEqualTo("The content.lang field is required.");
        assertThat(badRequest(http.post("/subscriber/send-whatsapp-template", "user_ns", userNs)))
                .isEqualTo("The content field is required.");
    }

    @Test
    void aTemplateByUserIdGoesToTheNumbersSubscriberOrCreatesOneWhenAsked() {
        assertOk(http.post("/subscriber/send-whatsapp-template-by-user-id", "user_id", "61400000001", "content",
                object("name", "order_shipped", "lang", "en_US")));
        assertThat(konversation.sentTemplates()).extracting(SentTemplate::userNs).containsExactly(userNs);

        assertThat(badRequest(http.post("/subscriber/send-whatsapp-template-by-user-id", "user_id", "61400000002",
                "content", object("name", "order_shipped", "lang", "en_US"))))
                .isEqualTo("The selected user_id is invalid.");
        assertThat(badRequest(http.post("/subscriber/send-whatsapp-template-by-user-id", "user_id", "61400000002",
                "create_if_not_found", "yes", "content", object("name", "order_shipped"))))
                .as("a bad template creates nobody").isEqualTo("The content.lang field is required.");
        assertThat(konversation.subscribers()).hasSize(1);

        assertOk(http.post("/subscriber/send-whatsapp-template-by-user-id", "user_id", "61400000002",
                "create_if_not_found", "yes", "contact", object("first_name", "Bo", "last_name", "Ng"), "content",
                object("name", "welcome", "lang", "en")));
        String created = konversation.sentTemplates().get(1).userNs();
        assertThat(konversation.subscriber(created)).satisfies(bo -> {
            assertThat(bo.firstName()).isEqualTo("Bo");
            assertThat(bo.lastName()).isEqualTo("Ng");
            assertThat(bo.userId()).isEqualTo("61400000002");
            assertThat(bo.phone()).isEqualTo("+61400000002");
            assertThat(bo.channel()).isEqualTo("whatsapp_cloud");
        });
        assertThat(outgoing(created)).containsExactly("welcome");
        assertThat(badRequest(http.post("/subscriber/send-whatsapp-template-by-user-id", "user_id", "not-a-number",
                "create_if_not_found", "yes", "content", object("name", "welcome", "lang", "en"))))
                .isEqualTo("The user_id field format is invalid.");
    }

    @Test
    void aBroadcastSendsTheSubFlowToEveryListedSubscriber() {
        String bo = subscriber("Bo", 2);

        assertOk(http.post("/subscriber/broadcast", "user_ns_list", userNs + ", " + bo, "sub_flow_ns", welcome,
                "type", "WHATSAPP_TEMPLATE"));

        assertThat(outgoing(userNs)).containsExactly("Hi Ann!", "How can I help, Ann Lee?");
        assertThat(outgoing(bo)).containsExactly("Hi Bo!", "How can I help, Bo?");
        assertThat(konversation.broadcasts()).singleElement().satisfies(broadcast -> {
            assertThat(broadcast.via()).isEqualTo("broadcast");
            assertThat(broadcast.recipients()).containsExactly(userNs, bo);
            assertThat(broadcast.type()).isEqualTo("WHATSAPP_TEMPLATE");
            assertThat(broadcast.maxPerMinute()).isEqualTo(60);
            assertThat(broadcast.scheduledAt()).isEqualTo(konversation.now());
        });
        assertThat(konversation.subFlowSends()).extracting(SubFlowSend::via).containsOnly("broadcast");
    }

    @Test
    void broadcastsArePacedByMaxPerMinuteAndWaitForTheirScheduledTime() {
        List<String> recipients = new ArrayList<>(List.of(userNs));
        for (int i = 2; i <= 5; i++) {
            recipients.add(subscriber("User" + i, i));
        }
        long inAnHour = konversation.now().plus(Duration.ofHours(1)).getEpochSecond();

        assertOk(http.post("/subscriber/broadcast", "user_ns_list", String.join(",", recipients), "sub_flow_ns",
                welcome, "max_per_minute", 2));
        assertThat(konversation.subFlowSends()).hasSize(2);
        assertThat(konversation.pendingBroadcastMessages()).isEqualTo(3);
        konversation.advanceTime(Duration.ofMinutes(1));
        assertThat(konversation.subFlowSends()).hasSize(4);
        konversation.advanceTime(Duration.ofMinutes(1));
        assertThat(konversation.subFlowSends()).extracting(SubFlowSend::userNs).containsExactlyElementsOf(recipients);
        assertThat(konversation.subFlowSends().get(4).at()).isEqualTo(konversation.now());

        assertOk(http.post("/subscriber/broadcast", "user_ns_list", userNs, "sub_flow_ns", welcome, "scheduled_time",
                inAnHour));
        assertThat(konversation.pendingBroadcastMessages()).isEqualTo(1);
        konversation.advanceTime(Duration.ofHours(2));
        assertThat(konversation.chatHistory(userNs).get(konversation.chatHistory(userNs).size() - 1).at())
                .as("sent at its scheduled time").isEqualTo(Instant.ofEpochSecond(inAnHour));
    }

    @Test
    void broadcastsAreChecked() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add("f131667u" + (1000 + i));
        }

        assertThat(badRequest(http.post("/subscriber/broadcast", "user_ns_list", String.join(",", many),
                "sub_flow_ns", welcome))).isEqualTo("The user_ns_list field must not have more than 200 items.");
        assertThat(badRequest(http.post("/subscriber/broadcast", "user_ns_list", userNs + ",f131667u99",
                "sub_flow_ns", welcome))).isEqualTo("The selected user_ns_list is invalid.");
        assertThat(badRequest(http.post("/subscriber/broadcast", "sub_flow_ns", welcome)))
                .isEqualTo("The user_ns_list field is required.");
        assertThat(badRequest(http.post("/subscriber/broadcast", "user_ns_list", userNs)))
                .isEqualTo("The sub_flow_ns field is required.");
        assertThat(badRequest(http.post("/subscriber/broadcast", "user_ns_list", userNs, "sub_flow_ns", welcome,
                "type", "PIGEON"))).startsWith("The selected type is invalid.").contains("FACEBOOK_NOTIFICATION");
        assertThat(badRequest(http.post("/subscriber/broadcast", "user_ns_list", userNs, "sub_flow_ns", welcome,
                "max_per_minute", 0))).isEqualTo("The max_per_minute field must be between 1 and 100000.");
        assertThat(konversation.broadcasts()).isEmpty();
        assertThat(konversation.chatHistory(userNs)).isEmpty();
    }

    @Test
    void aBroadcastByTagReachesTaggedSubscribersButNotExcludedOnes() {
        String vip = konversation.createTag("vip").tagNs();
        String lead = konversation.createTag("lead").tagNs();
        String optedOut = konversation.createTag("opted-out").tagNs();
        String bo = subscriber("Bo", 2);
        String cy = subscriber("Cy", 3);
        subscriber("Di", 4);
        konversation.addTag(userNs, "vip");
        konversation.addTag(bo, "lead");
        konversation.addTag(cy, "vip");
        konversation.addTag(cy, "opted-out");

        assertOk(http.post("/subscriber/broadcast-by-tag", "tags", List.of(vip, lead), "exclude_tags",
                List.of(optedOut), "sub_flow_ns", welcome, "name", "Spring sale", "message_tag",
                "POST_PURCHASE_UPDATE"));

        Broadcast broadcast = konversation.broadcasts().get(0);
        assertThat(broadcast.via()).isEqualTo("broadcast-by-tag");
        assertThat(broadcast.recipients()).containsExactlyInAnyOrder(userNs, bo);
        assertThat(broadcast.tags()).containsExactly(vip, lead);
        assertThat(broadcast.excludeTags()).containsExactly(optedOut);
        assertThat(broadcast.name()).isEqualTo("Spring sale");
        assertThat(outgoing(cy)).isEmpty();
        assertThat(outgoing(bo)).hasSize(2);
    }

    @Test
    void aBroadcastByTagNeedsUpTo10KnownTagsAndASubFlow() {
        String vip = konversation.createTag("vip").tagNs();

        assertThat(badRequest(http.post("/subscriber/broadcast-by-tag", "sub_flow_ns", welcome)))
                .isEqualTo("The tags field is required.");
        assertThat(badRequest(http.post("/subscriber/broadcast-by-tag", "tags", items(11, i -> vip), "sub_flow_ns",
                welcome))).isEqualTo("The tags field must not have more than 10 items.");
        assertThat(badRequest(http.post("/subscriber/broadcast-by-tag", "tags", List.of(vip, "f131667t9"),
                "sub_flow_ns", welcome))).isEqualTo("The selected tags.1 is invalid.");
        assertThat(badRequest(http.post("/subscriber/broadcast-by-tag", "tags", List.of(vip))))
                .isEqualTo("The sub_flow_ns field is required.");
        assertThat(badRequest(http.post("/subscriber/broadcast-by-tag", "tags", List.of(vip), "sub_flow_ns", welcome,
                "user_fields", items(11, i -> object("var_ns", "x", "value", "y")))))
                .isEqualTo("The user_fields field must not have more than 10 items.");
        assertOk(http.post("/subscriber/broadcast-by-tag", "tags", items(10, i -> vip), "sub_flow_ns", welcome));
    }

    @Test
    void aBroadcastByTagCanAlsoMatchUserFields() {
        String vip = konversation.createTag("vip").tagNs();
        String city = konversation.createUserField("city", "text").varNs();
        String bo = subscriber("Bo", 2);
        konversation.addTag(userNs, "vip");
        konversation.addTag(bo, "vip");
        konversation.setUserField(bo, "city", "Perth");

        assertOk(http.post("/subscriber/broadcast-by-tag", "tags", List.of(vip), "sub_flow_ns", welcome,
                "user_fields", List.of(object("var_ns", city, "value", "Perth"))));

        assertThat(konversation.broadcasts().get(0).recipients()).containsExactly(bo);
    }
}
