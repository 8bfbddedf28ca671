package io.github.camelchatbots.component.konversation;

import java.time.Instant;
import java.util.Map;

import io.github.camelchatbots.component.konversation.model.KonversationCart;
import io.github.camelchatbots.component.konversation.model.KonversationChatMessage;
import io.github.camelchatbots.component.konversation.model.KonversationField;
import io.github.camelchatbots.component.konversation.model.KonversationOrder;
import io.github.camelchatbots.component.konversation.model.KonversationPage;
import io.github.camelchatbots.component.konversation.model.KonversationProduct;
import io.github.camelchatbots.component.konversation.model.KonversationResult;
import io.github.camelchatbots.component.konversation.model.KonversationSubscriber;
import io.github.camelchatbots.component.konversation.model.KonversationVariant;
import io.github.camelchatbots.simulator.FixtureServer;
import io.github.camelchatbots.support.model.ChatMessage;
import io.github.camelchatbots.support.model.ChatParticipant;
import io.github.camelchatbots.support.model.ChatUser;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes the API notes quote (the spec's schemas and examples, and answers clients have met) read into the
 * records field for field, the fields no schema names kept; the seed's one example call goes out as shown.
 */
class KonversationSamplesTest extends KonversationTestSupport {

    private static <T> T answering(String answer, String uri, Class<T> type) throws Exception {
        try (FixtureServer vendor = FixtureServer.answering(200, answer);
             CamelContext camel = new DefaultCamelContext()) {
            KonversationConfiguration defaults = camel.getComponent("konversation", KonversationComponent.class)
                    .getConfiguration();
            defaults.setBaseUrl(vendor.baseUrl() + "/api");
            defaults.setApiKey("sample-key");
            camel.start();
            return camel.createProducerTemplate().requestBody(uri, null, type);
        }
    }

    @Test
    void theSeedsExampleCallGetFlowTags() throws Exception {
        konversation().createTag("vip");

        template.requestBody("konversation:tags", (Object) null);

        assertThat(lastRequest().method()).isEqualTo("GET");
        assertThat(lastRequest().path()).isEqualTo("/api/flow/tags");
        assertThat(lastRequest().query()).isEmpty();
        assertThat(lastRequest().header("Authorization")).isEqualTo("Bearer " + apiKey);
        assertThat(lastRequest().header("Accept")).isEqualTo("application/json");
    }

    @Test
    void aBotUserAsClientsReadIt() throws Exception {
        KonversationSubscriber ann = answering(FixtureServer.resource("spec-bot-user.json"),
                "konversation:subscriber?userNs=f131667u184732093", KonversationSubscriber.class);

        assertThat(ann.userNs()).isEqualTo("f131667u184732093");
        assertThat(ann.gender()).isEqualTo("female");
        assertThat(ann.subscribed()).isEqualTo("2020-11-27 17:50:45");
        assertThat(ann.lastInteraction()).isEqualTo(Instant.parse("2020-11-27T17:50:45Z"));
        assertThat(ann.lastSeen()).isEqualTo(Instant.parse("2020-11-27T17:52:10Z"));
        assertThat(ann.optedInEmail()).isNull();
        assertThat(ann.optedInSms()).isEqualTo(Instant.parse("2020-11-20T09:00:00Z"));
        assertThat(ann.tags()).singleElement().satisfies(tag -> assertThat(tag.tagNs()).isEqualTo("f131667t5"));
        assertThat(ann.userFields()).extracting(KonversationField::value).containsExactly("dark", 3, true,
                "2018-07-18");
        assertThat(ann.fieldValue("member")).isEqualTo("true");
        assertThat(ann.channels()).singleElement().satisfies(c -> assertThat(c.channelId())
                .isEqualTo("f131667-whatsapp"));
        assertThat(ann.labels()).singleElement().satisfies(label -> assertThat(label.get("name").asText())
                .isEqualTo("follow-up"));
        assertThat(ann.other()).containsEntry("is_blocked", false);

        ChatUser user = context.getTypeConverter().convertTo(ChatUser.class, ann);
        assertThat(user.vendor()).isEqualTo("konversation");
        assertThat(user.userId()).isEqualTo("f131667u184732093");
        assertThat(user.externalId()).isEqualTo("61400111222");
        assertThat(user.name()).isEqualTo("Ann Lee");
        assertThat(user.email()).isEqualTo("ann@example.com");
        assertThat(user.createdAt()).isEqualTo(Instant.parse("2020-11-01T08:00:00Z"));
        assertThat(user.lastSeenAt()).isEqualTo(Instant.parse("2020-11-27T17:52:10Z"));
        assertThat(user.attributes()).containsEntry("phone", "+61400111222").containsEntry("tags", "vip")
                .containsEntry("roast", "dark").containsEntry("orders", "3").containsEntry("channel",
                        "whatsapp_cloud");
    }

    @Test
    void chatMessagesWithUnixOrTextTimesAndWhatElseTheyCarry() throws Exception {
        KonversationPage<?> page = answering(FixtureServer.resource("chat-messages.json"),
                "konversation:chatMessages?userNs=f131667u184732093", KonversationPage.class);

        KonversationChatMessage voice = (KonversationChatMessage) page.data().get(0);
        KonversationChatMessage bot = (KonversationChatMessage) page.data().get(1);
        assertThat(voice.ts()).isEqualTo(Instant.ofEpochSecond(1724065200));
        assertThat(voice.payload().other()).containsEntry("transcribed_text", "where is my order");
        assertThat(voice.text()).isEqualTo("https://cdn.example.com/voice.ogg");
        assertThat(bot.ts()).isEqualTo(Instant.parse("2026-08-19T11:00:00Z"));
        assertThat(bot.id()).isNull();
        assertThat(page.meta().lastPage()).isEqualTo(3);
        assertThat(page.links().next()).isEqualTo("x?page=2");
        assertThat(page.links().prev()).isNull();

        ChatMessage neutral = context.getTypeConverter().convertTo(ChatMessage.class, voice);
        assertThat(neutral.sender()).isEqualTo(ChatParticipant.USER);
        assertThat(neutral.messageId()).isEqualTo("981");
        assertThat(neutral.conversationId()).isEqualTo("f131667u184732093");
    }

    @Test
    void aBotFieldAsClientsMetIt() throws Exception {
        KonversationPage<?> page = answering(FixtureServer.resource("bot-fields.json"), "konversation:botFields",
                KonversationPage.class);

        assertThat(page.meta()).as("the spec shows only data").isNull();
        try (FixtureServer vendor = FixtureServer.answering(200, FixtureServer.resource("bot-fields.json"));
             CamelContext camel = new DefaultCamelContext()) {
            KonversationConfiguration defaults = camel.getComponent("konversation", KonversationComponent.class)
                    .getConfiguration();
            defaults.setBaseUrl(vendor.baseUrl() + "/api");
            defaults.setApiKey("sample-key");
            camel.start();
            org.apache.camel.Exchange exchange = camel.createProducerTemplate().request("konversation:botFields",
                    e -> e.getMessage().setHeader(KonversationConstants.TOTAL, 99));
            assertThat(exchange.getMessage().getHeaders()).as("no numbers of an earlier page")
                    .doesNotContainKey(KonversationConstants.TOTAL);
        }
        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.data()).singleElement().isEqualTo(new KonversationField("opening_hours", "f999999v1", "text",
                "When we are open", "9-17", false, null));
    }

    @Test
    void theShopsShapes() throws Exception {
        KonversationCart cart = answering(FixtureServer.resource("cart.json"), "konversation:cart?userNs=f1u1",
                KonversationCart.class);
        assertThat(cart.items()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo(4L);
            assertThat(item.currency()).isEqualTo("aud");
            assertThat(item.comparePrice()).isNull();
            assertThat(item.subtotal()).isEqualByComparingTo("29.8");
        });
        assertThat(cart.createdAt()).isEqualTo(Instant.parse("2024-08-01T10:00:00Z"));

        KonversationProduct product = answering(FixtureServer.resource("product.json"),
                "konversation:product?productId=2", KonversationProduct.class);
        assertThat(product.variants()).singleElement().satisfies(variant -> {
            assertThat(variant.option1()).isEqualTo("Size");
            assertThat(variant.option1Value()).isEqualTo("250g");
            assertThat(variant.comparePrice()).isEqualByComparingTo("16.0");
        });

        KonversationPage<?> variants = answering(FixtureServer.resource("variants.json"),
                "konversation:productVariants?productId=2", KonversationPage.class);
        assertThat(variants.data()).singleElement().satisfies(v -> assertThat(((KonversationVariant) v).taxable())
                .as("1 is read as true").isTrue());

        KonversationOrder order = answering("{\"id\":7,\"num_of_items\":2,\"total_price\":29.8}",
                "konversation:order?orderId=7", KonversationOrder.class);
        assertThat(order.id()).isEqualTo(7L);
        assertThat(order.items()).isEmpty();

        KonversationResult ok = answering("{\"status\":\"ok\"}", "konversation:emptyCart?userNs=f1u1",
                KonversationResult.class);
        assertThat(ok.status()).isEqualTo("ok");
        assertThat(answering("{\"status\":\"ok\",\"message\":\"Done\",\"id\":5}", "konversation:emptyCart?userNs=f1u1",
                KonversationResult.class)).isEqualTo(new KonversationResult("ok", "Done", Map.of("id", 5)));
    }
}
