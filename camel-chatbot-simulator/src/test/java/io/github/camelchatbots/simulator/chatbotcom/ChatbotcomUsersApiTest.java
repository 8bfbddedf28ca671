package io.github.camelchatbots.simulator.chatbotcom;

import static io.github.camelchatbots.simulator.chatbotcom.ChatbotcomHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelchatbots.simulator.TestHttp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

class ChatbotcomUsersApiTest extends ChatbotcomApiTestSupport {

    private static final String USER_TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("data").spliterator(), false)
                .map(user -> user.get("id").asText())
                .toList();
    }

    private static String message(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return TestHttp.json(response).get("status").get("message").asText();
    }

    /** Five users one minute apart, named u0..u4; returns their ids, oldest first. */
    private List<String> fiveUsers() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(chatbotcom.createUser("u" + i, Map.of("default_name", "User " + i)));
            chatbotcom.advanceTime(Duration.ofMinutes(1));
        }
        return ids;
    }

    private JsonNode list(String query) {
        return http.ok(http.get("/users" + query));
    }

    @Test
    void createsAUserAndAnswersWithTheEnvelope() {
        String body = json("userId", "0735887f-6ba5-cccc-908e-6c84d093f317",
                "attributes", Map.of("default_email", "joe@doe.com", "default_name", "Joe", "plan", "pro"));

        JsonNode created = http.ok(http.post("/users", body));

        assertThat(created.fieldNames()).toIterable().containsExactly("id", "timestamp", "status");
        String id = created.get("id").asText();
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(Long.parseLong(id.substring(0, 8), 16)).isEqualTo(chatbotcom.now().getEpochSecond());
        assertThat(created.get("status").toString()).isEqualTo("{\"code\":200,\"type\":\"success\"}");
        ChatbotcomSimulation.UserView user = chatbotcom.user(id);
        assertThat(user.userId()).isEqualTo("0735887f-6ba5-cccc-908e-6c84d093f317");
        assertThat(user.attributes()).containsEntry("default_email", "joe@doe.com").containsEntry("plan", "pro")
                .containsEntry("default_url", null).hasSize(14);
        assertThat(user.createdAt()).isEqualTo(user.lastSeen());
    }

    @Test
    void createUserCanAnswerInTheDocumentedArrayForm() {
        chatbotcom.respondToCreateUserWithArray(true);

        JsonNode created = http.ok(http.post("/users", json("attributes", Map.of("default_name", "Ann"))));

        assertThat(created.isArray()).isTrue();
        assertThat(created).hasSize(1);
        assertThat(created.get(0).fieldNames()).toIterable().containsExactly("id", "timestamp", "status");
        String id = created.get(0).get("id").asText();
        assertThat(chatbotcom.user(id).userId()).as("a generated UUID")
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            {}                                                  | attributes is required
            {"attributes":null}                                 | attributes is required
            {"attributes":"x"}                                  | attributes must be an object
            {"attributes":{}}                                   | attributes must have between 1 and 99 entries
            {"attributes":{"bad key":"x"}}                      | attributes key 'bad key' must match ^[\\w-]{1,128}$
            {"attributes":{"plan":""}}                          | attributes.plan must be a string of 1 to 1024 characters or null
            {"attributes":{"plan":5}}                           | attributes.plan must be a string of 1 to 1024 characters or null
            {"attributes":{"a":"b"},"userId":""}                | userId must be a string of 1 to 256 characters
            {"attributes":{"a":"b"},"userId":7}                 | userId must be a string of 1 to 256 characters
            {"attributes":{"a":"b"},"segments":5}               | segments must be a segment id or an array of segment ids
            {"attributes":{"a":"b"},"segments":["0123456789abcdef01234567"]} | segments contains unknown segment id '0123456789abcdef01234567'
            [1]                                                 | body must be a JSON object
            not json                                            | body must be a JSON object
            """)
    void rejectsBadUsersNamingTheField(String body, String expected) {
        assertThat(message(http.post("/users", body))).isEqualTo(expected);
        assertThat(chatbotcom.userIds()).isEmpty();
    }

    @Test
    void checksTheLengthOfNamesAndValues() {
        String longName = "n".repeat(257);
        assertThat(message(http.post("/users", json("attributes", Map.of("default_name", longName)))))
                .isEqualTo("attributes.default_name must be a string of 1 to 256 characters or null");
        assertThat(http.post("/users", json("attributes", Map.of("other", longName))).statusCode()).isEqualTo(200);
        assertThat(message(http.post("/users", json("attributes", Map.of("other", "v".repeat(1025))))))
                .startsWith("attributes.other must be");
        assertThat(message(http.post("/users", json("attributes", Map.of("k".repeat(129), "v")))))
                .startsWith("attributes key 'kkk");
    }

    @Test
    void rejectsADuplicateUserId() {
        chatbotcom.createUser("jane", Map.of("default_name", "Jane"));

        assertThat(message(http.post("/users", json("userId", "jane", "attributes", Map.of("a", "b")))))
                .isEqualTo("userId 'jane' already exists");
        assertThatThrownBy(() -> chatbotcom.createUser("jane", Map.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("userId 'jane' already exists");
        assertThat(chatbotcom.userIds()).hasSize(1);
    }

    @Test
    void createsAUserInSegments() {
        String leads = chatbotcom.createSegment("Leads");
        String vips = chatbotcom.createSegment("VIPs");

        String one = http.ok(http.post("/users", json("segments", leads, "attributes", Map.of("a", "b"))))
                .get("id").asText();
        String two = http.ok(http.post("/users",
                json("segments", List.of(leads, vips), "attributes", Map.of("a", "b")))).get("id").asText();

        assertThat(chatbotcom.user(one).segments()).extracting(ChatbotcomSimulation.Segment::name)
                .containsExactly("Leads");
        JsonNode detail = http.ok(http.get("/users/" + two));
        assertThat(detail.get("segments").toString())
                .isEqualTo("[{\"id\":\"" + leads + "\",\"name\":\"Leads\"},"
                        + "{\"id\":\"" + vips + "\",\"name\":\"VIPs\"}]");
        JsonNode segments = http.ok(http.get("/users/segments"));
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).fieldNames()).toIterable().containsExactly("id", "name", "users", "createdAt");
        assertThat(segments.get(0).get("users").asInt()).isEqualTo(2);
        assertThat(segments.get(1).get("users").asInt()).isEqualTo(1);
        assertThat(segments.get(0).get("createdAt").asText()).matches(USER_TIME);
    }

    @Test
    void listsUsersInTheDocumentedShape() {
        chatbotcom.createUser("0735887f", Map.of("default_email", "joe@doe.com", "default_name", "Joe", "plan", "pro"));

        JsonNode page = list("");

        assertThat(page.fieldNames()).toIterable().containsExactly("data", "count");
        assertThat(page.get("count").asInt()).isEqualTo(1);
        JsonNode user = page.get("data").get(0);
        assertThat(user.fieldNames()).toIterable()
                .containsExactly("id", "userId", "banned", "attributes", "conversations", "createdAt", "lastSeen");
        assertThat(user.get("userId").asText()).isEqualTo("0735887f");
        assertThat(user.get("banned").asBoolean()).isFalse();
        assertThat(user.get("conversations").asInt()).isZero();
        assertThat(user.get("createdAt").asText()).matches(USER_TIME);
        assertThat(user.get("attributes").fieldNames()).toIterable().containsExactly("default_email", "default_name",
                "default_url", "default_avatar", "default_language", "default_timezone", "default_gender",
                "default_ip", "default_city", "default_region", "default_country", "default_referrer",
                "default_username", "plan");
        assertThat(user.get("attributes").get("default_url").isNull()).isTrue();
        assertThat(user.get("attributes").get("plan").asText()).isEqualTo("pro");
    }

    @Test
    void pagesByCreatedAtNewestFirstByDefault() {
        List<String> ids = fiveUsers();

        JsonNode first = list("?limit=2");
        JsonNode second = list("?limit=2&after=" + ids.get(3));
        JsonNode last = list("?limit=2&after=" + ids.get(1));

        assertThat(ids(first)).containsExactly(ids.get(4), ids.get(3));
        assertThat(first.get("count").asInt()).as("all matching users, not the page").isEqualTo(5);
        assertThat(ids(second)).containsExactly(ids.get(2), ids.get(1));
        assertThat(ids(last)).containsExactly(ids.get(0));
        assertThat(ids(list("?limit=2&after=" + ids.get(0)))).isEmpty();
        assertThat(ids(list(""))).hasSize(5);
    }

    @Test
    void pagesByCreatedAtOldestFirst() {
        List<String> ids = fiveUsers();

        assertThat(ids(list("?sort.field=createdAt&sort.order=asc&limit=3")))
                .containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(ids(list("?sort.order=asc&limit=3&after=" + ids.get(2)))).containsExactly(ids.get(3), ids.get(4));
    }

    @Test
    void pagesByLastSeenWhereASeenUserMovesToTheFront() {
        List<String> ids = fiveUsers();
        chatbotcom.seeUser(ids.get(1));

        assertThat(ids(list("?sort.field=lastSeen&limit=2"))).containsExactly(ids.get(1), ids.get(4));
        assertThat(ids(list("?sort.field=lastSeen&limit=2&after=" + ids.get(4))))
                .containsExactly(ids.get(3), ids.get(2));
        assertThat(ids(list("?sort.field=lastSeen&after=" + ids.get(2)))).containsExactly(ids.get(0));
        assertThat(ids(list("?sort.field=lastSeen&sort.order=asc&limit=2"))).containsExactly(ids.get(0), ids.get(2));
        assertThat(ids(list("?sort.field=lastSeen&sort.order=asc&after=" + ids.get(4)))).containsExactly(ids.get(1));
        assertThat(ids(list("?sort.field=createdAt&limit=2&after=" + ids.get(4))))
                .as("createdAt order is unchanged").containsExactly(ids.get(3), ids.get(2));
        assertThat(http.ok(http.get("/users/" + ids.get(1))).get("lastSeen").asText())
                .isNotEqualTo(http.ok(http.get("/users/" + ids.get(1))).get("createdAt").asText());
    }

    @Test
    void pagingOneByOneWalksEveryUserOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(chatbotcom.createUser("same" + i, Map.of("a", "b")));
        }
        assertThat(ids).isSorted();

        List<String> paged = new ArrayList<>(ids(list("?limit=1")));
        while (paged.size() < 4) {
            paged.addAll(ids(list("?limit=1&after=" + paged.get(paged.size() - 1))));
        }
        Collections.reverse(ids);
        assertThat(paged).containsExactlyElementsOf(ids);
    }

    private static String filter(int index, String attribute, String operator, String value) {
        String prefix = "filters[" + index + "]";
        String query = "&" + encode(prefix + "[attribute]") + "=" + attribute
                + "&" + encode(prefix + "[operator]") + "=" + operator;
        return value == null ? query : query + "&" + encode(prefix + "[value]") + "=" + encode(value);
    }

    private List<String> oldestFirst(String filters) {
        return ids(list("?sort.order=asc" + filters));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void filtersByAttributes() {
        String ann = chatbotcom.createUser("ann", Map.of("default_email", "Ann@Example.com", "plan", "pro"));
        String bob = chatbotcom.createUser("bob", Map.of("default_email", "bob@test.org", "plan", "free"));
        String cid = chatbotcom.createUser("cid", Map.of("default_name", "Cid"));

        assertThat(oldestFirst(filter(0, "default_email", "contains", "example"))).containsExactly(ann);
        assertThat(oldestFirst(filter(0, "default_email", "endsWith", ".ORG"))).containsExactly(bob);
        assertThat(oldestFirst(filter(0, "default_email", "startsWith", "ann"))).containsExactly(ann);
        assertThat(oldestFirst(filter(0, "plan", "is", "pro"))).containsExactly(ann);
        assertThat(oldestFirst(filter(0, "plan", "isNot", "pro"))).containsExactly(bob, cid);
        assertThat(oldestFirst(filter(0, "default_email", "notContains", "example")))
                .containsExactly(bob, cid);
        assertThat(oldestFirst(filter(0, "default_email", "isSet", null))).containsExactly(ann, bob);
        assertThat(oldestFirst(filter(0, "default_email", "isNotSet", null))).containsExactly(cid);
        String both = filter(0, "plan", "is", "pro") + filter(1, "default_name", "is", "Cid");
        assertThat(oldestFirst(both)).isEmpty();
        JsonNode any = list("?sort.order=asc&match=any" + both);
        assertThat(ids(any)).containsExactly(ann, cid);
        assertThat(any.get("count").asInt()).isEqualTo(2);
        JsonNode paged = list("?limit=1&sort.order=asc&match=any" + both);
        assertThat(ids(paged)).containsExactly(ann);
        assertThat(paged.get("count").asInt()).isEqualTo(2);
        assertThat(ids(list("?limit=1&sort.order=asc&match=any" + both + "&after=" + ann))).containsExactly(cid);
        assertThat(ids(list("?sort.order=asc&after=" + bob + filter(0, "plan", "is", "pro"))))
                .as("after a user that does not match the filters").isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
            ?limit=0                                   => limit must be between 1 and 40
            ?limit=41                                  => limit must be between 1 and 40
            ?limit=ten                                 => limit must be between 1 and 40
            ?after=0123456789abcdef01234567            => after must be the id of an existing user, was '0123456789abcdef01234567'
            ?sort.field=name                           => sort.field must be one of createdAt, lastSeen
            ?sort.order=up                             => sort.order must be one of asc, desc
            ?match=some                                => match must be one of all, any
            ?filters%5B5%5D%5Battribute%5D=a&filters%5B5%5D%5Boperator%5D=isSet => filters must have at most 5 entries, indexed 0 to 4
            ?filters%5B0%5D%5Battribute%5D=a&filters%5B0%5D%5Boperator%5D=like  => filters[0][operator] must be one of is, isNot, contains, notContains, startsWith, endsWith, isSet, isNotSet
            ?filters%5B0%5D%5Boperator%5D=is&filters%5B0%5D%5Bvalue%5D=x        => filters[0][attribute] is required
            ?filters%5B1%5D%5Battribute%5D=a&filters%5B1%5D%5Boperator%5D=is    => filters[1][value] is required for the operator is
            ?filters=a                                 => filters must be given as filters[<index>][attribute|operator|value], not filters
            """)
    void rejectsBadListParametersNamingThem(String query, String expected) {
        chatbotcom.createUser("someone", Map.of("a", "b"));

        assertThat(message(http.get("/users" + query))).isEqualTo(expected);
    }

    @Test
    void showsOneUserInDetail() {
        String id = chatbotcom.createUser("visitor-0001", Map.of("default_name", "Ann"));
        String segment = chatbotcom.createSegment("Leads");
        chatbotcom.addToSegment(id, segment);
        http.query("sessionId", "visitor-0001", "query", "hello");
        http.ok(http.put("/users/session-attributes",
                json("sessionId", "visitor-0001", "attributes", Map.of("group-selected", "14"))));

        JsonNode user = http.ok(http.get("/users/" + id));

        assertThat(user.fieldNames()).toIterable().containsExactly("id", "userId", "banned", "attributes",
                "sessionAttributes", "conversations", "segments", "createdAt", "lastSeen");
        assertThat(user.get("sessionAttributes").toString()).isEqualTo("{\"group-selected\":\"14\"}");
        JsonNode conversation = user.get("conversations").get(0);
        assertThat(conversation.fieldNames()).toIterable().containsExactly("id", "date", "firstMessage");
        assertThat(conversation.get("id").asText()).isEqualTo(chatbotcom.chatIds().get(0));
        assertThat(conversation.get("date").asText()).matches(USER_TIME);
        assertThat(conversation.get("firstMessage").asText()).isEqualTo("hello");
        assertThat(user.get("segments").get(0).get("name").asText()).isEqualTo("Leads");
        assertThat(list("").get("data").get(0).get("conversations").asInt()).isEqualTo(1);

        HttpResponse<String> unknown = http.get("/users/0123456789abcdef01234567");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(unknown).get("status").get("message").asText())
                .isEqualTo("user '0123456789abcdef01234567' not found");
    }

    @Test
    void updatesAttributesByMerging() {
        String id = chatbotcom.createUser("ann", Map.of("default_name", "Ann", "plan", "free", "team", "red"));

        JsonNode answer = http.ok(http.put("/users/" + id,
                "{\"attributes\":{\"default_email\":\"support@chatbot.com\",\"plan\":\"pro\",\"team\":null}}"));

        assertThat(answer.fieldNames()).toIterable().containsExactly("timestamp", "status");
        assertThat(chatbotcom.user(id).attributes()).containsEntry("default_name", "Ann")
                .containsEntry("default_email", "support@chatbot.com").containsEntry("plan", "pro")
                .doesNotContainKey("team");
        assertThat(message(http.put("/users/" + id, "{\"attributes\":{}}")))
                .isEqualTo("attributes must have between 1 and 99 entries");
        assertThat(message(http.put("/users/" + id, "{}"))).isEqualTo("attributes is required");
        assertThat(http.put("/users/0123456789abcdef01234567", "{\"attributes\":{\"a\":\"b\"}}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void bansAndUnbans() {
        String id = chatbotcom.createUser("troll", Map.of("default_name", "Troll"));

        assertThat(http.ok(http.put("/users/" + id + "/ban", "{\"banned\":true}")).get("status").get("code").asInt())
                .isEqualTo(200);
        assertThat(chatbotcom.user(id).banned()).isTrue();
        assertThat(list("").get("data").get(0).get("banned").asBoolean()).isTrue();
        http.ok(http.put("/users/" + id + "/ban", "{\"banned\":false}"));
        assertThat(chatbotcom.user(id).banned()).isFalse();

        assertThat(message(http.put("/users/" + id + "/ban", "{}")))
                .isEqualTo("banned is required and must be true or false");
        assertThat(message(http.put("/users/" + id + "/ban", "{\"banned\":\"yes\"}")))
                .isEqualTo("banned must be true or false");
        assertThat(http.put("/users/0123456789abcdef01234567/ban", "{\"banned\":true}").statusCode()).isEqualTo(404);
    }
}
