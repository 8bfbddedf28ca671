package io.github.camelchatbots.component.engati.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A WhatsApp template message's payload as Engati takes it (the {@code payload} of a template send, the
 * {@code template_payload} of a broadcast, which the portal's "Generate cURL" shows for an approved template).
 *
 * @param name       the approved template's name
 * @param language   its language, e.g. {@code {"code":"en_US","policy":"deterministic"}}; text such as
 *                   {@code "en_US"} reads as that code with the deterministic policy
 * @param namespace  the template's WhatsApp namespace; optional
 * @param components the parameters of its header, body and buttons; null for a template without parameters
 * @param other      every further field, sent as given
 */
public record EngatiTemplate(String name, Language language, String namespace, List<Component> components,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public EngatiTemplate {
        components = components == null ? null : List.copyOf(components);
        other = VendorFields.kept(other);
    }

    /** A template without parameters. */
    public static EngatiTemplate of(String name, String languageCode) {
        return new EngatiTemplate(name, Language.of(languageCode), null, null, null);
    }

    public EngatiTemplate withName(String name) {
        return new EngatiTemplate(name, language, namespace, components, other);
    }

    public EngatiTemplate withLanguage(String code) {
        return new EngatiTemplate(name, Language.of(code), namespace, components, other);
    }

    public EngatiTemplate withNamespace(String namespace) {
        return new EngatiTemplate(name, language, namespace, components, other);
    }

    public EngatiTemplate withComponents(List<Component> components) {
        return new EngatiTemplate(name, language, namespace, components, other);
    }

    /**
     * @param policy WhatsApp's language policy; {@code deterministic} is the one it knows
     */
    public record Language(String code, String policy) {

        public static final String DETERMINISTIC = "deterministic";

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Language {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Language of(String code) {
            return new Language(code, DETERMINISTIC);
        }
    }

    /**
     * One component of the template: {@code {"type":"body","parameters":[{"type":"text","text":"John"}]}}, or a
     * button's, with {@code sub_type} and {@code index}.
     *
     * @param type       {@code header}, {@code body} or {@code button}
     * @param subType    a button's kind, e.g. {@code quick_reply} or {@code url}
     * @param index      a button's position, from 0
     * @param parameters the values, each as WhatsApp takes it ({@code {"type":"text","text":"..."}},
     *                   {@code {"type":"image","image":{"link":"..."}}}, {@code {"type":"payload","payload":"..."}})
     */
    public record Component(String type, @JsonProperty("sub_type") @JsonAlias("subType") String subType,
                            Integer index, List<Map<String, Object>> parameters,
                            @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

        public Component {
            parameters = parameters == null ? null : List.copyOf(parameters);
            other = VendorFields.kept(other);
        }

        /** A body whose placeholders {@code {{1}}}, {@code {{2}}}, ... take these texts. */
        public static Component body(String... texts) {
            return new Component("body", null, null, java.util.Arrays.stream(texts)
                    .<Map<String, Object>>map(text -> Map.of("type", "text", "text", text)).toList(), null);
        }
    }
}
