package dev.skillnet.core;

import java.nio.file.Path;

/**
 * A mistake in something the user gave us (a file, a declaration, a flag), as opposed to a bug.
 *
 * <p>The message always names where the problem is and what it is, in the form {@code
 * file:line: reason} (or {@code file: reason} when there is no line, or just {@code reason} when
 * there is no file). The command-line tool prints it without a stack trace and exits with code 2.
 */
public class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Path file;
    private final long line;
    private final String reason;

    /**
     * A problem in a file at a given line.
     *
     * @param file the file, or {@code null} when the problem is not in a file
     * @param line the 1-based line (or record) number, or 0 when it is not known
     * @param reason what is wrong, as a sentence fragment without trailing period
     */
    public UserInputException(Path file, long line, String reason) {
        this(file, line, reason, null);
    }

    /**
     * A problem in a file at a given line, caused by a lower-level exception.
     *
     * @param file the file, or {@code null}
     * @param line the 1-based line number, or 0
     * @param reason what is wrong
     * @param cause the underlying exception, kept for {@code --verbose}
     */
    public UserInputException(Path file, long line, String reason, Throwable cause) {
        super(format(file, line, reason), cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /**
     * A problem in a whole file (no particular line).
     *
     * @param file the file
     * @param reason what is wrong
     */
    public UserInputException(Path file, String reason) {
        this(file, 0, reason);
    }

    /**
     * A problem in a whole file, caused by a lower-level exception.
     *
     * @param file the file
     * @param reason what is wrong
     * @param cause the underlying exception, kept for {@code --verbose}
     */
    public UserInputException(Path file, String reason, Throwable cause) {
        this(file, 0, reason, cause);
    }

    /**
     * A problem not tied to a file, such as a bad command-line value.
     *
     * @param reason what is wrong
     */
    public UserInputException(String reason) {
        this(null, 0, reason);
    }

    /** @return the file at fault, or {@code null} */
    public Path file() {
        return file;
    }

    /** @return the 1-based line, or 0 when unknown */
    public long line() {
        return line;
    }

    /** @return the reason alone, without the location */
    public String reason() {
        return reason;
    }

    private static String format(Path file, long line, String reason) {
        if (file == null) {
            return reason;
        }
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
