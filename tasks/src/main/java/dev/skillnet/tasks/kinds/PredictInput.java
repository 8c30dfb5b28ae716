package dev.skillnet.tasks.kinds;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import java.nio.file.Path;

/** Reads string fields of a {@code skillnet predict} input line, with located errors. */
final class PredictInput {

    private PredictInput() {}

    /**
     * @param o the input object
     * @param field the field name
     * @param file the input file, for errors
     * @param line its 1-based line, for errors
     * @param required whether a missing field is an error
     * @return the string, or {@code null} when absent and not required
     * @throws UserInputException when the field is missing (and required) or not a string
     */
    static String string(JsonObject o, String field, Path file, long line, boolean required) {
        JsonElement v = o.get(field);
        if (v == null || v.isJsonNull()) {
            if (required) {
                throw new UserInputException(file, line, "missing field \"" + field
                        + "\"; fields present: " + o.keySet());
            }
            return null;
        }
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            throw new UserInputException(file, line, "field \"" + field + "\" must be a string");
        }
        return v.getAsString();
    }
}
