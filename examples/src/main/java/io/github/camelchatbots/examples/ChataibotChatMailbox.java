package io.github.camelchatbots.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelchatbots.component.chataibot.ChataibotConstants;
import io.github.camelchatbots.component.chataibot.model.ChataibotReply;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the chataibot-web-chat page shows each visitor: their own messages and the bot's replies, in order, kept in
 * memory for the page to fetch. The page posts a message and polls for what is new since the last line it has; a
 * reply is added here by the {@code chataibot:replies} route, whichever way ChatAIBot delivered it.
 * <p>
 * Bounded on purpose, since anyone who can reach the page can make up visitors: the newest {@value #LINES_KEPT}
 * lines of the newest {@value #VISITORS_KEPT} visitors.
 */
public class ChataibotChatMailbox {

    static final int LINES_KEPT = 200;
    static final int VISITORS_KEPT = 10_000;
    static final int MAX_TEXT = 2_000;
    /** What the page generates; anything else is refused before it reaches ChatAIBot as a visitor id. */
    private static final Pattern VISITOR = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Logger LOG = LoggerFactory.getLogger(ChataibotChatMailbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of the chat as the page shows it. */
    record Line(long number, String from, String text, Instant at) {
    }

    private static final class Visitor {
        private final Deque<Line> lines = new ArrayDeque<>();
        /** Reply ids seen, so that a reply delivered both ways is shown once. */
        private final Set<String> replyIds = new LinkedHashSet<>();
        private long lastNumber;
    }

    private final Map<String, Visitor> visitors = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Visitor> eldest) {
            return size() > VISITORS_KEPT;
        }
    };
    private volatile String page;

    /** The chat page. */
    public String page() {
        String html = page;
        if (html == null) {
            try (InputStream in = ChataibotChatMailbox.class.getResourceAsStream("/chataibot-web-chat.html")) {
                if (in == null) {
                    throw new IllegalStateException("chataibot-web-chat.html is missing from the class path");
                }
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page = html;
        }
        return html;
    }

    /**
     * Takes the page's {@code {"visitor":"...","text":"..."}} and turns the exchange into the visitor's message for
     * {@code chataibot:sendMessage}: the text as the body, the visitor in {@code CamelChataibotUserExternalId}.
     *
     * @throws IllegalArgumentException when the request is not one the page sends
     */
    public void visitorSays(Exchange exchange) {
        Message message = exchange.getMessage();
        JsonNode request;
        try {
            String body = message.getBody(String.class);
            request = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("expected {\"visitor\":\"...\",\"text\":\"...\"}");
        }
        String visitor = request == null ? null : request.path("visitor").asText(null);
        String text = request == null ? null : request.path("text").asText(null);
        if (visitor == null || !VISITOR.matcher(visitor).matches()) {
            throw new IllegalArgumentException("visitor must be 8 to 64 letters, digits, '-' or '_'");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text must be 1 to " + MAX_TEXT + " characters");
        }
        add(visitor, "visitor", text.strip(), null);
        // a request's query parameters arrive as headers: none of them may choose the conversation
        message.removeHeaders("CamelChataibot*");
        message.setHeader(ChataibotConstants.USER_EXTERNAL_ID, visitor);
        message.setBody(text.strip());
    }

    /** Adds a reply of the bot for the visitor whose conversation it is; replies of other conversations are dropped. */
    public void botSays(Exchange exchange) {
        Message message = exchange.getMessage();
        String visitor = message.getHeader(ChataibotConstants.USER_EXTERNAL_ID, String.class);
        ChataibotReply reply = message.getBody(ChataibotReply.class);
        if (visitor == null || reply == null) {
            LOG.info("A reply in conversation {} belongs to no visitor of this page; not shown",
                    message.getHeader(ChataibotConstants.CONVERSATION_ID));
            return;
        }
        String text = reply.text() != null ? reply.text() : "(a " + reply.message().type() + " message)";
        add(visitor, "bot", text, reply.messageId());
    }

    /**
     * What the visitor's page has not shown yet: {@code {"lines":[{"number","from","text","at"}]}}, the lines after
     * number {@code after}.
     */
    public String updates(Exchange exchange) {
        String visitor = exchange.getMessage().getHeader("visitor", String.class);
        String after = exchange.getMessage().getHeader("after", String.class);
        if (visitor == null || !VISITOR.matcher(visitor).matches()) {
            throw new IllegalArgumentException("visitor must be 8 to 64 letters, digits, '-' or '_'");
        }
        long from;
        try {
            from = after == null || after.isBlank() ? 0 : Long.parseLong(after.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("after must be a line number");
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode lines = answer.putArray("lines");
        for (Line line : linesAfter(visitor, from)) {
            lines.addObject().put("number", line.number()).put("from", line.from()).put("text", line.text())
                    .put("at", line.at().toString());
        }
        return answer.toString();
    }

    /** The error the page shows, as JSON. */
    public String error(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // only our own messages go back to the browser; ChatAIBot's answer stays in the log
        String shown = failure instanceof IllegalArgumentException ? failure.getMessage()
                : "the bot cannot be reached right now; please try again";
        return JSON.createObjectNode().put("error", shown).toString();
    }

    synchronized List<Line> linesAfter(String visitor, long after) {
        Visitor lines = visitors.get(visitor);
        if (lines == null) {
            return List.of();
        }
        List<Line> newer = new ArrayList<>();
        for (Line line : lines.lines) {
            if (line.number() > after) {
                newer.add(line);
            }
        }
        return newer;
    }

    private synchronized void add(String visitor, String from, String text, String replyId) {
        Visitor lines = visitors.computeIfAbsent(visitor, id -> new Visitor());
        if (replyId != null && !lines.replyIds.add(replyId)) {
            return;
        }
        if (lines.replyIds.size() > LINES_KEPT) {
            lines.replyIds.remove(lines.replyIds.iterator().next());
        }
        lines.lines.addLast(new Line(++lines.lastNumber, from, text, Instant.now()));
        if (lines.lines.size() > LINES_KEPT) {
            lines.lines.removeFirst();
        }
    }
}
