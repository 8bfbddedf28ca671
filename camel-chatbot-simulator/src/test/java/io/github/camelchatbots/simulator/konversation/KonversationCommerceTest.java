package io.github.camelchatbots.simulator.konversation;

import static io.github.camelchatbots.simulator.konversation.KonversationHttp.assertOk;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.badRequest;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.data;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.object;
import static io.github.camelchatbots.simulator.konversation.KonversationHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.konversation.KonversationSimulation.OrderView;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.ProductView;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Carts, cart to order, order status, and the shop's products, variants and orders. */
class KonversationCommerceTest extends KonversationApiTestSupport {

    private static final String DATETIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

    private String userNs;
    private ProductView beans;
    private ProductView mug;

    @BeforeEach
    void shop() {
        konversation.freezeTime();
        userNs = subscriber("Ann", 1);
        beans = konversation.newProduct("House Blend").description("Medium roast").type("Coffee")
                .vendor("Roastery").options("Size", null).variant("250g", "14.90").variant("1kg", "44.00").stock(50)
                .create();
        mug = konversation.newProduct("Mug").type("Merchandise").vendor("Clayworks").price("19.00").create();
    }

    private int variant(ProductView product, int index) {
        return product.variants().get(index).id();
    }

    @Test
    void theCartShowsWhatWasAdded() {
        assertOk(http.post("/subscriber/add-to-cart", "user_ns", userNs, "variant_id", variant(beans, 0), "qty", 2));
        assertOk(http.post("/subscriber/add-to-cart", "user_ns", userNs, "variant_id", variant(mug, 0)));
        assertOk(http.post("/subscriber/add-to-cart", "user_ns", userNs, "variant_id", variant(beans, 0), "qty", 1));

        JsonNode cart = data(http.get("/subscriber/cart?user_ns=" + userNs));

        assertThat(cart.fieldNames()).toIterable().containsExactly("id", "num_of_items", "total_price", "items",
                "created_at", "updated_at");
        assertThat(cart.get("num_of_items").asInt()).isEqualTo(4);
        assertThat(cart.get("total_price").decimalValue()).isEqualByComparingTo("63.70");
        assertThat(cart.get("items").get(0).toString()).isEqualTo("{\"id\":" + variant(beans, 0) + ",\"product_id\":"
                + beans.id() + ",\"name\":\"House Blend (250g)\",\"desc\":\"Medium roast\",\"image\":null,"
                + "\"price\":14.9,\"compare_price\":null,\"currency\":\"aud\",\"num\":3,\"subtotal\":44.7}");
        assertThat(cart.get("created_at").asText()).matches(DATETIME);
        assertThat(konversation.cart(userNs).totalPrice()).isEqualByComparingTo("63.70");
    }

    @Test
    void itemsAreRemovedAndTheCartEmptied() {
        konversation.addToCart(userNs, variant(beans, 0), 1);
        konversation.addToCart(userNs, variant(beans, 1), 1);

        assertOk(http.delete("/subscriber/remove-from-cart", "user_ns", userNs, "variant_id", variant(beans, 0)));
        assertThat(konversation.cart(userNs).items()).extracting(i -> i.variantId()).containsExactly(variant(beans,
                1));
        assertThat(badRequest(http.delete("/subscriber/remove-from-cart", "user_ns", userNs, "variant_id",
                variant(beans, 0)))).as("not in the cart").isEqualTo("The selected variant_id is invalid.");

        assertOk(http.delete("/subscriber/empty-cart", "user_ns", userNs));
        assertThat(data(http.get("/subscriber/cart?user_ns=" + userNs)).get("items")).isEmpty();
    }

    @Test
    void cartsAreChecked() {
        assertThat(badRequest(http.post("/subscriber/add-to-cart", "user_ns", userNs)))
                .isEqualTo("The variant_id field is required.");
        assertThat(badRequest(http.post("/subscriber/add-to-cart", "user_ns", userNs, "variant_id", 999)))
                .isEqualTo("The selected variant_id is invalid.");
        assertThat(badRequest(http.post("/subscriber/add-to-cart", "user_ns", userNs, "variant_id",
                variant(mug, 0), "qty", 0))).isEqualTo("The qty field must be between 1 and 10000.");
        assertThat(badRequest(http.post("/subscriber/add-to-cart", "variant_id", variant(mug, 0))))
                .isEqualTo("The user_ns field is required.");
        assertThat(badRequest(http.get("/subscriber/cart"))).isEqualTo("The user_ns field is required.");
    }

