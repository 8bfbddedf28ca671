package io.github.camelchatbots.component.engati;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelchatbots.component.engati.client.AudienceCsv;
import io.github.camelchatbots.component.engati.client.AudienceFile;
import io.github.camelchatbots.component.engati.client.EngatiClient;
import io.github.camelchatbots.component.engati.client.EngatiIds;
import io.github.camelchatbots.component.engati.model.EngatiTemplate;
import io.github.camelchatbots.component.engati.model.EngatiTemplateMessage;
import io.github.camelchatbots.component.engati.model.EngatiTemplateResult;
import io.github.camelchatbots.support.Texts;
import io.github.camelchatbots.support.json.ChatbotJson;
import io.github.camelchatbots.support.producer.ChatbotProducer;
import io.github.camelchatbots.support.producer.ExchangeValues;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Makes the endpoint's Engati call once per exchange; a write takes its request from the body. */
public class EngatiProducer extends ChatbotProducer<EngatiEndpoint> {

    private static final String VENDOR = EngatiIds.VENDOR;

    public EngatiProducer(EngatiEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected Object call(ExchangeValues values) {
        EngatiConfiguration configuration = getEndpoint().getConfiguration();
        EngatiClient client = getEndpoint().getClient();
        return switch (getEndpoint().getOperation()) {
            case users -> client.users(
                    values.requiredText("attributeName", EngatiConstants.ATTRIBUTE_NAME, "attributeName",
                            configuration.getAttributeName()),
                    values.requiredText("attributeValue", EngatiConstants.ATTRIBUTE_VALUE, "attributeValue",
                            configuration.getAttributeValue()));
            case conversations -> conversations(values, configuration, client);
            case triggerFlow -> triggerFlow(values, configuration, client);
            case sendTemplate -> sendTemplate(values, configuration, client);
            case broadcast -> client.broadcast(
                    values.requiredText("broadcastId", EngatiConstants.BROADCAST_ID, null,
                            configuration.getBroadcastId()),
                    template(values, configuration, headerTemplate(values)), audience(values));
        };
    }

    private Object conversations(ExchangeValues values, EngatiConfiguration configuration, EngatiClient client) {
        // a user record in the body names the user in Engati's own spelling
        String channelUserId = values.requiredText("channelUserId", EngatiConstants.CHANNEL_USER_ID, "channelUserId",
                values.text(EngatiConstants.CHANNEL_USER_ID, "channel_user_id", configuration.getChannelUserId()));
        EngatiIds.channelUserId(source(values, EngatiConstants.CHANNEL_USER_ID, "channelUserId"), channelUserId);
        Instant start = instant(values, EngatiConstants.START_DATE, "startDate", getEndpoint().startDate());
        Instant end = instant(values, EngatiConstants.END_DATE, "endDate", getEndpoint().endDate());
        Integer pageNumber = values.integer("pageNumber", EngatiConstants.PAGE_NUMBER, "pageNumber",
                configuration.getPageNumber(), configuration.getFirstPageNumber());
        Integer pageSize = values.integer("pageSize", EngatiConstants.PAGE_SIZE, "pageSize",
                configuration.getPageSize(), 1);
        return client.conversations(channelUserId, start, end, pageNumber, pageSize);
    }

    /** Header, then body field, then the option parsed at route start. */
    private static Instant instant(ExchangeValues values, String header, String bodyField, Instant configured) {
        Object fromHeader = values.header(header, Object.class);
        if (fromHeader != null && !(fromHeader instanceof String text && text.isBlank())) {
            return EngatiInstants.parse("header " + header, fromHeader);
        }
        JsonNode body = values.bodyObject();
        JsonNode field = body == null ? null : body.get(bodyField);
        if (field != null && !field.isNull()) {
            return EngatiInstants.parse("body field '" + bodyField + "'", field.isNumber() ? field.longValue()
                    : field.asText());
        }
        return configured;
    }

    /**
     * The body is the trigger's attributes as given; header CamelEngatiPhoneNumber, else the body's user.phone_no,
     * else the phoneNumber option names the user.
     */
    private Object triggerFlow(ExchangeValues values, EngatiConfiguration configuration, EngatiClient client) {
        String flowKey = values.requiredText("flowKey", EngatiConstants.FLOW_KEY, null, configuration.getFlowKey());
        EngatiIds.flowKey(source(values, EngatiConstants.FLOW_KEY, "option flowKey"), flowKey);
        Map<String, Object> attributes = new LinkedHashMap<>();
        JsonNode body = requestBody(values, "its attributes, as a Map or a JSON object such as"
                                            + " {\"user.phone_no\":\"919876543210\",\"user.channel\":\"whatsapp\"}");
        if (body != null) {
            body.fields().forEachRemaining(field -> attributes.put(field.getKey(), field.getValue()));
        }
        String phone = values.header(EngatiConstants.PHONE_NUMBER, String.class);
        if (phone != null && !phone.isBlank()) {
            attributes.put(EngatiClient.PHONE_ATTRIBUTE,
                    EngatiIds.phoneNumber("header " + EngatiConstants.PHONE_NUMBER, phone));
        } else if (!attributes.containsKey(EngatiClient.PHONE_ATTRIBUTE) && configuration.getPhoneNumber() != null) {
            attributes.put(EngatiClient.PHONE_ATTRIBUTE, configuration.getPhoneNumber().trim());
        }
        return client.triggerFlow(flowKey, attributes, "v1".equals(configuration.getApiVersion()));
    }

    /**
     * The body is an {@link EngatiTemplateMessage} (phone number and template), or the template alone (an
     * {@link EngatiTemplate}, or a Map or JSON with its language or components); either as the record, a Map or JSON.
     * Any other object in the body, such as a user found before, only gives its phoneNumber, if it has one.
     */
    private Object sendTemplate(ExchangeValues values, EngatiConfiguration configuration, EngatiClient client) {
        JsonNode body = requestBody(values, "an EngatiTemplateMessage (phoneNumber and payload), an EngatiTemplate,"
                                            + " a Map or a JSON object of either");
        EngatiTemplateMessage message = null;
        EngatiTemplate bodyTemplate = null;
        if (body != null) {
            message = values.bodyAs(EngatiTemplateMessage.class);
            // a record of another kind (a user the route found) has a name too, but no language
            boolean isTemplate = values.message().getBody() instanceof EngatiTemplate
                                 || message.payload() == null && (body.has("language") || body.has("components"));
            bodyTemplate = isTemplate ? values.bodyAs(EngatiTemplate.class) : message.payload();
        }
        EngatiTemplate template = headerTemplate(values);
        String phone = values.header(EngatiConstants.PHONE_NUMBER, String.class);
        String source = "header " + EngatiConstants.PHONE_NUMBER;
        if (phone == null || phone.isBlank()) {
            phone = message == null ? null : message.phoneNumber();
            source = "the body's phoneNumber";
        }
        if (phone == null || phone.isBlank()) {
            phone = configuration.getPhoneNumber();
            source = "option phoneNumber";
        }
        if (phone == null || phone.isBlank()) {
            throw new IllegalArgumentException(VENDOR + ": engati:sendTemplate needs phoneNumber: set the "
                                               + EngatiConstants.PHONE_NUMBER + " header, a 'phoneNumber' field in the"
                                               + " body or the phoneNumber option");
        }
        EngatiTemplateResult result = client.sendTemplate(EngatiIds.phoneNumber(source, phone),
                template(values, configuration, template != null ? template : bodyTemplate));
        values.message().setHeader(EngatiConstants.MESSAGE_ID, result.messageId());
        return result;
    }

    /** The template of header CamelEngatiTemplate: an EngatiTemplate, a Map, a JsonNode or JSON text. */
    private static EngatiTemplate headerTemplate(ExchangeValues values) {
        Object given = values.header(EngatiConstants.TEMPLATE, Object.class);
        if (given == null || given instanceof EngatiTemplate) {
            return (EngatiTemplate) given;
        }
        try {
            JsonNode tree = given instanceof CharSequence text ? ChatbotJson.mapper().readTree(text.toString())
                    : ChatbotJson.mapper().valueToTree(given);
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException(VENDOR + ": header " + EngatiConstants.TEMPLATE + " must be a"
                                                   + " template (an EngatiTemplate, a Map or a JSON object), not "
                                                   + Texts.quote(given));
            }
            return ChatbotJson.mapper().treeToValue(tree, EngatiTemplate.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            if (e instanceof IllegalArgumentException own && own.getMessage().startsWith(VENDOR)) {
                throw own;
            }
            throw new IllegalArgumentException(VENDOR + ": header " + EngatiConstants.TEMPLATE + " is not a template"
                                               + " (an EngatiTemplate, a Map or a JSON object): "
                                               + Texts.quote(given), e);
        }
    }

    /** Name, language and namespace: each from its header, else the template's own, else the option. */
    private static EngatiTemplate template(ExchangeValues values, EngatiConfiguration configuration,
                                           EngatiTemplate given) {
        EngatiTemplate template = given != null ? given : new EngatiTemplate(null, null, null, null, null);
        String name = values.header(EngatiConstants.TEMPLATE_NAME, String.class);
        if (present(name)) {
            template = template.withName(name);
        } else if (!present(template.name()) && present(configuration.getTemplateName())) {
            template = template.withName(configuration.getTemplateName());
        }
        String language = values.header(EngatiConstants.TEMPLATE_LANGUAGE, String.class);
        boolean hasLanguage = template.language() != null && present(template.language().code());
        if (present(language)) {
            template = template.withLanguage(language);
        } else if (!hasLanguage && present(configuration.getTemplateLanguage())) {
            template = template.withLanguage(configuration.getTemplateLanguage());
        }
        String namespace = values.header(EngatiConstants.TEMPLATE_NAMESPACE, String.class);
        if (present(namespace)) {
            template = template.withNamespace(namespace);
        } else if (!present(template.namespace()) && present(configuration.getTemplateNamespace())) {
            template = template.withNamespace(configuration.getTemplateNamespace());
        }
        return template;
    }

    /**
     * The recipients: CSV text or bytes, a file, or a collection of rows that is written as CSV (see
     * {@link AudienceCsv}).
     */
    private static AudienceFile audience(ExchangeValues values) {
        Message message = values.message();
        Object body = message.getBody();
        if (body == null) {
            throw new IllegalArgumentException(VENDOR + ": engati:broadcast needs the recipients as the body: CSV text,"
                                               + " a file, or a list of rows");
        }
        if (body instanceof Collection<?> rows) {
            return AudienceFile.ofText(AudienceCsv.write(rows));
        }
        if (body instanceof Object[] rows) {
            return AudienceFile.ofText(AudienceCsv.write(java.util.Arrays.asList(rows)));
        }
        Path file = body instanceof Path path ? path : body instanceof File given ? given.toPath() : null;
        if (file != null) {
            try {
                return new AudienceFile(file.getFileName().toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(VENDOR + ": the recipients file " + file + " cannot be read", e);
            }
        }
        byte[] content = message.getBody(byte[].class);
        if (content == null) {
            throw new IllegalArgumentException(VENDOR + ": engati:broadcast cannot read the recipients from a body of "
                                               + body.getClass().getSimpleName() + "; send CSV text, a file, or a list"
                                               + " of rows");
        }
        // a file from the file component names itself in a header
        return new AudienceFile(message.getHeader(Exchange.FILE_NAME_ONLY, String.class), content);
    }

    /**
     * The body as a JSON object, null when there is none; a body that is something else (text, a list) is an error
     * rather than silently left out.
     */
    private JsonNode requestBody(ExchangeValues values, String expected) {
        JsonNode body = values.bodyObject();
        Object raw = values.message().getBody();
        if (body == null && raw != null && !(raw instanceof CharSequence text && text.toString().isBlank())) {
            throw new IllegalArgumentException(VENDOR + ": " + getEndpoint().getOperationUri() + " takes " + expected
                                               + " as the body, not " + (raw instanceof CharSequence
                                                       ? "text that is no JSON object"
                                                       : "a body of " + raw.getClass().getSimpleName()));
        }
        return body;
    }

    private static String source(ExchangeValues values, String header, String option) {
        String fromHeader = values.header(header, String.class);
        return fromHeader != null && !fromHeader.isBlank() ? "header " + header : option;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
