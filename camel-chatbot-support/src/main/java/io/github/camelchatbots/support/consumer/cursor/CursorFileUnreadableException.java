package io.github.camelchatbots.support.consumer.cursor;

import java.nio.file.Path;

/**
 * A cursor file exists but does not hold cursors this store can read: empty, not UTF-8, not JSON, cut short, of
 * another shape or of a newer format version.
 * <p>
 * Why a type of its own: starting over from such a file means delivering everything again (or skipping what came
 * meanwhile), so it must never happen silently. A consumer catches this to apply what its user chose
 * ({@code unreadableCursor}), and otherwise lets it fail the route's start, with a message that names the file and the
 * damage. An I/O error while reading (permissions, a failing disk) is not this exception but an
 * {@link java.io.UncheckedIOException}: the file may be fine, and a choice to start over must not apply to it.
 * <p>
 * Whoever throws this leaves the file as it was, byte for byte.
 */
public class CursorFileUnreadableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** A String, not a Path, as exceptions are serializable and Path is not. */
    private final String file;
    private final String problem;

    /**
     * @param file    the file, absolute
     * @param problem what is wrong, as the rest of a sentence starting with the file: "is empty (0 bytes)"
     * @param cause   the parser's error, if any
     */
    public CursorFileUnreadableException(Path file, String problem, Throwable cause) {
        super("The cursor file " + file + " " + problem + "; restore it from a backup, or set unreadableCursor="
              + "beginning or now to start over; the file is left as it is", cause);
        this.file = file.toString();
        this.problem = problem;
    }

    /** The unreadable file, absolute. */
    public Path getFile() {
        return Path.of(file);
    }

    /** What is wrong with it, e.g. "is empty (0 bytes)" or "is not JSON: ... at line 1 column 37". */
    public String getProblem() {
        return problem;
    }
}
