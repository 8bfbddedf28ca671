package io.github.camelchatbots.component.ebbot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.github.camelchatbots.component.ebbot.client.EbbotClient;
import io.github.camelchatbots.component.ebbot.model.EbbotChat;
import io.github.camelchatbots.component.ebbot.model.EbbotChatId;
import io.github.camelchatbots.support.consumer.StartFrom;

/**
 * Finds the chats created after a given one in Ebbot's newest-first list, reading pages only down to that chat,
 * so an idle poll costs a single request. A scan that runs out of rate-limit budget resumes on the next poll at
 * the page it stopped: chats created meanwhile push older ones onto later pages, never earlier ones, so resuming
 * may see a chat twice but cannot miss one.
 */
final class ChatListScan {

    private final EbbotClient client;
    private final int pageSize;
    private final TreeSet<EbbotChat> found = new TreeSet<>(EbbotChatId.ORDER);
    private EbbotChat scanningAfter;
    private int nextPage;
    private int largestPage;

    ChatListScan(EbbotClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    /** Where a first start begins reading the list: null for the whole list, else a mark before the start time. */
    static String startMark(StartFrom startFrom, Instant now) {
        return startFrom.kind() == StartFrom.Kind.BEGINNING ? null : EbbotChatId.before(startFrom.earliest(now));
    }

    /**
     * Continues the scan in progress, or starts one for chats after {@code after} (null: the whole list).
     *
     * @param  seen receives every chat on every page read, e.g. to refresh statuses
     * @return      the chats created after {@code after}, oldest first, once the scan is complete; null while the
     *              budget did not allow it to finish
     */
    List<EbbotChat> continueAfter(EbbotChat after, Consumer<EbbotChat> seen) {
        if (nextPage == 0) {
            scanningAfter = after;
            found.clear();
            largestPage = 0;
            nextPage = 1;
        }
        while (client.api().hasBudget()) {
            List<EbbotChat> page = client.chats(nextPage, pageSize);
            boolean reachedKnownChats = false;
            for (EbbotChat chat : page) {
                seen.accept(chat);
                if (scanningAfter != null && EbbotChatId.ORDER.compare(chat, scanningAfter) <= 0) {
                    reachedKnownChats = true;
                } else {
                    // a chat seen again on a later page carries the fresher status
                    found.remove(chat);
                    found.add(chat);
                }
            }
            largestPage = Math.max(largestPage, page.size());
            if (reachedKnownChats || endOfList(page.size())) {
                nextPage = 0;
                List<EbbotChat> complete = new ArrayList<>(found);
                found.clear();
                return complete;
            }
            nextPage++;
        }
        return null;
    }

    /**
     * Whether a page of this size ends the list. Ebbot does not document a largest page size: a server that caps
     * {@code limit} answers every page short, so a short page ends the list only when it is shorter than pages
     * already seen, or empty. The price is one more request when a short list has nothing known on it.
     */
    private boolean endOfList(int size) {
        return size == 0 || (size < pageSize && size < largestPage);
    }
}
