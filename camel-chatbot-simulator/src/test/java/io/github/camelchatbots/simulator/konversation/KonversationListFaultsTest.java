package io.github.camelchatbots.simulator.konversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** Lists that misbehave while a client pages through them, as consumer tests arrange it. */
class KonversationListFaultsTest extends KonversationApiTestSupport {

    private JsonNode page(String pathAndQuery) {
        return KonversationHttp.ok(http.get(pathAndQuery));
    }

    private void subscribers(int count) {
        for (int i = 1; i <= count; i++) {
            subscriber("S" + i, i);
        }
    }

    @Test
    void aPageAnsweredShortKeepsItsMeta() {
        subscribers(5);
        konversation.answerListPageShort("/subscribers", 1, 1, 2);

        JsonNode first = page("/subscribers?limit=3");
        JsonNode again = page("/subscribers?limit=3");
        JsonNode third = page("/subscribers?limit=3");

        assertThat(first.get("data")).hasSize(1);
        assertThat(first.at("/meta/total").asInt()).isEqualTo(5);
        assertThat(first.at("/meta/last_page").asInt()).isEqualTo(2);
        assertThat(again.get("data")).hasSize(1);
        assertThat(third.get("data")).as("twice only").hasSize(3);
        assertThat(page("/subscribers?limit=3&page=2").get("data")).as("other pages untouched").hasSize(2);
    }

    @Test
    void aPageAnsweredWithAnotherIsAStaleCache() {
        String ann = subscriber("Ann", 1);
        for (int i = 0; i < 4; i++) {
            konversation.addIncomingMessage(ann, "message " + i);
        }
        konversation.answerListPageWith("/subscriber/chat-messages", 2, 1, 1);
        konversation.answerListPageShort("/subscriber/chat-messages", 2, 1, 1);

        JsonNode stale = page("/subscriber/chat-messages?user_ns=" + ann + "&limit=2&page=2");
        JsonNode fresh = page("/subscriber/chat-messages?user_ns=" + ann + "&limit=2&page=2");

        assertThat(values(stale, "content")).as("page 1, cut short").containsExactly("message 3");
        assertThat(stale.at("/meta/current_page").asInt()).isEqualTo(1);
        assertThat(values(fresh, "content")).containsExactly("message 1", "message 0");
    }

    @Test
    void aHookChangesTheBotBetweenTwoPages() {
        subscribers(4);
        List<String> seen = new ArrayList<>();
        konversation.beforeListPage((list, pageNumber) -> {
            seen.add(list + "#" + pageNumber);
            if (list.equals("/subscribers") && pageNumber == 2) {
                konversation.addIncomingMessage(konversation.subscribers().get(3).userNs(), "back again");
            }
        });

        List<String> first = values(page("/subscribers?limit=2"), "first_name");
        List<String> second = values(page("/subscribers?limit=2&page=2"), "first_name");
        page("/flow/tags");
        http.get("/subscribers?limit=500");

        assertThat(first).hasSize(2);
        assertThat(second).as("the subscriber who wrote moved to the top, pushing one onto page 2")
                .contains(first.get(1));
        assertThat(seen).as("a request refused for its parameters runs no hook")
                .containsExactly("/subscribers#1", "/subscribers#2", "/flow/tags#1");

        konversation.reset();
        subscribers(1);
        page("/subscribers");
        assertThat(seen).as("reset removes the hook").hasSize(3);
    }

    @Test
    void onlyListsThatPageTakeFaults() {
        assertThatThrownBy(() -> konversation.answerListPageShort("/subscriber/get-info", 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no paginated list");
        assertThatThrownBy(() -> konversation.answerListPageWith("/shop/orders", 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        konversation.answerListPageShort("/shop/products/7/variants", 1, 0, 1);
    }
}
