package dev.skillnet.skills;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.skillnet.core.UserInputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a user's JSON file strictly (no comments, no trailing commas, nothing after the value),
 * turning every problem into a {@link UserInputException} that names the file and, for syntax
 * errors, the line and column Gson reports.
 */
public final class JsonFiles {

    private static final Pattern LOCATION =
            Pattern.compile("^(.*?) at line (\\d+) column (\\d+)(?: path (\\S+))?", Pattern.DOTALL);
    private static final String LENIENT_HINT = "Use JsonReader.setStrictness";

    private JsonFiles() {}

    /**
     * Reads and parses one JSON file (UTF-8).
     *
     * @param file the file to read
     * @return its single top-level value
     * @throws UserInputException if the file is missing, unreadable, empty or not valid JSON
     */
    public static JsonElement read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file, 0, "no such file", e);
        } catch (CharacterCodingException e) {
            throw new UserInputException(file, 0, "not valid UTF-8", e);
        } catch (IOException e) {
            throw new UserInputException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses JSON text from a reader; errors name {@code source}.
     *
     * @param reader the text (not closed here)
     * @param source the file the text came from, used in error messages
     * @return the single top-level value
     * @throws UserInputException if the text is empty or not valid JSON
     */
    public static JsonElement parse(Reader reader, Path source) {
        JsonReader json = new JsonReader(reader);
        json.setStrictness(Strictness.STRICT);
        try {
            if (json.peek() == JsonToken.END_DOCUMENT) {
                throw new UserInputException(source, "empty file, expected a JSON value");
            }
            JsonElement root = JsonParser.parseReader(json);
            json.peek(); // throws on anything but whitespace after the value
            return root;
        } catch (EOFException e) {
            throw new UserInputException(source, "empty file, expected a JSON value");
        } catch (IOException | JsonParseException e) {
            throw syntaxError(source, e);
        }
    }

    /**
     * Turns a Gson parse failure into a user error at the line and column Gson reports.
     *
     * @param source the file being parsed
     * @param failure what Gson threw
     * @return the exception to throw
     */
    static UserInputException syntaxError(Path source, Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        Matcher m = LOCATION.matcher(message);
        if (!m.find()) {
            return new UserInputException(source, 0, "invalid JSON: " + message, failure);
        }
        long line = Long.parseLong(m.group(2));
        String column = m.group(3);
        String what = describe(m.group(1));
        String path = m.group(4) == null || m.group(4).equals("$") ? "" : " (at " + m.group(4) + ")";
        return new UserInputException(
                source, line, "invalid JSON at column " + column + ": " + what + path, failure);
    }

    private static String describe(String gsonReason) {
        if (gsonReason.startsWith(LENIENT_HINT)) {
            return "malformed JSON (comments, single quotes, unquoted words, trailing commas"
                    + " and text after the value are not allowed)";
        }
        if (gsonReason.startsWith("End of input")) {
            return "unexpected end of file";
        }
        return gsonReason.isEmpty()
                ? gsonReason
                : Character.toLowerCase(gsonReason.charAt(0)) + gsonReason.substring(1);
    }
}
