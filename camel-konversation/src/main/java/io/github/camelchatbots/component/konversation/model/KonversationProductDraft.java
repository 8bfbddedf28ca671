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
 * The request of {@code createProduct} and {@code updateProduct} (which takes only the descriptive fields). Without
 * variants the product gets one from {@code price}, {@code sku} and {@code qty}; with {@code useVariant} 1 each of
 * {@code variants} becomes one, its values named by {@code variant1Name} and {@code variant2Name}.
 *
 * @param status active or inactive
 * @param other  further fields, sent as they are
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KonversationProductDraft(String name, String description, String image, String note, String status,
                                       String type, String vendor, List<String> tags, Integer useVariant,
                                       BigDecimal price, BigDecimal comparePrice, String sku, String barcode,
                                       Integer trackStock, Integer allowNoStockSell, Integer qty,
                                       @JsonProperty("variant_1_name") String variant1Name,
                                       @JsonProperty("variant_2_name") String variant2Name,
                                       List<VariantDraft> variants,
                                       @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public KonversationProductDraft {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record VariantDraft(@JsonProperty("variant_1_value") String variant1Value,
                               @JsonProperty("variant_2_value") String variant2Value, BigDecimal price,
                               BigDecimal comparePrice, String sku, String barcode, String image, Integer qty) {
    }
}
