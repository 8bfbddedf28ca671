package io.github.camelchatbots.component.konversation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.konversation.model.KonversationCart;
import io.github.camelchatbots.component.konversation.model.KonversationCartChange;
import io.github.camelchatbots.component.konversation.model.KonversationCheckout;
import io.github.camelchatbots.component.konversation.model.KonversationOrder;
import io.github.camelchatbots.component.konversation.model.KonversationOrderStatus;
import io.github.camelchatbots.component.konversation.model.KonversationPage;
import io.github.camelchatbots.component.konversation.model.KonversationProduct;
import io.github.camelchatbots.component.konversation.model.KonversationProductDraft;
import io.github.camelchatbots.component.konversation.model.KonversationVariant;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.OrderView;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.ProductView;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Carts, checkout and orders of a subscriber, and the shop's catalogue. */
class KonversationCommerceTest extends KonversationTestSupport {

    @Test
    void aCartIsFilledEmptiedPaidAndItsOrderMovesOn() throws Exception {
        ProductView beans = konversation().newProduct("House Blend").options("Size", null).variant("250g", "14.90")
                .variant("1kg", "44.00").create();
        int small = beans.variants().get(0).id();
        int large = beans.variants().get(1).id();
        String ann = subscriber("Ann", 1);
        Map<String, Object> annHeader = Map.of(KonversationConstants.USER_NS, ann);

        call("konversation:addToCart?qty=2", null, Map.of(KonversationConstants.USER_NS, ann,
                KonversationConstants.VARIANT_ID, small));
        assertThat(sent("POST", "/subscriber/add-to-cart")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"variant_id\":" + small + ",\"qty\":2}"));
        call("konversation:addToCart", new KonversationCartChange(ann, large, null), Map.of());
        KonversationCart cart = body("konversation:cart", null, annHeader, KonversationCart.class);
        sent("GET", "/subscriber/cart");
        assertThat(cart.numOfItems()).isEqualTo(3);
        assertThat(cart.totalPrice()).isEqualByComparingTo("73.80");
        assertThat(cart.items()).extracting(item -> item.id()).containsExactly((long) small, (long) large);
        assertThat(cart.items().get(0).subtotal()).isEqualByComparingTo("29.80");
        assertThat(cart.items().get(0).num()).isEqualTo(2);

