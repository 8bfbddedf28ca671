package io.github.camelchatbots.simulator.konversation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.http.Json;
import io.github.camelchatbots.simulator.http.Response;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.CartItem;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.ChatMessage;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.ErrorEnvelope;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.SubFlow;
import io.github.camelchatbots.simulator.konversation.KonversationSimulation.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The UChat platform's JSON shapes, as its OpenAPI spec names the fields. Field order follows the spec's schemas, so
 * the simulator's output can be compared with it by eye.
 */
final class KonversationJson {

    /** How the platform prints every datetime: UTC, to the second, with a space. */
    static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private KonversationJson() {
    }

    static String datetime(Instant instant) {
        return instant == null ? null : DATETIME.format(instant);
    }

    static ObjectNode ok() {
        return Json.object().put("status", "ok");
    }

    /** {@code {"status":"ok","data":{...}}}, as clients read it, or the bare object the spec shows. */
    static ObjectNode single(ObjectNode object, boolean bare) {
        if (bare) {
            return object;
        }
        ObjectNode body = ok();
        body.set("data", object);
        return body;
    }

    /** Laravel's paginator: {@code data}, {@code links} and {@code meta}; links carry only the page parameter. */
    static <T> ObjectNode page(Page<T> page, Function<T, ObjectNode> json, String path) {
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        page.items().forEach(item -> data.add(json.apply(item)));
        int last = page.lastPage();
        body.putObject("links")
                .put("first", path + "?page=1")
                .put("last", path + "?page=" + last)
                .put("prev", page.page() > 1 ? path + "?page=" + (page.page() - 1) : null)
                .put("next", page.page() < last ? path + "?page=" + (page.page() + 1) : null);
        body.putObject("meta")
                .put("current_page", page.page())
                .put("from", page.from())
                .put("last_page", last)
                .put("path", path)
                .put("per_page", page.perPage())
                .put("to", page.to())
                .put("total", page.total());
        return body;
    }

    /** Laravel's own shape for what the framework answers itself: 401, 429, 404 routes, server errors. */
    static Response message(int status, String message) {
        return Response.json(status, Json.object().put("message", message));
    }

    /** The API's refusals, in the envelope a test chose. */
    static Response error(ErrorEnvelope envelope, int status, String message) {
        return switch (envelope) {
            case MESSAGE -> message(status, message);
            case STATUS_ERROR -> Response.json(200, Json.object().put("status", "error").put("message", message));
            case ERROR -> Response.json(status, Json.object().put("error", message));
        };
    }

    static ObjectNode tag(Tag tag) {
        return Json.object().put("name", tag.name()).put("tag_ns", tag.tagNs());
    }

    static ObjectNode userField(FieldDefinition field) {
        return Json.object()
                .put("name", field.name)
                .put("var_ns", field.varNs)
                .put("var_type", field.type.wireName)
                .put("description", field.description)
                .put("value", field.value);
    }

    static ObjectNode botField(FieldDefinition field) {
        return userField(field).put("is_template_field", field.templateField);
    }

    static ObjectNode subFlow(SubFlow flow) {
        return Json.object().put("name", flow.name()).put("sub_flow_ns", flow.subFlowNs());
    }

    /** A BotUser, with the {@code channels}, {@code labels}, {@code status} and {@code created_at} seen in practice. */
    static ObjectNode subscriber(Subscriber s, Bot bot) {
        ObjectNode node = Json.object()
                .put("user_ns", s.userNs)
                .put("user_id", s.userId)
                .put("name", s.displayName())
                .put("first_name", s.firstName)
                .put("last_name", s.lastName)
                .put("phone", s.phone)
                .put("email", s.email)
                .put("gender", s.gender)
                .put("language", s.language)
                .put("locale", s.locale)
                .put("profile_pic", s.profilePic)
                .put("subscribed", datetime(s.subscribedAt))
                .put("last_interaction", datetime(s.lastInteraction))
                .put("last_seen", datetime(s.lastMessageAt))
                .put("last_message_at", datetime(s.lastMessageAt))
                .put("last_message_type", s.lastMessageType)
                .put("opted_in_email", datetime(s.optedInEmail))
                .put("opted_in_sms", datetime(s.optedInSms))
                .put("opted_in_through", s.optedInThrough);
        ArrayNode tags = node.putArray("tags");
        for (String tagNs : s.tagNs) {
            tags.add(tag(bot.tag(tagNs, "tag_ns")));
        }
        ArrayNode fields = node.putArray("user_fields");
        for (FieldDefinition field : bot.userFields()) {
            fields.addObject()
                    .put("name", field.name)
                    .put("var_ns", field.varNs)
                    .put("var_type", field.type.wireName)
                    .put("value", s.fieldValues.get(field.varNs));
        }
        node.putArray("channels").addObject()
                .put("type", s.channel)
                .put("user_id", s.userId)
                .put("channel_id", s.channelId);
        ArrayNode labels = node.putArray("labels");
        s.labelIds.forEach(id -> labels.addObject().put("id", id).put("name", bot.labelName(id)));
        return node.put("status", s.status).put("created_at", datetime(s.createdAt));
    }

