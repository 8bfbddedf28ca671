package io.github.camelchatbots.simulator.chatbotcom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.chatbotcom.QueryRequest.Kind;
import io.github.camelchatbots.simulator.http.Json;
import io.github.camelchatbots.simulator.http.Request;
import io.github.camelchatbots.simulator.http.Response;
import io.github.camelchatbots.simulator.http.Router;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ChatBot.com's HTTP endpoints: users and segments, chat with bot, chat archives and stories. */
final class ChatbotcomApi {

    private static final int CHATS_PER_PAGE = 40;
    private static final Pattern FILTER_PARAM = Pattern.compile("filters\\[(\\d+)]\\[(\\w+)]");
    private static final Set<String> FILTER_FIELDS = Set.of("attribute", "operator", "value");

    private final ChatbotcomPlatform platform;
    private final ChatListFaults chatListFaults;
    private final Set<String> accessTokens;
    private final RateLimit rateLimit;
    private final SimulationClock clock;
    private final BooleanSupplier createUserAnswersArray;

    ChatbotcomApi(ChatbotcomPlatform platform, ChatListFaults chatListFaults, Set<String> accessTokens,
            RateLimit rateLimit, SimulationClock clock, BooleanSupplier createUserAnswersArray) {
        this.platform = platform;
        this.chatListFaults = chatListFaults;
        this.accessTokens = accessTokens;
        this.rateLimit = rateLimit;
        this.clock = clock;
        this.createUserAnswersArray = createUserAnswersArray;
    }

    Router router() {
        // The fixed /users/... paths come before /users/{id}, which would otherwise take them for user ids.
        return new Router(this::error)
                .post("/users", guarded(this::createUser))
                .get("/users", guarded(this::listUsers))
                .get("/users/segments", guarded(this::segments))
                .put("/users/session-attributes", guarded(this::updateSessionAttributes))
                .get("/users/([^/]+)", guarded(this::user))
                .put("/users/([^/]+)", guarded(this::updateUser))
                .put("/users/([^/]+)/ban", guarded(this::ban))
                .post("/query", guarded(this::query))
                .get("/v2/chats", guarded(this::chats))
                .get("/v2/chats/([^/]+)", guarded(this::chat))
                .get("/v2/stories", guarded(this::stories));
    }

    Response error(int status, String message) {
        return ChatbotcomJson.error(status, message, clock.now());
    }

