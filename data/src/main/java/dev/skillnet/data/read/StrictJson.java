package dev.skillnet.data.read;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;

/** Strict JSON parsing (no lenient Gson extensions) with errors that name file and line. */
final class StrictJson {

    private static final TypeAdapter<JsonElement> ADAPTER = new Gson().getAdapter(JsonElement.class);

    private StrictJson() {}

    /**
     * Parses one JSON value that must fill the whole text.
     *
     * @param text the JSON text
     * @param file the file, for messages
     * @param line the line the text starts on (1 for a whole file)
     * @return the value
     * @throws UserInputException when the text is not valid JSON
     */
    static JsonElement parse(String text, Path file, long line) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement value = ADAPTER.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new UserInputException(file, line, "malformed JSON: unexpected content after"
                        + " the value (" + reader.getPath() + ")");
            }
            return value;
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new UserInputException(file, line, "malformed JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a line that must hold a JSON object.
     *
     * @param text the line
     * @param file the file
     * @param line the line number
     * @return the object
     */
    static JsonObject object(String text, Path file, long line) {
        JsonElement e = parse(text, file, line);
        if (!e.isJsonObject()) {
            throw new UserInputException(file, line, "expected a JSON object, found " + brief(e));
        }
        return e.getAsJsonObject();
    }

    /**
     * A string (or number) field of an object.
     *
     * @param o the object
     * @param field the field name
     * @param where what the object is, for messages (such as "the record")
     * @param file the file
     * @param line the line
     * @return the value as a string
     * @throws UserInputException naming the field and the fields that are there when absent
     */
    static String text(JsonObject o, String field, String where, Path file, long line) {
        JsonElement v = o.get(field);
        if (v == null || v.isJsonNull()) {
            throw new UserInputException(file, line, "field '" + field + "' absent; " + where
                    + " has: " + String.join(", ", o.keySet()));
        }
        if (!v.isJsonPrimitive()) {
            throw new UserInputException(file, line, "field '" + field
                    + "' must be a string or number, found " + brief(v));
        }
        return v.getAsString();
    }

    /** A short rendering of a value for messages. */
    static String brief(JsonElement e) {
        String s = String.valueOf(e);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
