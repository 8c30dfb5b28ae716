package dev.skillnet.tasks.declare;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import dev.skillnet.skills.SkillJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Typed access to the fields of one JSON object, with errors that name the file and the field. */
final class Fields {

    private final JsonObject object;
    private final Path file;

    Fields(JsonObject object, Path file) {
        this.object = object;
        this.file = file;
    }

    UserInputException error(String reason) {
        return new UserInputException(file, reason);
    }

    /** Rejects any field not in {@code known} (catches typos such as {@code max_lenght}). */
    void onlyKnown(Set<String> known) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw error("unknown field '" + key + "'; known fields: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    boolean has(String field) {
        return object.has(field);
    }

    Optional<JsonElement> optional(String field) {
        return Optional.ofNullable(object.get(field));
    }

    JsonElement required(String field) {
        JsonElement value = object.get(field);
        if (value == null) {
            throw error("missing field \"" + field + "\"");
        }
        return value;
    }

    String requiredString(String field) {
        return asString(field, required(field));
    }

    Optional<String> optionalString(String field) {
        return optional(field).map(value -> asString(field, value));
    }

    JsonObject requiredObject(String field) {
        JsonElement value = required(field);
        if (!value.isJsonObject()) {
            throw error("field \"" + field + "\" must be an object, found " + SkillJson.kind(value));
        }
        return value.getAsJsonObject();
    }

    List<String> requiredStrings(String field) {
        JsonElement value = required(field);
        if (!value.isJsonArray()) {
            throw error("field \"" + field + "\" must be an array of strings, found "
                    + SkillJson.kind(value));
        }
        return strings(field, value.getAsJsonArray());
    }

    List<String> strings(String field, JsonArray array) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(asString(field + "[" + i + "]", array.get(i)));
        }
        return out;
    }

    /** An optional whole number in {@code [min, max]}, or {@code fallback} when absent. */
    int optionalInt(String field, int fallback, int min, int max) {
        Optional<JsonElement> value = optional(field);
        if (value.isEmpty()) {
            return fallback;
        }
        JsonElement v = value.get();
        String expected = "field \"" + field + "\" must be a whole number from " + min + " to " + max;
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
            throw error(expected + ", found " + SkillJson.kind(v));
        }
        double d = v.getAsDouble();
        if (d != Math.rint(d) || d < min || d > max) {
            throw error(expected + ", found " + v.getAsJsonPrimitive().getAsString());
        }
        return (int) d;
    }

    /** An optional number in {@code (0, 1]}, or {@code fallback} when absent. */
    double optionalFraction(String field, double fallback) {
        Optional<JsonElement> value = optional(field);
        if (value.isEmpty()) {
            return fallback;
        }
        JsonElement v = value.get();
        String expected = "field \"" + field + "\" must be a number greater than 0 and at most 1";
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
            throw error(expected + ", found " + SkillJson.kind(v));
        }
        double d = v.getAsDouble();
        if (!(d > 0 && d <= 1)) {
            throw error(expected + ", found " + v.getAsJsonPrimitive().getAsString());
        }
        return d;
    }

    private String asString(String field, JsonElement value) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw error("field \"" + field + "\" must be a string, found " + SkillJson.kind(value));
        }
        return value.getAsString();
    }
}
