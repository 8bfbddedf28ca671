package io.github.camelchatbots.component.chatbotcom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
 * lastSeen order the user a page was read after is therefore checked once the page is read (one more request per
 * page); when the cursor's user has moved or gone, the place is found again by reading newest first down to the
 * cursor's time, and the read is repeated from there.
 */
public class ChatbotcomUsersConsumer extends CursorPollingConsumer {

    /** Bounds one poll's memory on a large backlog; the rest follows on the next polls. */
    private static final int MAX_PAGES_PER_POLL = 25;
    /** In lastSeen order a new place can move again before it is read from; a few tries, then the next poll. */
    private static final int MAX_ANCHOR_SEARCHES = 3;

    private final ChatbotcomEndpoint endpoint;
    private final boolean byLastSeen;

    public ChatbotcomUsersConsumer(ChatbotcomEndpoint endpoint, Processor processor) {
        super(endpoint, processor, ChatbotcomConstants.USER_ID);
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

        /**
         * Equal times are told apart by id. ChatBot.com does not document how it orders them; this order only
         * matters when the place is found again by time, for users seen in the same millisecond as the cursor's.
         */
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
        List<ChatbotcomUser> fresh = delivered == null ? readAscending(null, null, wanted)
                : delivered.id() != null ? readAscending(delivered, null, wanted) : null;
        for (int attempt = 0; fresh == null && attempt < MAX_ANCHOR_SEARCHES; attempt++) {
            ChatbotcomUser anchor = newestAtOrBefore(delivered);
            fresh = readAscending(anchor == null ? null : markOf(anchor), delivered, wanted);
            if (fresh != null && fresh.isEmpty() && anchor != null && delivered.id() == null) {
                // nothing lies between the anchor and the start time: from now on the anchor is the place, and an
                // idle poll costs one request instead of a search
                storeCursor(writeCursor(markOf(anchor)));
            }
        }
        List<PollItem> items = new ArrayList<>();
        // null still: the order kept moving under every read; nothing is lost by trying again next poll
        for (ChatbotcomUser user : fresh == null ? List.<ChatbotcomUser> of() : fresh) {
            items.add(new PollItem(user, user.id(), writeCursor(markOf(user)), Map.of()));
        }
        return items;
    }

    /**
     * Reads ascending after the user {@code anchor} names (null: from the start), dropping users not after
     * {@code notAfter}: reading from another user than the cursor's, some may have been delivered already.
     * <p>
     * Each page is only as good as the place of the user it was read after. In lastSeen order that user is looked up
     * once the page is read: if it was seen again meanwhile, it jumped to the end and the page skipped whoever lies
     * between, so the page is dropped. Returns null when the very first place is gone (the anchor was seen again or
     * deleted, or no longer matches the filters), for the caller to find a new one by time.
     */
    private List<ChatbotcomUser> readAscending(Mark anchor, Mark notAfter, int wanted) {
        ChatbotcomClient client = endpoint.getClient();
        UserListing listing = baseListing().after(anchor == null ? null : anchor.id());
        List<ChatbotcomUser> fresh = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES_PER_POLL && fresh.size() < wanted; page++) {
            ChatbotcomUserPage users;
            try {
                users = client.users(listing);
            } catch (ChatbotNotFoundException | ChatbotBadRequestException anchorGone) {
                if (page == 0 && anchor != null) {
                    return null;
                }
                throw anchorGone;
            }
            if (byLastSeen && anchor != null && !stillAt(anchor)) {
                if (page == 0) {
                    return null;
                }
                break;
            }
            for (ChatbotcomUser user : users.data()) {
                if (notAfter == null || Mark.ORDER.compare(markOf(user), notAfter) > 0) {
                    fresh.add(user);
                }
            }
            if (users.data().size() < listing.limit() || !endpoint.getApiClient().hasBudget()) {
                break;
            }
            anchor = markOf(users.data().get(users.data().size() - 1));
            listing = listing.after(anchor.id());
        }
        return fresh.size() > wanted ? fresh.subList(0, wanted) : fresh;
    }

    /** Whether the user still has the place the mark knows: not seen again since, not deleted. */
    private boolean stillAt(Mark mark) {
        try {
            ChatbotcomUserDetails user = endpoint.getClient().user(mark.id());
            return placeOf(user.lastSeen()).equals(mark.at());
        } catch (ChatbotNotFoundException gone) {
            return false;
        }
    }

    /**
     * Reads newest first down to the first user at or before the mark: a place to read ascending from. Null when
     * every user is newer than the mark.
     */
    private ChatbotcomUser newestAtOrBefore(Mark mark) {
        UserListing listing = baseListing().sortedBy(sortField(), "desc").after(null);
        while (true) {
            ChatbotcomUserPage users = endpoint.getClient().users(listing);
            for (ChatbotcomUser user : users.data()) {
                if (Mark.ORDER.compare(markOf(user), mark) <= 0) {
                    return user;
                }
            }
            String last = users.lastId();
            // a page that does not move on would be read forever
            if (users.data().size() < listing.limit() || last == null || last.equals(listing.after())) {
                return null;
            }
            listing = listing.after(last);
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
        return new Mark(user.id(), placeOf(byLastSeen ? user.lastSeen() : user.createdAt()));
    }

    /** A user without the time sorts first, as the oldest would. */
    private static Instant placeOf(Instant at) {
        return at != null ? at : Instant.EPOCH;
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
