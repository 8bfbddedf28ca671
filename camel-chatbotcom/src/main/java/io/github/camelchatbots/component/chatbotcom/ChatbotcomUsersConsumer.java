package io.github.camelchatbots.component.chatbotcom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.camelchatbots.component.chatbotcom.client.ChatbotcomClient;
import io.github.camelchatbots.component.chatbotcom.client.UserListing;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUser;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserDetails;
import io.github.camelchatbots.component.chatbotcom.model.ChatbotcomUserPage;
import io.github.camelchatbots.support.consumer.CursorPollingConsumer;
import io.github.camelchatbots.support.consumer.PollItem;
import io.github.camelchatbots.support.consumer.StartFrom;
import io.github.camelchatbots.support.error.ChatbotBadRequestException;
import io.github.camelchatbots.support.error.ChatbotNotFoundException;
import org.apache.camel.Processor;

/**
 * Delivers each ChatBot.com user once, oldest first, as a {@link ChatbotcomUser}; with {@code sortField=lastSeen},
 * each time the user is seen again. The cursor is the last user delivered and the time that placed it.
 * <p>
 * The list is read in ascending order from the cursor's user ({@code after}), so an idle poll costs one request
 * however many users there are. That position is only as good as the user's place in the order: creation never
 * changes, but a user seen again moves to the end of the lastSeen order, and a deleted user has no place at all. In
 * lastSeen order the cursor's user is therefore checked after each read (one more request); when it has moved or
 * gone, the place is found again by reading newest first down to the cursor's time, and the read is repeated from
 * there.
 */
public class ChatbotcomUsersConsumer extends CursorPollingConsumer {

    /** Bounds one poll's memory on a large backlog; the rest follows on the next polls. */
    private static final int MAX_PAGES_PER_POLL = 25;

    private final ChatbotcomEndpoint endpoint;
    private final boolean byLastSeen;

    public ChatbotcomUsersConsumer(ChatbotcomEndpoint endpoint, Processor processor) {
        super(endpoint, processor, ChatbotcomConstants.ID);
        this.endpoint = endpoint;
        this.byLastSeen = "lastSeen".equals(endpoint.getConfiguration().getSortField());
    }

    /**
     * How far delivery has got.
     *
     * @param id the last user delivered; null when only a start time is known
     * @param at that user's createdAt or lastSeen (by the sort field), or the start time
     */
    record Mark(String id, Instant at) {

        static final Comparator<Mark> ORDER = Comparator.comparing(Mark::at)
                .thenComparing(Mark::id, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    @Override
    protected String defaultCursorKey() {
        return endpoint.cursorKeyFor(byLastSeen ? "users-seen" : "users");
    }

    @Override
    protected String initialCursor(StartFrom startFrom, Instant now) {
        return startFrom.kind() == StartFrom.Kind.BEGINNING ? null
                : writeCursor(new Mark(null, startFrom.earliest(now)));
    }

    @Override
    protected List<PollItem> fetch(String cursor, int maxItems) {
        Mark delivered = cursor == null ? null : read(cursor);
        int wanted = maxItems > 0 ? maxItems : Integer.MAX_VALUE;
        List<ChatbotcomUser> fresh = delivered == null ? readFrom(null, null, wanted) : readAfter(delivered, wanted);
        List<PollItem> items = new ArrayList<>(fresh.size());
        for (ChatbotcomUser user : fresh) {
            items.add(new PollItem(user, user.id(), writeCursor(markOf(user)), Map.of()));
        }
        return items;
    }

    private List<ChatbotcomUser> readAfter(Mark delivered, int wanted) {
        if (delivered.id() != null) {
            try {
                List<ChatbotcomUser> fresh = readFrom(delivered.id(), null, wanted);
                if (!byLastSeen || stillAt(delivered)) {
                    return fresh;
                }
            } catch (ChatbotNotFoundException | ChatbotBadRequestException anchorGone) {
                // the cursor's user was deleted (or no longer matches the filters): find the place by time below
            }
        }
        ChatbotcomUser anchor = newestAtOrBefore(delivered);
        return readFrom(anchor == null ? null : anchor.id(), delivered, wanted);
    }

    /**
     * Reads ascending after {@code afterId} (null: from the start). Users not after {@code notAfter} are dropped:
     * when reading from another user than the cursor's, some may be ones already delivered.
     */
    private List<ChatbotcomUser> readFrom(String afterId, Mark notAfter, int wanted) {
        ChatbotcomClient client = endpoint.getClient();
        UserListing listing = baseListing().after(afterId);
        List<ChatbotcomUser> fresh = new ArrayList<>();
        // a user seen again while the pages are read jumps to the end of the lastSeen order, so that order is only
        // trusted one page at a time
        int pages = byLastSeen ? 1 : MAX_PAGES_PER_POLL;
        for (int page = 0; page < pages && fresh.size() < wanted; page++) {
            ChatbotcomUserPage users = client.users(listing);
            for (ChatbotcomUser user : users.data()) {
                if (notAfter == null || Mark.ORDER.compare(markOf(user), notAfter) > 0) {
                    fresh.add(user);
                }
            }
            if (users.data().size() < listing.limit() || !endpoint.getApiClient().hasBudget()) {
                break;
            }
            listing = listing.after(users.lastId());
        }
        return fresh.size() > wanted ? fresh.subList(0, wanted) : fresh;
    }

    /** Whether the cursor's user still has the place the cursor knows: not seen again since, not deleted. */
    private boolean stillAt(Mark delivered) {
        try {
            ChatbotcomUserDetails user = endpoint.getClient().user(delivered.id());
            return Objects.equals(user.lastSeen(), delivered.at());
        } catch (ChatbotNotFoundException gone) {
            return false;
        }
    }

    /** Reads newest first down to the first user at or before the mark: a place to read ascending from. */
    private ChatbotcomUser newestAtOrBefore(Mark mark) {
        UserListing listing = baseListing().sortedBy(sortField(), "desc").after(null);
        while (true) {
            ChatbotcomUserPage users = endpoint.getClient().users(listing);
            for (ChatbotcomUser user : users.data()) {
                if (Mark.ORDER.compare(markOf(user), mark) <= 0) {
                    return user;
                }
            }
            if (users.data().size() < listing.limit()) {
                return null;
            }
            listing = listing.after(users.lastId());
        }
    }

    private UserListing baseListing() {
        ChatbotcomConfiguration configuration = endpoint.getConfiguration();
        return new UserListing(configuration.getLimit(), null, sortField(), "asc", configuration.getMatch(),
                endpoint.filters());
    }

    private String sortField() {
        return byLastSeen ? "lastSeen" : "createdAt";
    }

    private Mark markOf(ChatbotcomUser user) {
        Instant at = byLastSeen ? user.lastSeen() : user.createdAt();
        return new Mark(user.id(), at != null ? at : Instant.EPOCH);
    }

    private Mark read(String cursor) {
        Mark mark = readCursor(cursor, Mark.class);
        if (mark.at() == null) {
            throw new IllegalStateException("The stored cursor " + getCursorKey() + " has no time; give this consumer"
                                            + " its own cursorKey");
        }
        return mark;
    }
}
