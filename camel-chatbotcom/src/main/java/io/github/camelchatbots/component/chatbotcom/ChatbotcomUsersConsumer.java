package io.github.camelchatbots.component.chatbotcom;

import java.time.Instant;

import io.github.camelchatbots.component.chatbotcom.client.UserListing;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUser;
import io.github.camelchatbots.support.consumer.ListItemConsumer;
import io.github.camelchatbots.support.consumer.scan.AfterIdScan;
import io.github.camelchatbots.support.consumer.scan.ListScan;
import io.github.camelchatbots.support.error.ChatbotBadRequestException;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import org.apache.camel.Processor;

/**
 * Delivers each ChatBot.com user once, oldest first, as a {@link ChatbotcomUser} (as {@code chatbotcom:users}
 * lists them); with {@code sortField=lastSeen}, again each time the user is seen again. The list is read ascending
 * after a user the consumer has taken, so an idle poll costs one request however many users there are; a user who
 * was deleted or has moved (seen again) is no place to read after, and the scan reads after an older one.
 */
public class ChatbotcomUsersConsumer extends ListItemConsumer<ChatbotcomUser> {

    private final ChatbotcomEndpoint endpoint;
    private final boolean byLastSeen;
    private ListScan<ChatbotcomUser> scan;

    public ChatbotcomUsersConsumer(ChatbotcomEndpoint endpoint, Processor processor) {
        super(endpoint, processor, ChatbotcomConstants.USER_ID, ChatbotcomUser.class);
        this.endpoint = endpoint;
        this.byLastSeen = "lastSeen".equals(endpoint.getConfiguration().getSortField());
    }

    @Override
    protected void doStart() throws Exception {
        ChatbotcomConfiguration configuration = endpoint.getConfiguration();
        UserListing listing = new UserListing(configuration.getLimit(), null, byLastSeen ? "lastSeen" : "createdAt",
                "asc", configuration.getMatch(), endpoint.filters());
        scan = new AfterIdScan<ChatbotcomUser>(afterId -> {
            try {
                return endpoint.getClient().users(listing.after(afterId)).data();
            } catch (ChatbotNotFoundException | ChatbotBadRequestException unknownCursor) {
                if (afterId == null) {
                    throw unknownCursor;
                }
                // the user read after is gone, or no longer matches the filters: read after an older one
                return null;
            }
        }, this::rank, ChatbotcomUser::id, configuration.getLimit()).asListScan();
        super.doStart();
    }

    @Override
    protected String defaultCursorKey() {
        return endpoint.cursorKeyFor(byLastSeen ? "users-seen" : "users");
    }

    @Override
    protected ListScan<ChatbotcomUser> scan(String partition) {
        return scan;
    }

    /** The user's createdAt or lastSeen, by the sort field; a user without one sorts first, as the oldest would. */
    @Override
    protected long rank(ChatbotcomUser user) {
        Instant at = byLastSeen ? user.lastSeen() : user.createdAt();
        return at != null ? at.toEpochMilli() : 0;
    }

    @Override
    protected String id(ChatbotcomUser user) {
        return user.id();
    }
}