    /** Rate limit first, so that unauthorized requests use up budget too, then the access token. */
    private Router.Handler guarded(Router.Handler handler) {
        return request -> {
            Optional<Duration> wait = rateLimit.admit(clock.now());
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                return error(429, "rate limit of " + rateLimit.describe() + " exceeded")
                        .withHeader("Retry-After", Long.toString(seconds));
            }
            String problem = authorizationProblem(request.header("authorization"));
            if (problem != null) {
                return error(401, problem);
            }
            try {
                return handler.handle(request);
            } catch (ApiError e) {
                return error(e.status(), e.getMessage());
            }
        };
    }

    private String authorizationProblem(String header) {
        if (header == null) {
            return "Authorization header with a Bearer access token is required";
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("bearer")) {
            return "Authorization must be 'Bearer <access token>'";
        }
        return accessTokens.contains(parts[1]) ? null : "invalid access token";
    }

    private Response createUser(Request request) {
        ObjectNode body = Fields.body(request);
        String userId = Fields.string(body, "userId", 1, 256, false);
        List<String> segmentIds = segmentIds(body.get("segments"));
        Map<String, String> attributes = Fields.attributes(body, "attributes");
        String id = platform.createUser(userId, attributes, segmentIds);
        ObjectNode created = ChatbotcomJson.success(id, clock.now());
        if (createUserAnswersArray.getAsBoolean()) {
            return Response.json(200, Json.MAPPER.createArrayNode().add(created));
        }
        return Response.json(200, created);
    }

    private static List<String> segmentIds(JsonNode segments) {
        if (segments == null || segments.isNull()) {
            return List.of();
        }
        if (segments.isTextual()) {
            return List.of(segments.textValue());
        }
        String rule = "segments must be a segment id or an array of segment ids";
        if (!segments.isArray()) {
            throw ApiError.badRequest(rule);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode segment : segments) {
            if (!segment.isTextual()) {
                throw ApiError.badRequest(rule);
            }
            ids.add(segment.textValue());
        }
        return ids;
    }

    private Response listUsers(Request request) {
        Map<String, String> params = queryParams(request);
        UserQuery query = new UserQuery(
                limit(params.get("limit")),
                params.get("after"),
                sortField(params.get("sort.field")),
                oneOf(params, "sort.order", "desc", "asc", "desc").equals("desc"),
                oneOf(params, "match", "all", "all", "any").equals("all"),
                filters(params));
        ChatbotcomPlatform.UserPage page = platform.listUsers(query);
        return Response.json(200, ChatbotcomJson.users(page.users(), page.count()));
    }

    private static int limit(String raw) {
        if (raw == null) {
            return UserQuery.MAX_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= UserQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ApiError.badRequest("limit must be between 1 and " + UserQuery.MAX_LIMIT);
    }

    private static UserQuery.SortField sortField(String raw) {
        if (raw == null) {
            return UserQuery.SortField.CREATED_AT;
        }
        return Arrays.stream(UserQuery.SortField.values())
                .filter(field -> field.wireName.equals(raw))
                .findFirst()
                .orElseThrow(() -> ApiError.badRequest("sort.field must be one of createdAt, lastSeen"));
    }

    private static String oneOf(Map<String, String> params, String name, String defaultValue, String... allowed) {
        String raw = params.getOrDefault(name, defaultValue);
        if (!Arrays.asList(allowed).contains(raw)) {
            throw ApiError.badRequest(name + " must be one of " + String.join(", ", allowed));
        }
        return raw;
    }

    /** {@code filters[0][attribute]=default_email&filters[0][operator]=contains&filters[0][value]=x}, up to 5. */
    private static List<UserFilter> filters(Map<String, String> params) {
        Map<Integer, Map<String, String>> byIndex = new TreeMap<>();
        params.forEach((name, value) -> {
            if (!name.startsWith("filters")) {
                return;
            }
            Matcher matcher = FILTER_PARAM.matcher(name);
            if (!matcher.matches() || !FILTER_FIELDS.contains(matcher.group(2))) {
                throw ApiError.badRequest("filters must be given as filters[<index>][attribute|operator|value], not "
                        + name);
            }
            int index = Integer.parseInt(matcher.group(1));
            if (index >= UserQuery.MAX_FILTERS) {
                throw ApiError.badRequest("filters must have at most " + UserQuery.MAX_FILTERS
                        + " entries, indexed 0 to " + (UserQuery.MAX_FILTERS - 1));
            }
            byIndex.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(matcher.group(2), value);
        });
        List<UserFilter> filters = new ArrayList<>();
        byIndex.forEach((index, fields) -> {
            String prefix = "filters[" + index + "]";
            String attribute = fields.get("attribute");
            if (attribute == null || attribute.isEmpty()) {
                throw ApiError.badRequest(prefix + "[attribute] is required");
            }
            String operatorName = fields.get("operator");
            UserFilter.Operator operator = UserFilter.Operator.of(operatorName).orElseThrow(() -> ApiError.badRequest(
                    prefix + "[operator] must be one of " + UserFilter.Operator.wireNames()));
            String value = fields.get("value");
            if (operator.needsValue() && value == null) {
                throw ApiError.badRequest(prefix + "[value] is required for the operator " + operatorName);
            }
            filters.add(new UserFilter(attribute, operator, value));
        });
        return filters;
    }

    private Response segments(Request request) {
        return Response.json(200, ChatbotcomJson.segments(platform.segments()));
    }

    private Response user(Request request) {
        return Response.json(200, ChatbotcomJson.userDetails(platform.user(request.pathParam(0))));
    }

    private Response updateUser(Request request) {
        Map<String, String> attributes = Fields.attributes(Fields.body(request), "attributes");
        platform.updateUser(request.pathParam(0), attributes);
        return Response.json(200, ChatbotcomJson.success(null, clock.now()));
    }

    private Response ban(Request request) {
        Boolean banned = Fields.bool(Fields.body(request), "banned");
        if (banned == null) {
            throw ApiError.badRequest("banned is required and must be true or false");
        }
        platform.banUser(request.pathParam(0), banned);
        return Response.json(200, ChatbotcomJson.success(null, clock.now()));
    }

    private Response updateSessionAttributes(Request request) {
        ObjectNode body = Fields.body(request);
        String sessionId = Fields.string(body, "sessionId", 10, 64, true);
        Map<String, String> attributes = Fields.attributes(body, "attributes");
        platform.updateSessionAttributes(sessionId, attributes);
        return Response.json(200, ChatbotcomJson.success(null, clock.now()));
    }

    private Response query(Request request) {
        ObjectNode body = Fields.body(request);
        String sessionId = Fields.string(body, "sessionId", 10, 64, true);
        List<Kind> given = Arrays.stream(Kind.values()).filter(kind -> Fields.present(body, kind.field)).toList();
        if (given.isEmpty()) {
            throw ApiError.badRequest("one of query, trigger or goto is required");
        }
        if (given.size() > 1) {
            throw ApiError.badRequest("only one of query, trigger or goto may be sent, not "
                    + String.join(" and ", given.stream().map(kind -> kind.field).toList()));
        }
        Kind kind = given.get(0);
        String input = switch (kind) {
            case QUERY -> Fields.string(body, "query", 1, 256, true);
            case TRIGGER -> Fields.string(body, "trigger", 1, 50, true);
            case GOTO -> Fields.string(body, "goto", 24, 24, true);
        };
        double confidence = number(body, "confidence", 0.1, 1.0, QueryRequest.DEFAULT_CONFIDENCE);
        int lifespan = wholeNumber(body, "lifespan", 1, 10, QueryRequest.DEFAULT_LIFESPAN);
        boolean reset = Boolean.TRUE.equals(Fields.bool(body, "reset"));
        String storyId = Fields.string(body, "storyId", 24, 24, false);
        Map<String, String> parameters = Fields.parameters(body, "parameters");
        boolean debug = Boolean.TRUE.equals(Fields.bool(body, "debug"));
        QueryOutcome outcome = platform.query(
                new QueryRequest(sessionId, kind, input, confidence, lifespan, reset, storyId, parameters, debug));
        return Response.json(200, ChatbotcomJson.queryResult(outcome));
    }

    private static double number(ObjectNode body, String field, double min, double max, double defaultValue) {
        if (!Fields.present(body, field)) {
            return defaultValue;
        }
        JsonNode node = body.get(field);
        if (!node.isNumber() || node.doubleValue() < min || node.doubleValue() > max) {
            throw ApiError.badRequest(field + " must be a number between " + min + " and " + max);
        }
        return node.doubleValue();
    }

    private static int wholeNumber(ObjectNode body, String field, int min, int max, int defaultValue) {
        if (!Fields.present(body, field)) {
            return defaultValue;
        }
        JsonNode node = body.get(field);
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw ApiError.badRequest(field + " must be a whole number between " + min + " and " + max);
        }
        return node.intValue();
    }

    private Response chats(Request request) {
        Instant before = createdBefore(request.queryParam("after"));
        return Response.json(200,
                ChatbotcomJson.chats(chatListFaults.answer(() -> platform.chats(before, CHATS_PER_PAGE))));
    }

    /** {@code after} is the createdAt of the last chat of the previous page, in epoch milliseconds. */
    private static Instant createdBefore(String after) {
        if (after == null) {
            return Instant.MAX;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(after.trim()));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("after must be a time in epoch milliseconds, was '" + after + "'");
        }
    }

    private Response chat(Request request) {
        return Response.json(200, ChatbotcomJson.chat(platform.chat(request.pathParam(0))));
    }

    private Response stories(Request request) {
        return Response.json(200, ChatbotcomJson.stories(platform.stories()));
    }

    /** Every query parameter by its decoded name; the first value wins, as with {@link Request#queryParam}. */
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
}
