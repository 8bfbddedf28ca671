package io.github.camelchatbots.simulator.engati;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of RFC 7578 {@code multipart/form-data} to read a broadcast: parts by name, each with its content as
 * text. The body reaches the simulator already decoded as UTF-8, so binary content arrives with replacement
 * characters, which is what the CSV check needs to see it is not text.
 */
final class Multipart {

    /** {@code name=value} or {@code name="value"} after a {@code ;} in a header value. */
    private static final Pattern PARAMETER = Pattern.compile(";\\s*([A-Za-z0-9_*-]+)\\s*=\\s*(\"([^\"]*)\"|[^;\\s]*)");

    /** A part's own Content-Type is not read: Engati tells its two parts apart by name alone. */
    record Part(String name, String content) {

        long sizeInBytes() {
            return content.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private Multipart() {
    }

    /**
     * The parts by name; of two parts with the same name the first counts.
     *
     * @throws IllegalArgumentException naming what is wrong when the body is not multipart/form-data
     */
    static Map<String, Part> parse(String contentTypeHeader, String body) {
        if (contentTypeHeader == null
                || !contentTypeHeader.trim().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new IllegalArgumentException("the body must be multipart/form-data, the Content-Type was "
                    + contentTypeHeader);
        }
        String boundary = parameter(contentTypeHeader, "boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new IllegalArgumentException("the multipart/form-data Content-Type has no boundary");
        }
        String delimiter = "--" + boundary;
        Map<String, Part> parts = new LinkedHashMap<>();
        int at = body.startsWith(delimiter) ? 0 : body.indexOf("\r\n" + delimiter);
        if (at < 0) {
            throw new IllegalArgumentException("the body holds no part delimited by the boundary " + boundary);
        }
        at = body.startsWith(delimiter) ? delimiter.length() : at + 2 + delimiter.length();
        while (!body.startsWith("--", at)) {
            if (!body.startsWith("\r\n", at)) {
                throw new IllegalArgumentException("a multipart boundary must be followed by CRLF");
            }
            int headersEnd = body.indexOf("\r\n\r\n", at);
            int next = headersEnd < 0 ? -1 : body.indexOf("\r\n" + delimiter, headersEnd + 4);
            if (next < 0) {
                throw new IllegalArgumentException("a multipart part is not closed by the boundary " + boundary);
            }
            Part part = part(body.substring(at + 2, headersEnd), body.substring(headersEnd + 4, next));
            parts.putIfAbsent(part.name(), part);
            at = next + 2 + delimiter.length();
        }
        return parts;
    }

    private static Part part(String headerBlock, String content) {
        String disposition = null;
        for (String line : headerBlock.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-disposition")) {
                disposition = line.substring(colon + 1).trim();
            }
        }
        String name = disposition == null ? null : parameter(disposition, "name");
        if (name == null) {
            throw new IllegalArgumentException("a multipart part has no Content-Disposition: form-data; name=...");
        }
        return new Part(name, content);
    }

    private static String parameter(String headerValue, String name) {
        Matcher matcher = PARAMETER.matcher(headerValue);
        while (matcher.find()) {
            if (matcher.group(1).equalsIgnoreCase(name)) {
                return matcher.group(3) != null ? matcher.group(3) : matcher.group(2);
            }
        }
        return null;
    }
}
