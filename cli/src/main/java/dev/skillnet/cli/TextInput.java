package dev.skillnet.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One input line of {@code encode} or {@code predict}: {@code {"text": ..., "text_pair": ...}}.
 *
 * @param text the first (or only) text
 * @param textPair the second text, or {@code null}
 * @param answer what a {@code [MASK]} in the text should be ({@code fill-mask}), or {@code null}
 * @param line the 1-based line it came from
 */
record TextInput(String text, String textPair, String answer, long line) {

    /**
     * Reads a JSON-lines file; blank lines are skipped.
     *
     * @param file the file
     * @return the inputs, at least one
     * @throws UserInputException naming file and line for missing files, bad UTF-8 or JSON, a
     *     missing or non-string text, or an empty file
     */
    static List<TextInput> read(Path file) {
        List<TextInput> out = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            long n = 0;
            String s;
            while (true) {
                n++;
                try {
                    s = r.readLine();
                } catch (CharacterCodingException e) {
                    throw new UserInputException(file, n, "invalid UTF-8 bytes");
                }
                if (s == null) {
                    break;
                }
                if (!s.isBlank()) {
                    out.add(parse(file, n, s));
                }
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException(file, "input file does not exist");
        } catch (IOException e) {
            throw new UserInputException(file, "cannot read: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new UserInputException(file, "no inputs: the file is empty");
        }
        return out;
    }

    private static TextInput parse(Path file, long n, String s) {
        JsonElement e;
        try {
            e = JsonParser.parseString(s);
        } catch (JsonParseException ex) {
            throw new UserInputException(file, n, "not valid JSON: " + ex.getMessage());
        }
        if (!e.isJsonObject()) {
            throw new UserInputException(file, n, "expected a JSON object {\"text\": ...}");
        }
        JsonObject o = e.getAsJsonObject();
        return new TextInput(string(o, "text", file, n, true), string(o, "text_pair", file, n, false),
                string(o, "answer", file, n, false), n);
    }

    private static String string(JsonObject o, String field, Path file, long n, boolean required) {
        JsonElement v = o.get(field);
        if (v == null || v.isJsonNull()) {
            if (required) {
                throw new UserInputException(file, n, "missing field \"" + field + "\"; fields present: " + o.keySet());
            }
            return null;
        }
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            throw new UserInputException(file, n, "field \"" + field + "\" must be a string");
        }
        return v.getAsString();
    }
}