    @Test
    void aPaidCartBecomesAnOrderAndIsEmptied() {
        konversation.addToCart(userNs, variant(beans, 1), 1);
        konversation.addToCart(userNs, variant(mug, 0), 2);

        assertOk(http.post("/subscriber/cart-paid", "user_ns", userNs, "shipping_method", "delivery",
                "payment_method", "card", "reference_no", "ch_123", "address", "1 George St", "postcode", "2000"));

        assertThat(konversation.cart(userNs).items()).isEmpty();
        OrderView order = konversation.orders().get(0);
        assertThat(order.userNs()).isEqualTo(userNs);
        assertThat(order.status()).isEqualTo("paid");
        assertThat(order.numOfItems()).isEqualTo(3);
        assertThat(order.totalPrice()).isEqualByComparingTo("82.00");
        JsonNode json = data(http.get("/shop/orders/" + order.id() + "/get-info"));
        assertThat(json.fieldNames()).toIterable().containsExactly("id", "user_ns", "status", "num_of_items",
                "total_price", "items", "shipping_method", "payment_method", "reference_no", "created_at",
                "updated_at");
        assertThat(json.get("items")).hasSize(2);
        assertThat(json.get("payment_method").asText()).isEqualTo("card");
        assertThat(json.get("created_at").asText()).matches(DATETIME);
        assertThat(badRequest(http.post("/subscriber/cart-paid", "user_ns", userNs)))
                .isEqualTo("The cart of the user_ns is empty.");
        assertThat(badRequest(http.post("/subscriber/cart-paid", "user_ns", userNs, "shipping_method", "drone")))
                .isEqualTo("The selected shipping_method is invalid. It must be one of: pickup, delivery.");
    }

    @Test
    void ordersMoveThroughTheirStatuses() {
        konversation.addToCart(userNs, variant(mug, 0), 1);
        int orderId = konversation.payCart(userNs).id();
        String bo = subscriber("Bo", 2);
        konversation.advanceTime(Duration.ofHours(2));

        for (String status : List.of("ordered", "processing", "shipped", "completed", "cancelled", "refunded",
                "paid")) {
            assertOk(http.post("/subscriber/update-order-status", "user_ns", userNs, "order_id", orderId, "status",
                    status));
            assertThat(konversation.order(orderId).status()).isEqualTo(status);
        }

        assertThat(konversation.order(orderId).updatedAt()).isEqualTo(konversation.now());
        assertThat(badRequest(http.post("/subscriber/update-order-status", "user_ns", userNs, "order_id", orderId,
                "status", "lost"))).isEqualTo("The selected status is invalid. It must be one of: paid, ordered, "
                        + "processing, shipped, completed, cancelled, refunded.");
        assertThat(badRequest(http.post("/subscriber/update-order-status", "user_ns", bo, "order_id", orderId,
                "status", "paid"))).as("another subscriber's order").isEqualTo("The selected order_id is invalid.");
        assertThat(badRequest(http.post("/subscriber/update-order-status", "user_ns", userNs, "order_id", orderId)))
                .isEqualTo("The status field is required.");
    }

