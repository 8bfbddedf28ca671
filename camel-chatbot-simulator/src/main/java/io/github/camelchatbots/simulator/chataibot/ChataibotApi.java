package io.github.camelchatbots.simulator.chataibot;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Contact;
import io.github.camelchatbots.simulator.chataibot.ChataibotSimulation.Source;
import io.github.camelchatbots.simulator.http.Request;
import io.github.camelchatbots.simulator.http.Response;
import io.github.camelchatbots.simulator.http.Router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** ChatAIBot's HTTP endpoints: the API channel's two conversation calls and the knowledge-base source calls. */
final class ChataibotApi {

    private static final Pattern SOURCE_ID = Pattern.compile("\\d{1,9}");
    /** Form fields whose names the upload answer uses itself; a source group under them would be overwritten. */
    private static final Set<String> RESERVED_FIELDS = Set.of("ok", "knowledge_base_id");

    private final ChataibotPlatform platform;
    private final Set<String> accessTokens;
    private final RateLimit rateLimit;
    private final OkFalseAnswers okFalseAnswers;

    ChataibotApi(ChataibotPlatform platform, Set<String> accessTokens, RateLimit rateLimit,
            OkFalseAnswers okFalseAnswers) {
        this.platform = platform;
        this.accessTokens = accessTokens;
        this.rateLimit = rateLimit;
        this.okFalseAnswers = okFalseAnswers;
    }

    Router router() {
        return new Router(ChataibotJson::error)
                .post("/api/v1/conversations", guarded(this::startConversation))
                .post("/api/v1/conversation/([^/]+)/messages", guarded(this::sendMessage))
                .post("/api/v1/ai/knowledge-base/([^/]+)/upload/sources", guarded(this::uploadSources))
                .get("/api/v1/ai/status/sources", guarded(this::sourceStatuses));
    }

    /**
     * Rate limit first, so that unauthorized requests use up budget too, then the token, then a scheduled
     * {@code ok:false}, which only an authorized client would ever see.
     */
    private Router.Handler guarded(Router.Handler handler) {
        return request -> {
            Optional<Duration> wait = rateLimit.admit();
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                return ChataibotJson.error(429, "rate limit of " + rateLimit.describe() + " exceeded")
                        .withHeader("Retry-After", Long.toString(seconds));
            }
            if (!authorized(request.header("authorization"))) {
                return ChataibotJson.error(401, "Unauthorized");
            }
            OkFalseAnswers.Refusal refusal = okFalseAnswers.claim(request.recorded().path());
            if (refusal != null) {
                return ChataibotJson.okFalse(refusal.field(), refusal.message());
            }
            try {
                return handler.handle(request);
            } catch (ApiError e) {
                return ChataibotJson.error(e.status(), e.getMessage());
            }
        };
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        String[] parts = header.trim().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("bearer") && accessTokens.contains(parts[1]);
    }

    /** The documented request: channel, message, optional variables, bot_key, from. */
    private Response startConversation(Request request) {
        ObjectNode body = Fields.body(request);
        Fields.constant(body, "channel", "API");
        String text = Fields.textMessage(body, "message");
        ObjectNode variables = Fields.object(body, "variables", false);
        Contact contact = new Contact(null, null, null);
        if (variables != null) {
            Fields.object(variables, "variables.system", false);
            Fields.object(variables, "variables.conversation", false);
            ObjectNode told = Fields.object(variables, "variables.contact", false);
            if (told != null) {
                contact = new Contact(Fields.optionalText(told, "variables.contact.name"),
                        Fields.optionalText(told, "variables.contact.email"),
                        Fields.optionalText(told, "variables.contact.phone"));
            }
        }
        String botKey = Fields.requiredText(body, "bot_key");
        ObjectNode from = Fields.object(body, "from", true);
        String userExternalId = Fields.requiredText(from, "from.user_external_id");
        Fields.constant(from, "from.type", "VISITOR");
        ChataibotPlatform.Started started = platform.start(botKey, userExternalId, contact, variables, text, true);
        return Response.json(200, ChataibotJson.conversationStarted(started.conversation(), started.bot()));
    }

    /** An unknown conversation is answered before the body is looked at, as its path names it. */
    private Response sendMessage(Request request) {
        String conversationId = request.pathParam(0);
        if (!platform.hasConversation(conversationId)) {
            throw ApiError.notFound("Conversation not found");
        }
        ObjectNode body = Fields.body(request);
        String text = Fields.textMessage(body, "message");
        ObjectNode user = Fields.object(body, "user", true);
        Fields.constant(user, "user.type", "VISITOR");
        ChataibotPlatform.Sent sent = platform.send(conversationId, text, true);
        return Response.json(200, ChataibotJson.messageAccepted(sent.messageId(), sent.answerReplies()));
    }

    /** Each form field is one source: a file when it has a file name, else a text named after its field. */
    private Response uploadSources(Request request) {
        String rawId = request.pathParam(0);
        int knowledgeBaseId = SOURCE_ID.matcher(rawId).matches() ? Integer.parseInt(rawId) : -1;
        if (!platform.hasKnowledgeBase(knowledgeBaseId)) {
            throw ApiError.notFound("Knowledge base not found");
        }
        List<MultipartForm.Part> parts;
        try {
            parts = MultipartForm.parse(request.header("content-type"), request.body());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        if (parts.isEmpty()) {
            throw ApiError.badRequest("the form has no field; send each source as a file or a text field");
        }
        for (MultipartForm.Part part : parts) {
            if (RESERVED_FIELDS.contains(part.name())) {
                throw ApiError.badRequest("the form field name " + part.name() + " is reserved");
            }
            if (part.isFile() && part.filename().isBlank()) {
                throw ApiError.badRequest("the file in the form field " + part.name() + " has no file name");
            }
        }
        List<Source> sources = new ArrayList<>();
        for (MultipartForm.Part part : parts) {
            sources.add(part.isFile()
                    ? platform.upload(knowledgeBaseId, part.name(), ChataibotPlatform.FILE, part.filename(),
                            part.content())
                    : platform.upload(knowledgeBaseId, part.name(), ChataibotPlatform.TEXT, part.name(),
                            part.content()));
        }
        return Response.json(200, ChataibotJson.uploaded(knowledgeBaseId, sources));
    }

    private Response sourceStatuses(Request request) {
        String raw = request.queryParam("source_ids");
        if (raw == null || raw.isBlank()) {
            throw ApiError.badRequest("source_ids is required, e.g. source_ids=1,2");
        }
        List<Integer> ids = new ArrayList<>();
        for (String id : raw.split(",", -1)) {
            if (!SOURCE_ID.matcher(id.trim()).matches()) {
                throw ApiError.badRequest("source_ids must be source ids separated by commas, was " + raw);
            }
            ids.add(Integer.parseInt(id.trim()));
        }
        return Response.json(200, ChataibotJson.sourceStatuses(platform.sources(ids)));
    }
}