        call("konversation:removeFromCart?variantId=" + large, null, annHeader);
        assertThat(sent("DELETE", "/subscriber/remove-from-cart")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"variant_id\":" + large + "}"));
        assertThat(konversation().cart(ann).items()).hasSize(1);
        call("konversation:emptyCart", null, annHeader);
        assertThat(sent("DELETE", "/subscriber/empty-cart")).isEqualTo(json("{\"user_ns\":\"" + ann + "\"}"));
        assertThat(konversation().cart(ann).items()).isEmpty();

        konversation().addToCart(ann, small, 1);
        call("konversation:cartPaid?shippingMethod=delivery&paymentMethod=card",
                new KonversationCheckout(ann, null, null, "R-1", null, null, null, null, "1 Main St", null, null,
                        "2000", "AU", null, Map.of("gift_wrap", "yes")), Map.of());
        assertThat(sent("POST", "/subscriber/cart-paid")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"shipping_method\":\"delivery\",\"payment_method\":\"card\",\"reference_no\":\"R-1\","
                + "\"address\":\"1 Main St\",\"postcode\":\"2000\",\"country\":\"AU\",\"gift_wrap\":\"yes\"}"));
        OrderView paid = konversation().orders().get(0);
        assertThat(paid.status()).isEqualTo("paid");

        call("konversation:updateOrderStatus", new KonversationOrderStatus(ann, paid.id(), "shipped"), Map.of());
        assertThat(sent("POST", "/subscriber/update-order-status")).isEqualTo(json("{\"user_ns\":\"" + ann
                + "\",\"order_id\":" + paid.id() + ",\"status\":\"shipped\"}"));

        KonversationOrder order = body("konversation:order", null, Map.of(KonversationConstants.ORDER_ID, paid.id()),
                KonversationOrder.class);
        sent("GET", "/shop/orders/" + paid.id() + "/get-info");
        assertThat(order.status()).isEqualTo("shipped");
        assertThat(order.userNs()).isEqualTo(ann);
        assertThat(order.totalPrice()).isEqualByComparingTo("14.90");
        assertThat(order.shippingMethod()).isEqualTo("delivery");
        assertThat(order.items()).singleElement().satisfies(item -> assertThat(item.name()).contains("House Blend"));
        assertThat(order.createdAt()).isNotNull();
    }

    @Test
    void ordersArePagedAndFilteredBySubscriberAndStatus() {
        ProductView mug = konversation().newProduct("Mug").price("19.00").create();
        String ann = subscriber("Ann", 1);
        String bob = subscriber("Bob", 2);
        for (String who : List.of(ann, bob, ann)) {
            konversation().addToCart(who, mug.variants().get(0).id(), 1);
            konversation().payCart(who);
        }

        KonversationPage<?> page = body("konversation:orders?limit=2", null, Map.of(), KonversationPage.class);
        assertThat(page.data()).hasSize(2);
        assertThat(page.meta().total()).isEqualTo(3);
        KonversationPage<?> anns = body("konversation:orders?orderStatus=paid", null,
                Map.of(KonversationConstants.USER_NS, ann), KonversationPage.class);
        assertThat(lastRequest().query()).isEqualTo("user_ns=" + ann + "&status=paid");
        assertThat(anns.data()).extracting(o -> ((KonversationOrder) o).userNs()).containsOnly(ann).hasSize(2);

        KonversationEndpoint endpoint = context.getEndpoint("konversation:orders", KonversationEndpoint.class);
        endpoint.start();
        try {
            KonversationPage<KonversationOrder> typed = endpoint.getClient().orders(2, 2, null, null);
            assertThat(typed.data()).hasSize(1);
            assertThat(typed.meta().currentPage()).isEqualTo(2);
        } finally {
            endpoint.stop();
        }
    }

    @Test
    void productsAreCreatedListedReadUpdatedAndDeletedWithTheirVariants() throws Exception {
        Exchange created = call("konversation:createProduct", new KonversationProductDraft("Pour-over Kit",
                "Dripper and filters", null, null, "active", "Equipment", "Brewline", List.of("gift"), 1, null, null,
                null, null, 1, 0, null, "Colour", null, List.of(
                        new KonversationProductDraft.VariantDraft("White", null, new BigDecimal("64.00"), null,
                                "PK-W", null, null, 5),
                        new KonversationProductDraft.VariantDraft("Black", null, new BigDecimal("66.00"), null,
                                "PK-B", null, null, 2)), null), Map.of());
        assertThat(sent("POST", "/shop/products/create")).isEqualTo(json("{\"name\":\"Pour-over Kit\","
                + "\"description\":\"Dripper and filters\",\"status\":\"active\",\"type\":\"Equipment\","
                + "\"vendor\":\"Brewline\",\"tags\":[\"gift\"],\"use_variant\":1,\"track_stock\":1,"
                + "\"allow_no_stock_sell\":0,\"variant_1_name\":\"Colour\",\"variants\":[{\"variant_1_value\":\"White\","
                + "\"price\":64,\"sku\":\"PK-W\",\"qty\":5},{\"variant_1_value\":\"Black\",\"price\":66,"
                + "\"sku\":\"PK-B\",\"qty\":2}]}"));
        KonversationProduct kit = created.getMessage().getBody(KonversationProduct.class);
        int kitId = created.getMessage().getHeader(KonversationConstants.PRODUCT_ID, Integer.class);
        assertThat(kit.id()).isEqualTo((long) kitId);
        assertThat(kit.variants()).extracting(KonversationProduct.Variant::option1Value).containsExactly("White",
                "Black");
        assertThat(kit.variants().get(0).option1()).isEqualTo("Colour");
        assertThat(kit.numOfVariants()).isEqualTo(2);
        konversation().newProduct("Gift Card").type("Gift card").price("25.00").create();

        KonversationPage<?> listed = body("konversation:products?search=kit", null, Map.of(), KonversationPage.class);
        assertThat(listed.data()).extracting(p -> ((KonversationProduct) p).name()).containsExactly("Pour-over Kit");
        Object typeId = kit.other().get("product_type_id");
        KonversationPage<?> byType = body("konversation:products?productTypeId=" + typeId, null, Map.of(),
                KonversationPage.class);
        assertThat(byType.data()).hasSize(1);
        assertThat(lastRequest().query()).isEqualTo("product_type_id=" + typeId);

        KonversationProduct read = body("konversation:product?productId=" + kitId, null, Map.of(),
                KonversationProduct.class);
        sent("GET", "/shop/products/" + kitId + "/get-info");
        assertThat(read.trackStock()).isTrue();
        assertThat(read.totalQty()).isEqualTo(7);

        KonversationPage<?> variants = body("konversation:productVariants?limit=1", null,
                Map.of(KonversationConstants.PRODUCT_ID, kitId), KonversationPage.class);
        sent("GET", "/shop/products/" + kitId + "/variants");
        assertThat(variants.data()).singleElement().satisfies(v -> {
            KonversationVariant variant = (KonversationVariant) v;
            assertThat(variant.variant1Value()).isEqualTo("White");
            assertThat(variant.price()).isEqualByComparingTo("64.00");
            assertThat(variant.qty()).isEqualTo(5);
            assertThat(variant.productId()).isEqualTo((long) kitId);
        });
        assertThat(variants.meta().lastPage()).isEqualTo(2);

        KonversationProduct updated = body("konversation:updateProduct?productId=" + kitId,
                Map.of("description", "Dripper, 100 filters and a server", "status", "inactive"), Map.of(),
                KonversationProduct.class);
        assertThat(sent("PUT", "/shop/products/" + kitId + "/update")).isEqualTo(json("{\"description\":"
                + "\"Dripper, 100 filters and a server\",\"status\":\"inactive\"}"));
        assertThat(updated.status()).isEqualTo("inactive");

        call("konversation:deleteProduct", null, Map.of(KonversationConstants.PRODUCT_ID, kitId));
        assertThat(sent("DELETE", "/shop/products/" + kitId + "/delete")).isEqualTo(json("{}"));
        KonversationPage<?> left = body("konversation:products", null, Map.of(), KonversationPage.class);
        assertThat(left.data()).extracting(p -> ((KonversationProduct) p).name()).containsExactly("Gift Card");
    }
}