    @Test
    void ordersAreListedNewestFirst() {
        String bo = subscriber("Bo", 2);
        for (String user : List.of(userNs, bo, userNs)) {
            konversation.addToCart(user, variant(mug, 0), 1);
            konversation.payCart(user);
        }

        JsonNode all = ok(http.get("/shop/orders"));
        JsonNode ann = ok(http.get("/shop/orders?user_ns=" + userNs + "&limit=1"));

        assertThat(values(all, "id")).containsExactly("3", "2", "1");
        assertThat(values(ann, "id")).containsExactly("3");
        assertThat(ann.at("/meta/total").asInt()).isEqualTo(2);
        assertThat(ok(http.get("/shop/orders?status=shipped")).get("data")).isEmpty();
        assertThat(badRequest(http.get("/shop/orders?page=101")))
                .isEqualTo("The page field must be between 1 and 100.");
        HttpResponse<String> missing = http.get("/shop/orders/99/get-info");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"message\":\"No query results for model [Order] 99\"}");
    }

    @Test
    void productsAreListedFilteredAndShown() {
        JsonNode mugFirst = data(http.get("/shop/products/" + mug.id() + "/get-info"));
        assertThat(mugFirst.get("product_type_id").asInt()).as("numbered as first named, not as first read")
                .isEqualTo(2);
        JsonNode list = ok(http.get("/shop/products"));
        JsonNode coffee = ok(http.get("/shop/products?product_type_id=1"));
        JsonNode byVendor = ok(http.get("/shop/products?vendor_id=2&name=mu"));
        JsonNode product = data(http.get("/shop/products/" + beans.id() + "/get-info"));

        assertThat(values(list, "name")).containsExactly("House Blend", "Mug");
        assertThat(values(coffee, "name")).containsExactly("House Blend");
        assertThat(values(byVendor, "name")).containsExactly("Mug");
        assertThat(product.get("use_variant").asBoolean()).isTrue();
        assertThat(product.get("num_of_variants").asInt()).isEqualTo(2);
        assertThat(product.get("total_qty").asInt()).isEqualTo(100);
        assertThat(product.get("variants").get(1).toString()).isEqualTo("{\"id\":" + variant(beans, 1)
                + ",\"product_id\":" + beans.id() + ",\"name\":\"House Blend (1kg)\",\"desc\":\"Medium roast\","
                + "\"image\":null,\"price\":44.0,\"compare_price\":null,\"sku\":null,\"barcode\":null,"
                + "\"option_1\":\"Size\",\"option_1_value\":\"1kg\",\"option_2\":null,\"option_2_value\":null}");
        assertThat(http.get("/shop/products/99/get-info").statusCode()).isEqualTo(404);
        assertThat(http.get("/shop/products/abc/get-info").statusCode()).isEqualTo(404);
    }

    @Test
    void productsAreCreatedWithOrWithoutVariants() {
        JsonNode kit = data(http.post("/shop/products/create", "name", "Pour-over Kit", "type", "Equipment", "price",
                64, "sku", "KIT-1", "qty", 5, "track_stock", 1));
        JsonNode card = data(http.post("/shop/products/create", "name", "Gift Card", "use_variant", 1,
                "variant_1_name", "Amount", "variants", List.of(object("variant_1_value", "25", "price", "25.00"),
                        object("variant_1_value", "50", "price", 50, "compare_price", 55))));

        assertThat(kit.get("use_variant").asBoolean()).isFalse();
        assertThat(kit.get("variants")).singleElement().satisfies(v -> {
            assertThat(v.get("price").asDouble()).isEqualTo(64.0);
            assertThat(v.get("sku").asText()).isEqualTo("KIT-1");
        });
        assertThat(kit.get("total_qty").asInt()).isEqualTo(5);
        assertThat(card.get("variants")).extracting(v -> v.get("option_1_value").asText()).containsExactly("25", "50");
        assertThat(card.at("/variants/1/compare_price").asDouble()).isEqualTo(55.0);
        int cardId = card.get("id").asInt();
        JsonNode variants = ok(http.get("/shop/products/" + cardId + "/variants?limit=1&page=2"));
        assertThat(variants.get("data").get(0).fieldNames()).toIterable().containsExactly("id", "product_id", "image",
                "variant_1_value", "variant_2_value", "price", "compare_price", "sku", "barcode", "qty", "taxable",
                "track_stock", "allow_no_stock_sell", "display_order");
        assertThat(variants.at("/data/0/variant_1_value").asText()).isEqualTo("50");
        assertThat(variants.at("/meta/total").asInt()).isEqualTo(2);

        assertThat(badRequest(http.post("/shop/products/create", "price", 3))).isEqualTo("The name field is required.");
        assertThat(badRequest(http.post("/shop/products/create", "name", "X", "use_variant", 1)))
                .isEqualTo("The variants field is required.");
        assertThat(badRequest(http.post("/shop/products/create", "name", "X", "use_variant", 1, "variants",
                List.of(object("price", 1))))).isEqualTo("The variants.0.variant_1_value field is required.");
        assertThat(badRequest(http.post("/shop/products/create", "name", "X", "price", -1)))
                .isEqualTo("The price field must be a number of at least 0.");
        assertThat(badRequest(http.post("/shop/products/create", "name", "X", "status", "draft")))
                .isEqualTo("The selected status is invalid. It must be one of: active, inactive.");
    }

    @Test
    void productsAreUpdatedAndDeleted() {
        konversation.addToCart(userNs, variant(mug, 0), 1);
        konversation.addToCart(userNs, variant(beans, 0), 1);

        JsonNode updated = data(http.put("/shop/products/" + mug.id() + "/update", "name", "Big Mug", "status",
                "inactive", "tags", List.of("gift")));
        assertOk(http.delete("/shop/products/" + beans.id() + "/delete"));

        assertThat(updated.get("name").asText()).isEqualTo("Big Mug");
        assertThat(updated.get("status").asText()).isEqualTo("inactive");
        assertThat(updated.get("tags").toString()).isEqualTo("[\"gift\"]");
        assertThat(updated.get("type").asText()).as("left as it was").isEqualTo("Merchandise");
        assertThat(values(ok(http.get("/shop/products")), "name")).containsExactly("Big Mug");
        assertThat(konversation.cart(userNs).items()).as("gone from carts too").extracting(i -> i.name())
                .containsExactly("Big Mug");
        assertThat(http.delete("/shop/products/" + beans.id() + "/delete").statusCode()).isEqualTo(404);
        assertThat(konversation.cart(userNs).totalPrice()).isEqualByComparingTo(new BigDecimal("19.00"));
    }
}
