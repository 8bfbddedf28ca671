package io.github.camelchatbots.component.chataibot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.camelchatbots.component.chataibot.client.MultipartRequest.Part;
import io.github.camelchatbots.support.Texts;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;

/**
 * The form fields of an upload, from the message body: text becomes a text source, a file (a {@link File}, a
 * {@link Path}, or bytes, a stream or text with a {@code CamelFileName} header, as the file component delivers) a file
 * source. A {@link Map} names the field of each of its entries, a {@link Collection} puts all of them in the
 * {@code sourceField}.
 */
final class SourceParts {

    private SourceParts() {
    }

    static List<Part> of(Message message, String sourceField) {
        Object body = message.getBody();
        List<Part> parts = new ArrayList<>();
        if (body instanceof Map<?, ?> fields) {
            fields.forEach((field, value) -> {
                if (!(field instanceof String name) || name.isBlank()) {
                    throw new IllegalArgumentException("ChatAIBot: chataibot:uploadSources takes a Map of form field"
                                                       + " names to sources; " + Texts.quote(field)
                                                       + " is no field name");
                }
                addAll(parts, message, name, value, null);
            });
        } else if (body instanceof Collection<?> sources) {
            sources.forEach(source -> parts.add(part(message, sourceField, source, null)));
        } else if (body != null) {
            parts.add(part(message, sourceField, body, fileName(message)));
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("ChatAIBot: chataibot:uploadSources needs the sources as the body: text,"
                                               + " a file, a List of them, or a Map of form field names to them");
        }
        return parts;
    }

    private static void addAll(List<Part> parts, Message message, String field, Object value, String fileName) {
        if (value instanceof Collection<?> values) {
            values.forEach(each -> parts.add(part(message, field, each, fileName)));
        } else {
            parts.add(part(message, field, value, fileName));
        }
    }

    /** @param fileName the name for content that does not carry one, or null to take text as a text source */
    private static Part part(Message message, String field, Object value, String fileName) {
        try {
            if (value instanceof File file) {
                return file(field, file.getName(), Files.readAllBytes(file.toPath()));
            }
            if (value instanceof Path path) {
                return file(field, String.valueOf(path.getFileName()), Files.readAllBytes(path));
            }
            if (value instanceof CharSequence text) {
                return fileName == null ? Part.text(field, text.toString())
                        : file(field, fileName, text.toString().getBytes(StandardCharsets.UTF_8));
            }
            if (value instanceof byte[] || value instanceof InputStream || fileName != null) {
                byte[] content = value instanceof InputStream stream ? stream.readAllBytes()
                        : message.getExchange().getContext().getTypeConverter().mandatoryConvertTo(byte[].class,
                                message.getExchange(), value);
                return file(field, fileName != null ? fileName : field, content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ChatAIBot: the source for the form field " + field + " cannot be read", e);
        } catch (NoTypeConversionAvailableException e) {
            // reported below
        }
        throw new IllegalArgumentException("ChatAIBot: chataibot:uploadSources cannot upload a "
                                           + (value == null ? "null" : value.getClass().getSimpleName())
                                           + " in the form field " + field + ": give text, a File, a Path, or bytes"
                                           + " with a CamelFileName header");
    }

    private static Part file(String field, String name, byte[] content) {
        return Part.file(field, name, URLConnection.guessContentTypeFromName(name), content);
    }

    /** The name of the file the body is, as the file component and others give it, without its directories. */
    private static String fileName(Message message) {
        String name = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (name == null || name.isBlank()) {
            name = message.getHeader(Exchange.FILE_NAME, String.class);
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        String normalized = name.replace('\\', '/');
        String last = normalized.substring(normalized.lastIndexOf('/') + 1);
        return last.isBlank() ? null : last;
    }
}
