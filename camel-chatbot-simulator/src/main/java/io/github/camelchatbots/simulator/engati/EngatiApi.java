package io.github.camelchatbots.simulator.engati;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.engati.Accounts.ApiKey;
import io.github.camelchatbots.simulator.engati.AudienceCsv.Audience;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.Broadcast;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.ConversationRequest;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.FlowTrigger;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.Message;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.PageOrder;
import io.github.camelchatbots.simulator.engati.EngatiSimulation.TemplateSend;
import io.github.camelchatbots.simulator.engati.InjectedFailures.Failure;
import io.github.camelchatbots.simulator.http.Json;
import io.github.camelchatbots.simulator.http.Request;
import io.github.camelchatbots.simulator.http.Response;
import io.github.camelchatbots.simulator.http.Router;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Engati's HTTP endpoints: users, conversations and API triggers under {@code /bot-api}, template and external
 * broadcast under {@code /whatsapp-api}, all below {@code /customer/{customerId}/bot/{botKey}}.
 *
 * <p>Problems with a {@code /bot-api} request's parameters answer HTTP 400; the {@code /whatsapp-api} routes answer
 * theirs inside an HTTP 200, as Engati documents for the broadcast and its clients expect of the template.
 */
final class EngatiApi {

    private static final int DEFAULT_PAGE_SIZE = 500;
    /** Engati documents no maximum; without one a client could ask for everything at once. */
    private static final int MAX_PAGE_SIZE = 1000;
    private static final String PHONE_ATTRIBUTE = "user.phone_no";

    private static final String BOT = "/customer/([^/]+)/bot/([^/]+)";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A route below {@code /customer/{customerId}/bot/{botKey}} once the key may use that bot. */
    @FunctionalInterface
    private interface BotRoute {
        Response handle(Request request, EngatiBot bot);
    }

    private final Accounts accounts;
    private final WireOptions options;
    private final InjectedFailures failures;
    private final ConversationFaults conversationFaults;
    private final RateLimit rateLimit;
    private final Activity activity;
    private final Clock clock;

    EngatiApi(Accounts accounts, WireOptions options, InjectedFailures failures, ConversationFaults conversationFaults,
            RateLimit rateLimit, Activity activity, Clock clock) {
        this.accounts = accounts;
        this.options = options;
        this.failures = failures;
        this.conversationFaults = conversationFaults;
        this.rateLimit = rateLimit;
        this.activity = activity;
        this.clock = clock;
    }

    Router router() {
        return new Router(EngatiJson::error)
                .get("/bot-api/v1\\.0" + BOT + "/users", guarded(this::users))
                .get("/bot-api/v1\\.0" + BOT + "/channel-user/([^/]+)/conversations", guarded(this::conversations))
                .post("/bot-api/v1\\.0" + BOT + "/flow/([^/]+)", guarded(this::triggerV1))
                .post("/bot-api/v2\\.0" + BOT + "/flow/([^/]+)", guarded(this::triggerV2))
                .post("/whatsapp-api/v1\\.0" + BOT + "/template", guarded(this::template))
                .post("/whatsapp-api/v1\\.0" + BOT + "/external/broadcast", guarded(this::broadcast));
    }