    /** ts as unix seconds, as the spec says, or as the datetime text some responses carry. */
    static ObjectNode chatMessage(ChatMessage message, String userNs, boolean textTimestamp) {
        ObjectNode node = Json.object()
                .put("id", message.id())
                .put("type", message.type())
                .put("sender_id", userNs)
                .put("msg_type", message.msgType())
                .put("content", message.url() != null && message.content() == null ? message.url()
                        : message.content());
        node.putObject("payload").put("text", message.content()).put("url", message.url());
        if (textTimestamp) {
            node.put("ts", datetime(message.at()));
        } else {
            node.put("ts", message.at().getEpochSecond());
        }
        return node;
    }

    static ObjectNode cart(Shop.Cart cart, List<CartItem> items) {
        ObjectNode node = Json.object().put("id", cart.id);
        putItems(node, items);
        return node.put("created_at", datetime(cart.createdAt)).put("updated_at", datetime(cart.updatedAt));
    }

    static ObjectNode order(Shop.Order order) {
        ObjectNode node = Json.object()
                .put("id", order.id)
                .put("user_ns", order.userNs)
                .put("status", order.status);
        putItems(node, order.items);
        return node.put("shipping_method", order.shippingMethod)
                .put("payment_method", order.paymentMethod)
                .put("reference_no", order.referenceNo)
                .put("created_at", datetime(order.createdAt))
                .put("updated_at", datetime(order.updatedAt));
    }

    /** {@code num_of_items} and {@code total_price} first, then the items, as CartDetailResource orders them. */
    private static void putItems(ObjectNode node, List<CartItem> items) {
        node.put("num_of_items", items.stream().mapToInt(CartItem::qty).sum());
        node.put("total_price", money(items.stream().map(CartItem::subtotal).reduce(BigDecimal.ZERO,
                BigDecimal::add)));
        ArrayNode array = node.putArray("items");
        for (CartItem item : items) {
            array.addObject()
                    .put("id", item.variantId())
                    .put("product_id", item.productId())
                    .put("name", item.name())
                    .put("desc", item.desc())
                    .put("image", item.image())
                    .put("price", money(item.price()))
                    .put("compare_price", money(item.comparePrice()))
                    .put("currency", item.currency())
                    .put("num", item.qty())
                    .put("subtotal", money(item.subtotal()));
        }
    }

    static ObjectNode product(Shop.Product product, Shop shop) {
        ObjectNode node = Json.object()
                .put("id", product.id)
                .put("name", product.name)
                .put("description", product.description)
                .put("image", product.image)
                .put("type", product.type)
                .put("product_type_id", shop.typeId(product.type))
                .put("vendor", product.vendor)
                .put("vendor_id", shop.vendorId(product.vendor))
                .put("status", product.status)
                .put("use_variant", product.useVariant)
                .put("track_stock", product.trackStock)
                .put("num_of_variants", product.variants.size())
                .put("total_qty", product.totalQty());
        ArrayNode tags = node.putArray("tags");
        product.tags.forEach(tags::add);
        ArrayNode variants = node.putArray("variants");
        for (Shop.Variant variant : product.variants) {
            variants.addObject()
                    .put("id", variant.id)
                    .put("product_id", product.id)
                    .put("name", variant.title())
                    .put("desc", product.description)
                    .put("image", variant.image != null ? variant.image : product.image)
                    .put("price", money(variant.price))
                    .put("compare_price", money(variant.comparePrice))
                    .put("sku", variant.sku)
                    .put("barcode", variant.barcode)
                    .put("option_1", product.option1Name)
                    .put("option_1_value", variant.option1Value)
                    .put("option_2", product.option2Name)
                    .put("option_2_value", variant.option2Value);
        }
        return node;
    }

    static ObjectNode variant(Shop.Variant variant) {
        return Json.object()
                .put("id", variant.id)
                .put("product_id", variant.product.id)
                .put("image", variant.image)
                .put("variant_1_value", variant.option1Value)
                .put("variant_2_value", variant.option2Value)
                .put("price", money(variant.price))
                .put("compare_price", money(variant.comparePrice))
                .put("sku", variant.sku)
                .put("barcode", variant.barcode)
                .put("qty", variant.qty)
                .put("taxable", variant.taxable)
                .put("track_stock", variant.product.trackStock)
                .put("allow_no_stock_sell", variant.product.allowNoStockSell)
                .put("display_order", variant.displayOrder);
    }

    /** PHP's json_encode of a float: 19.9, 20.0; {@code null} stays null. */
    private static Double money(BigDecimal amount) {
        return amount == null ? null : amount.doubleValue();
    }
}
