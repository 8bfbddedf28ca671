package io.github.camelchatbots.simulator.chataibot;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/form-data} body (RFC 7578) split into its fields. Small on purpose: the simulator needs each
 * field's name, whether it is a file (it has a {@code filename}) and its content, nothing of the MIME machinery
 * beyond that.
 *
 * <p>It works on the body as the simulator records it, decoded as UTF-8: text files arrive intact, the bytes of a
 * binary file may not, which is harmless because the simulator only looks into a file's content for the markers
 * that make a test's source fail.
 */
final class MultipartForm {

    /**
     * One field of the form.
     *
     * @param filename the file's name, {@code null} for a text field
     * @param contentType the part's own {@code Content-Type}, {@code null} when it has none
     */
    record Part(String name, String filename, String contentType, String content) {

        boolean isFile() {
            return filename != null;
        }
    }

    private MultipartForm() {
    }

    /** @throws IllegalArgumentException naming what is wrong with the header or the body */
    static List<Part> parse(String contentType, String body) {
        String boundary = boundary(contentType);
        // Some hand-written clients end lines with a bare LF; a CRLF anywhere means the body uses CRLF.
        String eol = body.contains("\r\n") ? "\r\n" : "\n";
        String delimiter = "--" + boundary;
        int at = body.startsWith(delimiter) ? 0 : body.indexOf(eol + delimiter);
        if (at < 0) {
            throw new IllegalArgumentException("the body has no part delimited by the boundary " + boundary);
        }
        if (at > 0) {
            at += eol.length();
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int afterDelimiter = at + delimiter.length();
            if (body.startsWith("--", afterDelimiter)) {
                return parts;
            }
            int lineEnd = body.indexOf(eol, afterDelimiter);
            if (lineEnd < 0 || !body.substring(afterDelimiter, lineEnd).isBlank()) {
                throw new IllegalArgumentException("the closing boundary --" + boundary + "-- is missing");
            }
            int headersStart = lineEnd + eol.length();
            int headersEnd = body.indexOf(eol + eol, headersStart - eol.length());
            if (headersEnd < 0) {
                throw new IllegalArgumentException("part " + (parts.size() + 1) + " has no end of its headers");
            }
            int contentStart = headersEnd + 2 * eol.length();
            int next = body.indexOf(eol + delimiter, contentStart - eol.length());
            if (next < 0) {
                throw new IllegalArgumentException("part " + (parts.size() + 1) + " is not closed by the boundary");
            }
            String headers = headersEnd > headersStart ? body.substring(headersStart, headersEnd) : "";
            String content = next > contentStart ? body.substring(contentStart, next) : "";
            parts.add(part(parts.size() + 1, headers.split(eol), content));
            at = next + eol.length();
        }
    }

    private static String boundary(String contentType) {
        if (contentType == null) {
            throw new IllegalArgumentException("Content-Type must be multipart/form-data");
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        if (!type.equalsIgnoreCase("multipart/form-data")) {
            throw new IllegalArgumentException("Content-Type must be multipart/form-data, was " + type);
        }
        String boundary = semicolon < 0 ? null : parameters(contentType.substring(semicolon + 1)).get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new IllegalArgumentException("Content-Type multipart/form-data needs a boundary");
        }
        return boundary;
    }

    private static Part part(int number, String[] headerLines, String content) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        String disposition = headers.get("content-disposition");
        if (disposition == null) {
            throw new IllegalArgumentException("part " + number + " has no Content-Disposition");
        }
        int semicolon = disposition.indexOf(';');
        String kind = (semicolon < 0 ? disposition : disposition.substring(0, semicolon)).trim();
        Map<String, String> parameters = semicolon < 0 ? Map.of() : parameters(disposition.substring(semicolon + 1));
        String name = parameters.get("name");
        if (!kind.equalsIgnoreCase("form-data") || name == null || name.isEmpty()) {
            throw new IllegalArgumentException(
                    "part " + number + " must have Content-Disposition: form-data; name=...");
        }
        String filename = parameters.containsKey("filename*") ? extendedValue(parameters.get("filename*"))
                : parameters.get("filename");
        return new Part(name, filename, headers.get("content-type"), content);
    }

    /** {@code a=1; b="x; y"} to a map with lower-case names; quoted values may escape a quote with a backslash. */
    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).replace(";", "").trim().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            while (j < text.length() && text.charAt(j) == ' ') {
                j++;
            }
            if (j < text.length() && text.charAt(j) == '"') {
                j++;
                while (j < text.length() && text.charAt(j) != '"') {
                    if (text.charAt(j) == '\\' && j + 1 < text.length()) {
                        j++;
                    }
                    value.append(text.charAt(j++));
                }
                j++;
            } else {
                while (j < text.length() && text.charAt(j) != ';') {
                    value.append(text.charAt(j++));
                }
            }
            parameters.putIfAbsent(name, name.endsWith("*") ? value.toString() : value.toString().trim());
            int next = text.indexOf(';', j);
            i = next < 0 ? text.length() : next + 1;
        }
        return parameters;
    }

    /** RFC 5987's {@code UTF-8''na%C3%AFve.txt}, which clients use for file names that are not ASCII. */
    private static String extendedValue(String value) {
        int quotes = value.indexOf("''");
        String encoded = quotes < 0 ? value : value.substring(quotes + 2);
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
