package io.github.camelchatbots.component.ebbot.model;

import java.time.Instant;

import io.github.camelchatbots.support.json.IsoInstant;

/**
 * One line of an Ebbot transcript: {@code date}, {@code time}, {@code sender} and {@code text} exactly as Ebbot
 * sends them, with the chat it belongs to, its position, and the parsed {@code timestamp} (null when Ebbot's date
 * or time is in a form we cannot read; the raw strings are kept either way).
 *
 * @param chatId    the chat
 * @param index     position in the transcript, from 0; with the chat id, a stable message id
 * @param date      e.g. {@code 8/12/2024}
 * @param time      e.g. {@code 9:15:08 AM}
 * @param sender    {@code user}, {@code bot}, {@code agent} or {@code system}
 * @param text      the message
 * @param timestamp date and time read in the endpoint's {@code timeZone}
 */
public record EbbotMessage(String chatId, int index, String date, String time, String sender, String text,
                           @IsoInstant Instant timestamp) {

    /** {@code <chatId>#<index>}: Ebbot gives messages no id, and transcripts only ever grow at the end. */
    public String messageId() {
        return chatId + "#" + index;
    }
}
