package io.github.camelchatbots.simulator.konversation;

import io.github.camelchatbots.simulator.konversation.KonversationSimulation.CartItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bot's e-commerce side: the catalogue (products and their variants), one cart per subscriber and the orders paid
 * carts became. Not thread-safe: guarded by the {@link Bot}'s lock.
 */
final class Shop {

    static final String CURRENCY = "aud";
    static final List<String> ORDER_STATUSES =
            List.of("paid", "ordered", "processing", "shipped", "completed", "cancelled", "refunded");

    static final class Product {
        final int id;
        String name;
        String description;
        String image;
        String note;
        String status = "active";
        String type;
        String vendor;
        List<String> tags = List.of();
        boolean useVariant;
        boolean trackStock;
        boolean allowNoStockSell;
        String option1Name;
        String option2Name;
        final List<Variant> variants = new ArrayList<>();

        Product(int id, String name) {
            this.id = id;
            this.name = name;
        }

        int totalQty() {
            return variants.stream().mapToInt(variant -> variant.qty).sum();
        }
    }

    static final class Variant {
        final int id;
        final Product product;
        String option1Value;
        String option2Value;
        BigDecimal price;
        BigDecimal comparePrice;
        String sku;
        String barcode;
        String image;
        int qty;
        boolean taxable = true;
        int displayOrder;

        Variant(int id, Product product) {
            this.id = id;
            this.product = product;
        }

        /** The product's name, with the variant's option values when it has some. */
        String title() {
            String options = option2Value == null ? option1Value
                    : option1Value == null ? option2Value : option1Value + " / " + option2Value;
            return options == null ? product.name : product.name + " (" + options + ")";
        }
    }

    static final class Cart {
        final int id;
        final Instant createdAt;
        Instant updatedAt;
        /** Quantity by variant id, in the order the variants were first added. */
        final Map<Integer, Integer> quantities = new LinkedHashMap<>();

        Cart(int id, Instant createdAt) {
            this.id = id;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    static final class Order {
        final int id;
        final String userNs;
        final List<CartItem> items;
        final Instant createdAt;
        final String shippingMethod;
        final String paymentMethod;
        final String referenceNo;
        String status = "paid";
        Instant updatedAt;

        Order(int id, String userNs, List<CartItem> items, Instant createdAt, String shippingMethod,
                String paymentMethod, String referenceNo) {
            this.id = id;
            this.userNs = userNs;
            this.items = List.copyOf(items);
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            this.shippingMethod = shippingMethod;
            this.paymentMethod = paymentMethod;
            this.referenceNo = referenceNo;
        }

        int numOfItems() {
            return items.stream().mapToInt(CartItem::qty).sum();
        }

        BigDecimal totalPrice() {
            return items.stream().map(CartItem::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private final Map<Integer, Product> products = new LinkedHashMap<>();
    private final Map<Integer, Variant> variants = new HashMap<>();
    private final Map<String, Cart> carts = new HashMap<>();
    /** Oldest first; ids grow, so newest first is this list backwards. */
    private final List<Order> orders = new ArrayList<>();
    private final Map<Integer, Order> ordersById = new HashMap<>();
    private final Map<String, Integer> typeIds = new LinkedHashMap<>();
    private final Map<String, Integer> vendorIds = new LinkedHashMap<>();
    private int nextProduct;
    private int nextVariant;
    private int nextCart;
    private int nextOrder;

    Product addProduct(String name) {
        Product product = new Product(++nextProduct, name);
        products.put(product.id, product);
        return product;
    }

    Variant addVariant(Product product) {
        Variant variant = new Variant(++nextVariant, product);
        variant.displayOrder = product.variants.size() + 1;
        product.variants.add(variant);
        variants.put(variant.id, variant);
        return variant;
    }

    /** Products that are deleted disappear from carts too; orders keep what was bought. */
    void deleteProduct(Product product) {
        products.remove(product.id);
        for (Variant variant : product.variants) {
            variants.remove(variant.id);
            carts.values().forEach(cart -> cart.quantities.remove(variant.id));
        }
    }

    Optional<Product> product(int id) {
        return Optional.ofNullable(products.get(id));
    }

    Optional<Variant> variant(int id) {
        return Optional.ofNullable(variants.get(id));
    }

    /** Oldest first, as the platform lists them. */
    Iterable<Product> products() {
        return products.values();
    }

    /**
     * Gives the product's type and vendor their ids, for the list's id filters, if they are new: the workspace
     * numbers them in the order they are first named. Called whenever a product is created or changed.
     */
    void catalogue(Product product) {
        if (product.type != null) {
            typeIds.computeIfAbsent(product.type, t -> typeIds.size() + 1);
        }
        if (product.vendor != null) {
            vendorIds.computeIfAbsent(product.vendor, v -> vendorIds.size() + 1);
        }
    }

    Integer typeId(String type) {
        return type == null ? null : typeIds.get(type);
    }

    Integer vendorId(String vendor) {
        return vendor == null ? null : vendorIds.get(vendor);
    }

    Cart cart(String userNs, Instant now) {
        return carts.computeIfAbsent(userNs, ns -> new Cart(++nextCart, now));
    }

    Optional<Cart> existingCart(String userNs) {
        return Optional.ofNullable(carts.get(userNs));
    }

    void removeCart(String userNs) {
        carts.remove(userNs);
    }

    List<CartItem> items(Cart cart) {
        List<CartItem> items = new ArrayList<>();
        cart.quantities.forEach((variantId, qty) -> {
            Variant variant = variants.get(variantId);
            BigDecimal price = variant.price.setScale(2, RoundingMode.HALF_UP);
            items.add(new CartItem(variant.id, variant.product.id, variant.title(), variant.product.description,
                    variant.image != null ? variant.image : variant.product.image, price, variant.comparePrice,
                    CURRENCY, qty, price.multiply(BigDecimal.valueOf(qty))));
        });
        return items;
    }

    Order placeOrder(String userNs, List<CartItem> items, Instant now, String shippingMethod, String paymentMethod,
            String referenceNo) {
        Order order = new Order(++nextOrder, userNs, items, now, shippingMethod, paymentMethod, referenceNo);
        orders.add(order);
        ordersById.put(order.id, order);
        return order;
    }

    Optional<Order> order(int id) {
        return Optional.ofNullable(ordersById.get(id));
    }

    /** Newest first, without copying the list. */
    Iterable<Order> ordersNewestFirst() {
        return Page.backwards(orders);
    }

    void clear() {
        products.clear();
        variants.clear();
        carts.clear();
        orders.clear();
        ordersById.clear();
        typeIds.clear();
        vendorIds.clear();
        nextProduct = 0;
        nextVariant = 0;
        nextCart = 0;
        nextOrder = 0;
    }
}
