package dev.skillnet.data.read;

import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict UTF-8 reading of user files: invalid bytes are reported with the line they are on,
 * instead of being silently replaced by U+FFFD.
 */
public final class Utf8Text {

    private Utf8Text() {}

    /**
     * Reads a whole file as UTF-8, dropping a leading byte-order mark.
     *
     * @param file the file
     * @return its text
     * @throws UserInputException when the file is missing, unreadable or not valid UTF-8 (naming
     *     the line of the first bad byte)
     */
    public static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file, 0, "file not found", e);
        } catch (IOException e) {
            throw new UserInputException(file, 0, "cannot read file: " + e.getMessage(), e);
        }
        return decode(file, bytes);
    }

    /**
     * Decodes bytes as strict UTF-8.
     *
     * @param file the file the bytes came from, for messages
     * @param bytes the bytes
     * @return the text, without a leading byte-order mark
     * @throws UserInputException naming the line of the first invalid byte sequence
     */
    public static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int pos = in.position();
            throw new UserInputException(
                    file,
                    lineOf(bytes, pos),
                    "invalid UTF-8 bytes (byte offset " + pos + "); the file must be UTF-8 encoded");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Splits text into lines on {@code \n}, dropping a trailing {@code \r} from each line. A final
     * newline does not produce an extra empty line.
     *
     * @param text the text
     * @return the lines; line {@code i} of the file is element {@code i - 1}
     */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, stop));
            start = end + 1;
        }
        return lines;
    }

    /**
     * Reads a file and splits it into lines.
     *
     * @param file the file
     * @return its lines
     */
    public static List<String> readLines(Path file) {
        return lines(read(file));
    }

    private static long lineOf(byte[] bytes, int pos) {
        long line = 1;
        for (int i = 0; i < pos && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
