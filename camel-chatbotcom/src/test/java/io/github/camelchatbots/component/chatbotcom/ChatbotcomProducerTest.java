package io.github.camelchatbots.component.chatbotcom;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomChat;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomCreateUser;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomQuery;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomQueryResponse;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomResult;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomSegment;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomStory;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUser;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserDetails;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserFilter;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserPage;
import io.github.camelchatbots.simulator.RecordedRequest;
import io.github.camelchatbots.support.error.ChatbotAuthenticationException;
import io.github.camelchatbots.support.error.ChatbotBadRequestException;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import io.github.camelchatbots.support.model.ChatTranscript;
import io.github.camelchatbots.support.model.ChatParticipant;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatbotcomProducerTest extends ChatbotcomTestSupport {

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
        if (exchange.getException() != null) {
            throw new CamelExecutionException("failed", exchange, exchange.getException());
        }
        return exchange;
    }

    private RecordedRequest lastRequest() {
        List<RecordedRequest> requests = chatbotcom().requests();
        return requests.get(requests.size() - 1);
    }

    @Test
    void createUserFromRecordMapAndJson() {
        Exchange created = send("chatbotcom:createUser", new ChatbotcomCreateUser("crm-1", null,
                Map.of("default_email", "ann@example.com", "default_name", "Ann", "plan", "gold")), Map.of());
        ChatbotcomResult result = created.getMessage().getBody(ChatbotcomResult.class);
        assertThat(result.id()).hasSize(24);
        assertThat(created.getMessage().getHeader(ChatbotcomConstants.USER_ID)).isEqualTo(result.id());
        assertThat(lastRequest().header("authorization")).isEqualTo("Bearer " + accessToken);
        assertThat(chatbotcom().user(result.id()).userId()).isEqualTo("crm-1");

        String fromMap = send("chatbotcom:createUser",
                Map.of("userId", "crm-2", "attributes", Map.of("default_name", "Bo")), Map.of())
                .getMessage().getBody(ChatbotcomResult.class).id();
        String fromJson = send("chatbotcom:createUser",
                "{\"attributes\":{\"default_email\":\"cy@example.com\"}}", Map.of())
                .getMessage().getBody(ChatbotcomResult.class).id();

        ChatbotcomUserDetails bo = send("chatbotcom:user", null, Map.of(ChatbotcomConstants.USER_ID, fromMap))
                .getMessage().getBody(ChatbotcomUserDetails.class);
        assertThat(bo.userId()).isEqualTo("crm-2");
        assertThat(bo.attributes()).containsEntry("default_name", "Bo");
        ChatbotcomUserDetails cy = send("chatbotcom:user?userId=" + fromJson, null, Map.of())
                .getMessage().getBody(ChatbotcomUserDetails.class);
        assertThat(cy.attributes()).containsEntry("default_email", "cy@example.com");
        assertThat(chatbotcom().requests().get(2).body()).as("an e-mail names the user").doesNotContain("userId");

        send("chatbotcom:createUser", Map.of("attributes", Map.of("default_name", "Nameless")), Map.of());
        assertThat(lastRequest().body()).as("without userId or e-mail, a UUID is made up")
                .containsPattern("\"userId\":\"[0-9a-f-]{36}\"");
    }

    @Test
    void createUserAnswerAsTheDocumentedArray() {
        chatbotcom().respondToCreateUserWithArray(true);

        ChatbotcomResult result = send("chatbotcom:createUser",
                Map.of("attributes", Map.of("default_email", "array@example.com")), Map.of())
                .getMessage().getBody(ChatbotcomResult.class);

        assertThat(result.id()).hasSize(24);
        assertThat(result.status().type()).isEqualTo("success");
    }

    @Test
    void usersPagesWithAfterAndSortsAndFilters() {
        for (int i = 0; i < 5; i++) {
            chatbotcom().createUser("u" + i, Map.of("default_email", "u" + i + (i % 2 == 0 ? "@even.com" : "@odd.com")));
        }

        ChatbotcomUserPage first = send("chatbotcom:users?limit=2&sortOrder=asc", null, Map.of())
                .getMessage().getBody(ChatbotcomUserPage.class);
        assertThat(first.data()).extracting(ChatbotcomUser::userId).containsExactly("u0", "u1");
        assertThat(lastRequest().query()).contains("limit=2").contains("sort.order=asc");

        Exchange second = send("chatbotcom:users?limit=2&sortOrder=asc", null,
                Map.of(ChatbotcomConstants.AFTER, first.lastId()));
        assertThat(second.getMessage().getBody(ChatbotcomUserPage.class).data()).extracting(ChatbotcomUser::userId)
                .containsExactly("u2", "u3");
        assertThat(second.getMessage().getHeader(ChatbotcomConstants.COUNT)).isEqualTo(5);

        ChatbotcomUserPage newest = send("chatbotcom:users?limit=1", null, Map.of())
                .getMessage().getBody(ChatbotcomUserPage.class);
        assertThat(newest.data()).extracting(ChatbotcomUser::userId).as("ChatBot.com's default order is newest first")
                .containsExactly("u4");

        ChatbotcomUserPage even = send("chatbotcom:users?sortOrder=asc&filters=default_email:endsWith:@even.com",
                null, Map.of()).getMessage().getBody(ChatbotcomUserPage.class);
        assertThat(even.data()).extracting(ChatbotcomUser::userId).containsExactly("u0", "u2", "u4");
        assertThat(lastRequest().query()).contains("filters%5B0%5D%5Battribute%5D=default_email");

        ChatbotcomUserPage any = send("chatbotcom:users?sortOrder=asc&match=any", null,
                Map.of(ChatbotcomConstants.FILTERS, List.of(new ChatbotcomUserFilter("default_email", "is",
                        "u1@odd.com"), new ChatbotcomUserFilter("default_email", "is", "u3@odd.com"))))
                .getMessage().getBody(ChatbotcomUserPage.class);
        assertThat(any.data()).extracting(ChatbotcomUser::userId).containsExactly("u1", "u3");
    }

    @Test
    void usersSortedByLastSeen() {
        String first = chatbotcom().createUser("early", Map.of("default_name", "Early"));
        chatbotcom().advanceTime(Duration.ofSeconds(1));
        chatbotcom().createUser("late", Map.of("default_name", "Late"));
        chatbotcom().advanceTime(Duration.ofSeconds(1));
        chatbotcom().seeUser(first);

        ChatbotcomUserPage page = send("chatbotcom:users?sortField=lastSeen&sortOrder=desc", null, Map.of())
                .getMessage().getBody(ChatbotcomUserPage.class);

        assertThat(page.data()).extracting(ChatbotcomUser::userId).containsExactly("early", "late");
        assertThat(lastRequest().query()).contains("sort.field=lastSeen");
    }

    @Test
    void updateAndBanUser() {
        String id = chatbotcom().createUser("to-update", Map.of("default_name", "Old"));

        send("chatbotcom:updateUser", Map.of("attributes", Map.of("default_name", "New", "tier", "2")),
                Map.of(ChatbotcomConstants.USER_ID, id));
        assertThat(chatbotcom().user(id).attributes()).containsEntry("default_name", "New").containsEntry("tier", "2");

        send("chatbotcom:banUser?userId=" + id, null, Map.of());
        assertThat(chatbotcom().user(id).banned()).isTrue();
        send("chatbotcom:banUser?userId=" + id + "&banned=false", null, Map.of());
        assertThat(chatbotcom().user(id).banned()).isFalse();
        assertThat(lastRequest().body()).isEqualTo("{\"banned\":false}");
        send("chatbotcom:banUser?userId=" + id + "&banned=false", null, Map.of(ChatbotcomConstants.BANNED, true));
        assertThat(chatbotcom().user(id).banned()).isTrue();
    }

    @Test
    void unknownUserIsNotFound() {
        assertThatThrownBy(() -> send("chatbotcom:user?userId=000000000000000000000000", null, Map.of()))
                .hasCauseInstanceOf(ChatbotNotFoundException.class);
    }

    @Test
    void wrongTokenIsAnAuthenticationFailure() {
        assertThatThrownBy(() -> send("chatbotcom:stories?accessToken=not-a-known-token", null, Map.of()))
                .hasCauseInstanceOf(ChatbotAuthenticationException.class)
                .cause().hasMessageNotContaining("not-a-known-token");
    }

    @Test
    void queryMatchesFallsBackTriggersAndKeepsContexts() {
        String session = newSessionId();

        ChatbotcomQueryResponse welcome = send("chatbotcom:query?trigger=welcome", "ignored",
                Map.of(ChatbotcomConstants.SESSION_ID, session)).getMessage().getBody(ChatbotcomQueryResponse.class);
        assertThat(welcome.interactionName()).isEqualTo("welcome");
        assertThat(welcome.sessionId()).isEqualTo(session);

        Exchange hello = send("chatbotcom:query", "hello", Map.of(ChatbotcomConstants.SESSION_ID, session));
        assertThat(hello.getMessage().getHeader(ChatbotcomConstants.INTERACTION)).isEqualTo("greeting");
        assertThat(hello.getMessage().getBody(ChatbotcomQueryResponse.class).messages()).isNotEmpty();

        ChatbotcomQueryResponse unknown = send("chatbotcom:query", "what is the airspeed of a swallow",
                Map.of(ChatbotcomConstants.SESSION_ID, session)).getMessage().getBody(ChatbotcomQueryResponse.class);
        assertThat(unknown.interactionName()).isEqualTo("fallback");

        // "order number" only matches while the refund context is active
        send("chatbotcom:query", "I want a refund", Map.of(ChatbotcomConstants.SESSION_ID, session));
        ChatbotcomQueryResponse details = send("chatbotcom:query", "my order number is 42",
                Map.of(ChatbotcomConstants.SESSION_ID, session)).getMessage().getBody(ChatbotcomQueryResponse.class);
        assertThat(details.interactionName()).isEqualTo("refund details");
        assertThat(details.result().contexts()).isNotEmpty();

        ChatbotcomQueryResponse reset = send("chatbotcom:query",
                new ChatbotcomQuery(session, "my order number is 42", null, null, null, null, true, null, null, null),
                Map.of()).getMessage().getBody(ChatbotcomQueryResponse.class);
        assertThat(reset.interactionName()).as("reset clears the refund context").isEqualTo("fallback");
    }

    @Test
    void queryFromMapWithParametersConfidenceAndGoto() {
        String session = newSessionId();
        ChatbotcomQueryResponse hello = send("chatbotcom:query", Map.of("sessionId", session, "query", "hi",
                "confidence", 0.9, "lifespan", 3, "parameters", Map.of("default_name", "Jane")), Map.of())
                .getMessage().getBody(ChatbotcomQueryResponse.class);
        assertThat(hello.result().confidence()).isEqualTo(0.9);
        assertThat(hello.result().lifespan()).isEqualTo(3);
        assertThat(hello.result().sessionParameters()).containsEntry("default_name", "Jane");

        String interactionId = hello.result().interaction().id();
        ChatbotcomQueryResponse jumped = send("chatbotcom:query", "anything", Map.of(
                ChatbotcomConstants.SESSION_ID, session, ChatbotcomConstants.GOTO, interactionId,
                ChatbotcomConstants.PARAMETERS, Map.of("mood", "good")))
                .getMessage().getBody(ChatbotcomQueryResponse.class);
        assertThat(jumped.result().interaction().id()).isEqualTo(interactionId);
        assertThat(lastRequest().body()).contains("\"goto\":\"" + interactionId + "\"").contains("\"mood\":\"good\"")
                .doesNotContain("anything");

        ChatbotcomQueryResponse overridden = send("chatbotcom:query?confidence=0.5&lifespan=2", Map.of("query", "hi",
                "confidence", 0.6), Map.of(ChatbotcomConstants.SESSION_ID, session, ChatbotcomConstants.CONFIDENCE, 0.8,
                ChatbotcomConstants.LIFESPAN, 4, ChatbotcomConstants.DEBUG, true))
                .getMessage().getBody(ChatbotcomQueryResponse.class);
        assertThat(overridden.result().confidence()).as("header over body over option").isEqualTo(0.8);
        assertThat(overridden.result().lifespan()).isEqualTo(4);
        assertThat(overridden.result().debug()).isNotNull();
    }

    @Test
    void textThatStartsWithABraceButIsNotJsonIsRefusedAndNothingIsSent() {
        int before = chatbotcom().requests().size();

        assertThatThrownBy(() -> send("chatbotcom:query", "{braces} hello", Map.of(
                ChatbotcomConstants.SESSION_ID, newSessionId()))).cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chatbotcom:query got a body that starts with '{' but is not valid JSON");
        assertThat(chatbotcom().requests()).hasSize(before);

        ChatbotcomQueryResponse answer = send("chatbotcom:query", "hello {braces}", Map.of(
                ChatbotcomConstants.SESSION_ID, newSessionId())).getMessage().getBody(ChatbotcomQueryResponse.class);
        assertThat(answer.result().resolvedQuery()).isEqualTo("hello {braces}");
    }

    @Test
    void sessionAttributesReachTheSession() {
        String session = newSessionId();
        send("chatbotcom:query", "hello", Map.of(ChatbotcomConstants.SESSION_ID, session));

        send("chatbotcom:updateSessionAttributes", Map.of("attributes", Map.of("order_number", "A-1042")),
                Map.of(ChatbotcomConstants.SESSION_ID, session));
        assertThat(lastRequest().method()).isEqualTo("PUT");
        assertThat(lastRequest().path()).isEqualTo(ChatbotcomConfiguration.DEFAULT_SESSION_ATTRIBUTES_PATH);

        ChatbotcomQueryResponse next = send("chatbotcom:query", "hello", Map.of(ChatbotcomConstants.SESSION_ID, session))
                .getMessage().getBody(ChatbotcomQueryResponse.class);
        assertThat(next.result().sessionParameters()).containsEntry("order_number", "A-1042");
    }

    @Test
    void sessionAttributesPathIsConfigurable() {
        String session = newSessionId();
        assertThatThrownBy(() -> send("chatbotcom:updateSessionAttributes?sessionAttributesPath=/sessions/attributes",
                Map.of("sessionId", session, "attributes", Map.of("a", "b")), Map.of()))
                .hasCauseInstanceOf(ChatbotNotFoundException.class);
        assertThat(lastRequest().path()).isEqualTo("/sessions/attributes");
    }

    @Test
    void chatsAndChatReadTheArchivesQueriesLeave() {
        String session = newSessionId();
        send("chatbotcom:query", "hello", Map.of(ChatbotcomConstants.SESSION_ID, session));
        send("chatbotcom:query", "opening hours", Map.of(ChatbotcomConstants.SESSION_ID, session));

        @SuppressWarnings("unchecked")
        List<ChatbotcomChat> chats = send("chatbotcom:chats", null, Map.of()).getMessage().getBody(List.class);
        assertThat(chats).hasSize(1);
        ChatbotcomChat listed = chats.get(0);
        assertThat(listed.finished()).isFalse();

        ChatbotcomChat chat = send("chatbotcom:chat", null, Map.of(ChatbotcomConstants.CHAT_ID, listed.id()))
                .getMessage().getBody(ChatbotcomChat.class);
        assertThat(chat.messages()).extracting(ChatbotcomChat.Message::authorName)
                .startsWith("user", "bot");
        ChatTranscript transcript = context.getTypeConverter().convertTo(ChatTranscript.class, chat);
        assertThat(transcript.messages()).first().satisfies(message -> {
            assertThat(message.sender()).isEqualTo(ChatParticipant.USER);
            assertThat(message.text()).isEqualTo("hello");
        });

        @SuppressWarnings("unchecked")
        List<ChatbotcomChat> older = send("chatbotcom:chats?after=" + listed.createdAt().toEpochMilli(), null,
                Map.of()).getMessage().getBody(List.class);
        assertThat(older).isEmpty();
        assertThat(lastRequest().query()).isEqualTo("after=" + listed.createdAt().toEpochMilli());

        assertThatThrownBy(() -> send("chatbotcom:chats?after=yesterday", null, Map.of()))
                .cause().hasMessageContaining("after must be epoch milliseconds");
    }

    @Test
    void segmentsAndStories() {
        chatbotcom().createSegment("Leads");

        @SuppressWarnings("unchecked")
        List<ChatbotcomSegment> segments = send("chatbotcom:segments", null, Map.of()).getMessage().getBody(List.class);
        assertThat(segments).extracting(ChatbotcomSegment::name).containsExactly("Leads");

        @SuppressWarnings("unchecked")
        List<ChatbotcomStory> stories = send("chatbotcom:stories", null, Map.of()).getMessage().getBody(List.class);
        assertThat(stories).isNotEmpty().allSatisfy(story -> assertThat(story.id()).hasSize(24));
    }

    @Test
    void vendorRejectionNamesTheProblem() {
        chatbotcom().createUser("taken", Map.of("default_name", "First"));

        assertThatThrownBy(() -> send("chatbotcom:createUser",
                Map.of("userId", "taken", "attributes", Map.of("default_name", "Second")), Map.of()))
                .hasCauseInstanceOf(ChatbotBadRequestException.class)
                .cause().hasMessageContaining("already exists");
    }
}
