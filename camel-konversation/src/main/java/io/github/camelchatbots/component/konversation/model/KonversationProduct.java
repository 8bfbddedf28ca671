package io.github.camelchatbots.component.konversation.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A product of the shop's catalogue, with its variants as the product pages show them.
 *
 * @param tags  the product's tags, in whatever shape konversation sends them
 * @param other every further field (e.g. {@code product_type_id}), as konversation sent it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationProduct(Long id, String name, String description, String image, String type,
                                  String vendor, String status, Boolean useVariant, Boolean trackStock,
                                  Integer numOfVariants, Integer totalQty, List<Object> tags, List<Variant> variants,
                                  @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public KonversationProduct {
        tags = tags == null ? List.of() : List.copyOf(tags);
        variants = variants == null ? List.of() : List.copyOf(variants);
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /**
     * A variant as a product shows it (the spec's VariantJsonVarResource).
     *
     * @param id      what addToCart takes as variantId
     * @param name    the product's name with the variant's option values
     * @param option1 the first option's name, e.g. Size, with {@code option1Value} this variant's, e.g. 250g
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Variant(Long id, Long productId, String name, String desc, String image, BigDecimal price,
                          BigDecimal comparePrice, String sku, String barcode,
                          @JsonProperty("option_1") String option1,
                          @JsonProperty("option_1_value") String option1Value,
                          @JsonProperty("option_2") String option2,
                          @JsonProperty("option_2_value") String option2Value,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

        public Variant {
            other = other == null ? new LinkedHashMap<>() : other;
        }
    }
}
