package io.github.camelchatbots.component.chataibot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelchatbots.component.chataibot.model.ChataibotContact;
import io.github.camelchatbots.component.chataibot.model.ChataibotConversationStart;
import io.github.camelchatbots.component.chataibot.model.ChataibotMessageSent;
import io.github.camelchatbots.component.chataibot.model.ChataibotReply;
import io.github.camelchatbots.component.chataibot.model.ChataibotSource;
import io.github.camelchatbots.component.chataibot.model.ChataibotUploadedSources;
import io.github.camelchatbots.support.model.ChatMessage;
import io.github.camelchatbots.support.model.ChatParticipant;
import io.github.camelchatbots.support.model.ChatUser;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every operation returns, from real calls, written by {@code marshal().json()} with nothing configured (no
 * JavaTimeModule) and read back equal; times as ISO-8601 text, the vendor's field names as ChatAIBot writes them.
 */
class ChataibotRecordsTest extends ChataibotTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:marshal").marshal().json();
                from("direct:start").unmarshal().json(ChataibotConversationStart.class);
                from("direct:sent").unmarshal().json(ChataibotMessageSent.class);
                from("direct:uploaded").unmarshal().json(ChataibotUploadedSources.class);
                from("direct:source").unmarshal().json(ChataibotSource.class);
            }
        };
    }

    private String marshalled(Object record) {
        return template.requestBody("direct:marshal", record, String.class);
    }

    @Test
    void everyOperationsAnswerMarshalsAndComesBackEqual() throws Exception {
        chataibot().scriptAnswer(BOT_KEY, "hello", "Hi!");
        chataibot().registerKnowledgeBase(876);
        String visitor = newVisitor();
        ChataibotConversationStart start = template.requestBodyAndHeaders("chataibot:startConversation?botKey="
                                                                          + BOT_KEY, "hello",
                Map.of(ChataibotConstants.USER_EXTERNAL_ID, visitor), ChataibotConversationStart.class);
        ChataibotMessageSent sent = template.requestBodyAndHeaders("chataibot:sendMessage?botKey=" + BOT_KEY,
                "hello again", Map.of(ChataibotConstants.USER_EXTERNAL_ID, visitor), ChataibotMessageSent.class);
        ChataibotUploadedSources uploaded = template.requestBody("chataibot:uploadSources?knowledgeBaseId=876",
                Map.of("faq", "Opening hours 9-17"), ChataibotUploadedSources.class);
        chataibot().advanceTime(Duration.ofMinutes(1));
        List<?> statuses = template.requestBodyAndHeader("chataibot:sourceStatus", null,
                ChataibotConstants.SOURCE_IDS, uploaded.sourceIds(), List.class);

        String startJson = marshalled(start);
        assertThat(template.requestBody("direct:start", startJson)).isEqualTo(start);
        assertThat(JSON.readTree(startJson).at("/conversation/created_at").asText())
                .isEqualTo(start.conversation().createdAt().toString());
        assertThat(JSON.readTree(startJson).at("/contact/visitor_key").asText()).startsWith(visitor);

        String sentJson = marshalled(sent);
        assertThat(template.requestBody("direct:sent", sentJson)).isEqualTo(sent);
        JsonNode sentTree = JSON.readTree(sentJson);
        assertThat(sentTree.path("replies").get(0).path("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(sentTree.path("replies").get(0).at("/message/data/body").asText()).isEqualTo("Hi!");
        assertThat(sentTree.path("conversation_id").asText()).isEqualTo(start.conversationId());

        String uploadedJson = marshalled(uploaded);
        assertThat(template.requestBody("direct:uploaded", uploadedJson)).isEqualTo(uploaded);
        assertThat(JSON.readTree(uploadedJson).path("faq").get(0).path("status").asText()).isEqualTo("in-progress");

        ChataibotSource status = (ChataibotSource) statuses.get(0);
        assertThat(template.requestBody("direct:source", marshalled(status))).isEqualTo(status);
        assertThat(status.completed()).isTrue();
    }

    @Test
    void aContactsVisitorKeyGivesBackTheVisitorsOwnId() {
        ChataibotContact contact = new ChataibotContact("Ann", "ann@example.com", null, "crm_user_42_73105",
                Map.of("company", "Acme"));

        ChatUser user = context.getTypeConverter().convertTo(ChatUser.class, contact);

        assertThat(user).isEqualTo(new ChatUser("chataibot", "crm_user_42_73105", "crm_user_42", "Ann",
                "ann@example.com", null, null, Map.of("company", "Acme")));
    }

    @Test
    void aReplyConvertsToTheNeutralMessage() {
        ChataibotReply reply = ChataibotReply.botText("c-1", "m-1", "Hi!", java.time.Instant.parse(
                "2025-02-10T20:21:04.120Z"));

        ChatMessage message = context.getTypeConverter().convertTo(ChatMessage.class, reply);

        assertThat(message).isEqualTo(new ChatMessage("chataibot", "c-1", "m-1", ChatParticipant.BOT, "BOT", "Hi!",
                java.time.Instant.parse("2025-02-10T20:21:04.120Z")));
    }
}