    /**
     * Rate limit first, so that refused requests use up budget too; then the key, its customer and its bot; then an
     * injected envelope failure, which stands for a failure behind a request Engati accepted.
     */
    private Router.Handler guarded(BotRoute route) {
        return request -> {
            Optional<Duration> wait = rateLimit.admit(clock.instant());
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                return EngatiJson.error(429, "rate limit of " + rateLimit.describe() + " exceeded")
                        .withHeader("Retry-After", Long.toString(seconds));
            }
            String key = basicKey(request.header("authorization"));
            if (key == null) {
                return EngatiJson.error(401, "the Authorization header must be 'Basic <API key>'");
            }
            ApiKey apiKey = accounts.apiKey(key);
            if (apiKey == null) {
                return EngatiJson.error(401, "the API key is unknown, revoked or regenerated");
            }
            String customerId = request.pathParam(0);
            if (!customerId.equals(Long.toString(apiKey.customerId()))) {
                return EngatiJson.error(403, "the API key does not belong to customer " + customerId);
            }
            String botKey = request.pathParam(1);
            EngatiBot bot = apiKey.botKeys().contains(botKey) ? accounts.bot(botKey) : null;
            if (bot == null) {
                return EngatiJson.envelope(200, EngatiStatus.BOT_NOT_FOUND,
                        "bot " + botKey + " not found for customer " + customerId, null);
            }
            Optional<Failure> failure = failures.claim(request.recorded().path());
            if (failure.isPresent()) {
                return EngatiJson.envelope(200, failure.get().status(), failure.get().message(), null);
            }
            try {
                return route.handle(request, bot);
            } catch (EngatiError e) {
                return EngatiJson.envelope(e.httpStatus(), e.status(), e.getMessage(), null);
            }
        };
    }

    /** The key of {@code Basic <key>}, taken as it is: Engati's keys are not base64 of anything. */
    private static String basicKey(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.trim().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("basic") ? parts[1].trim() : null;
    }

    private Response users(Request request, EngatiBot bot) {
        String attribute = required(request, "attribute_name");
        String value = required(request, "attribute_value");
        return EngatiJson.users(bot.usersWith(attribute, value), options);
    }

    private Response conversations(Request request, EngatiBot bot) {
        long start = epochMillis(request, "start_date", Long.MIN_VALUE);
        long end = epochMillis(request, "end_date", clock.millis());
        if (start > end) {
            throw EngatiError.badRequest("start_date must not be after end_date");
        }
        int pageSize = integer(request, "page_size", DEFAULT_PAGE_SIZE);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw EngatiError.badRequest("page_size must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        int firstPage = options.firstPageNumber;
        int pageNumber = integer(request, "page_number", firstPage);
        if (pageNumber < firstPage) {
            throw EngatiError.badRequest("page_number must be at least " + firstPage + ", was " + pageNumber);
        }
        String channelUserId = request.pathParam(2);
        ConversationFaults.Answer glitch = conversationFaults.claim(new ConversationRequest(bot.botKey(),
                channelUserId, start == Long.MIN_VALUE ? null : start, end, pageNumber, pageSize));
        long offset = (long) (pageNumber - firstPage) * pageSize;
        List<Message> page = new ArrayList<>(bot.page(channelUserId, start, end, offset, pageSize));
        if (options.pageOrder == PageOrder.NEWEST_FIRST) {
            Collections.reverse(page);
        }
        if (page.size() > glitch.maxItems()) {
            page = new ArrayList<>(page.subList(0, glitch.maxItems()));
        }
        if (glitch.shuffled()) {
            // seeded by the request, so that a failing test shows the same order when run again
            Collections.shuffle(page, new Random(31L * pageNumber + page.size()));
        }
        return EngatiJson.conversation(page, options);
    }

    /** v1 takes the attributes as query parameters and ignores any body. */
    private Response triggerV1(Request request, EngatiBot bot) {
        return runFlow(request, bot, 1, queryParams(request));
    }

    /** v2 takes them as a flat JSON object, dotted keys and all. */
    private Response triggerV2(Request request, EngatiBot bot) {
        JsonNode body = parse(request.body());
        if (body == null || !body.isObject()) {
            throw EngatiError.badRequest("the body must be a flat JSON object such as {\"" + PHONE_ATTRIBUTE
                    + "\":\"919876543210\"}");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw EngatiError.badRequest(field.getKey() + " must be a string, number or boolean: the body is a"
                        + " flat JSON object");
            }
            if (!value.isNull()) {
                attributes.put(field.getKey(), value.asText());
            }
        }
        return runFlow(request, bot, 2, attributes);
    }

    private Response runFlow(Request request, EngatiBot bot, int version, Map<String, String> given) {
        String flowKey = request.pathParam(2);
        if (!EngatiBot.FLOW_KEY.matcher(flowKey).matches()) {
            throw EngatiError.badRequest("flowKey must be 32 uppercase hexadecimal characters, was " + flowKey);
        }
        if (!bot.hasFlow(flowKey)) {
            throw new EngatiError(404, EngatiStatus.FAILURE, "flow " + flowKey + " not found in bot " + bot.botKey());
        }
        String phone = given.get(PHONE_ATTRIBUTE);
        if (phone == null || phone.isBlank()) {
            throw EngatiError.badRequest(PHONE_ATTRIBUTE + " is required: the user's phone number with country code");
        }
        String channelUserId = PhoneNumbers.digits(phone);
        if (channelUserId == null) {
            throw EngatiError.badRequest(PHONE_ATTRIBUTE + " must be a phone number with country code, was " + phone);
        }
        Map<String, String> attributes = new LinkedHashMap<>(given);
        attributes.remove(PHONE_ATTRIBUTE);
        Instant now = clock.instant();
        bot.runFlow(flowKey, channelUserId, attributes, now);
        activity.add(new FlowTrigger(bot.botKey(), version, flowKey, given, channelUserId, now));
        return EngatiJson.success(null);
    }

    private Response template(Request request, EngatiBot bot) {
        requireWhatsapp(bot);
        JsonNode body = parse(request.body());
        if (body == null || !body.isObject()) {
            throw EngatiError.inEnvelope(EngatiStatus.FAILURE,
                    "the body must be a JSON object with phoneNumber and payload");
        }
        String phone = textIgnoringCase(body, "phoneNumber");
        if (phone == null || phone.isBlank()) {
            throw EngatiError.inEnvelope(EngatiStatus.FAILURE, "phoneNumber is required");
        }
        if (PhoneNumbers.digits(phone) == null) {
            throw EngatiError.inEnvelope(EngatiStatus.FAILURE,
                    "phoneNumber must be a phone number with country code, was " + phone);
        }
        JsonNode payload = body.get("payload");
        if (payload == null || !payload.isObject()) {
            throw EngatiError.inEnvelope(EngatiStatus.FAILURE, "payload is required: the template's signature");
        }
        checkTemplate(payload, "payload");
        String messageId = "wamid." + HexFormat.of().withUpperCase().formatHex(randomBytes(24));
        activity.add(new TemplateSend(bot.botKey(), phone, payload.deepCopy(), messageId, clock.instant()));
        return EngatiJson.success(Json.object().put("message_id", messageId));
    }

    private Response broadcast(Request request, EngatiBot bot) {
        requireWhatsapp(bot);
        String name = request.queryParam("broadcast_id");
        if (name == null || name.isBlank()) {
            throw EngatiError.inEnvelope(EngatiStatus.FAILURE, "broadcast_id is required: the broadcast's name");
        }
        Map<String, Multipart.Part> parts;
        try {
            parts = Multipart.parse(request.header("content-type"), request.body());
        } catch (IllegalArgumentException e) {
            throw EngatiError.inEnvelope(EngatiStatus.FAILURE, e.getMessage());
        }
        Multipart.Part audienceFile = parts.get("target_audience");
        if (audienceFile == null) {
            throw EngatiError.inEnvelope(EngatiStatus.FAILURE, "target_audience is required: a CSV file part");
        }
        Multipart.Part templatePart = parts.get("template_payload");
        if (templatePart == null) {
            throw EngatiError.inEnvelope(EngatiStatus.FAILURE,
                    "template_payload is required: the template's signature as JSON");
        }
        long size = audienceFile.sizeInBytes();
        long maximum = options.maxAudienceFileBytes;
        if (size > maximum) {
            throw EngatiError.inEnvelope(EngatiStatus.FILE_UPLOAD_FAILED,
                    "target_audience is " + size + " bytes, more than the maximum of " + maximum);
        }
        Audience audience;
        try {
            audience = AudienceCsv.parse(audienceFile.content());
        } catch (IllegalArgumentException e) {
            throw EngatiError.inEnvelope(EngatiStatus.INVALID_FILE_FORMAT,
                    "target_audience is not a valid CSV file: " + e.getMessage());
        }
        JsonNode payload = parse(templatePart.content());
        if (payload == null || !payload.isObject()) {
            throw EngatiError.inEnvelope(EngatiStatus.FAILURE, "template_payload must be a JSON object");
        }
        checkTemplate(payload, "template_payload");
        activity.add(new Broadcast(bot.botKey(), name, audience.header(), audience.rows(), payload,
                clock.instant()));
        return EngatiJson.success(Json.object().put("broadcast_id", name));
    }

    /** Engati sends WhatsApp messages through the bot's 360dialog key; without one it answers 2004. */
    private static void requireWhatsapp(EngatiBot bot) {
        if (!bot.whatsappConfigured()) {
            throw EngatiError.inEnvelope(EngatiStatus.API_KEY_NOT_FOUND, "no WhatsApp (360dialog) API key is"
                    + " configured for bot " + bot.botKey());
        }
    }

    /** What WhatsApp needs to find the template: its name and language code. */
    private static void checkTemplate(JsonNode payload, String prefix) {
        JsonNode name = payload.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw EngatiError.inEnvelope(EngatiStatus.FAILURE, prefix + ".name is required");
        }
        JsonNode code = payload.path("language").get("code");
        if (code == null || !code.isTextual() || code.asText().isBlank()) {
            throw EngatiError.inEnvelope(EngatiStatus.FAILURE, prefix + ".language.code is required");
        }
    }

    /** Clients spell it {@code phoneNumber} and {@code phonenumber}. */
    private static String textIgnoringCase(JsonNode object, String name) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (field.equalsIgnoreCase(name) && object.get(field).isValueNode() && !object.get(field).isNull()) {
                return object.get(field).asText();
            }
        }
        return null;
    }

    private static String required(Request request, String name) {
        String value = request.queryParam(name);
        if (value == null || value.isEmpty()) {
            throw EngatiError.badRequest(name + " is required");
        }
        return value;
    }

    /** A blank value counts as absent, as Engati documents for the dates. */
    private static long epochMillis(Request request, String name, long defaultValue) {
        String raw = request.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw EngatiError.badRequest(name + " must be a UTC time in epoch milliseconds, was '" + raw + "'");
        }
    }

    private static int integer(Request request, String name, int defaultValue) {
        String raw = request.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw EngatiError.badRequest(name + " must be an integer, was '" + raw + "'");
        }
    }

    /** Every query parameter by its decoded name, in the order sent; the first value wins. */
    private static Map<String, String> queryParams(Request request) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : request.recorded().query().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            params.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
