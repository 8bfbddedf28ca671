package io.github.camelchatbots.component.konversation.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A product variant as {@code productVariants} lists it (the spec's Variant).
 *
 * @param id            what addToCart takes as variantId
 * @param variant1Value the value of the product's first option, e.g. 250g
 * @param qty           in stock
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationVariant(Long id, Long productId, String image,
                                  @JsonProperty("variant_1_value") String variant1Value,
                                  @JsonProperty("variant_2_value") String variant2Value,
                                  BigDecimal price, BigDecimal comparePrice, String sku, String barcode, Integer qty,
                                  Boolean taxable, Boolean trackStock, Boolean allowNoStockSell, Integer displayOrder,
                                  @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public KonversationVariant {
        other = other == null ? new LinkedHashMap<>() : other;
    }
}
