package dev.skillnet.inference.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reads string fields of a prediction input, naming the field when one is missing or not a string. */
final class JsonFields {

    private JsonFields() {}

    /**
     * @param o the input object
     * @param field the field name
     * @param required whether a missing field is an error
     * @return the string, or {@code null} when absent and not required
     * @throws FieldException when the field is missing (and required) or not a string
     */
    static String string(JsonObject o, String field, boolean required) {
        JsonElement v = o.get(field);
        if (v == null || v.isJsonNull()) {
            if (required) {
                throw new FieldException(field, "missing field \"" + field + "\"; fields present: " + o.keySet());
            }
            return null;
        }
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            throw new FieldException(field, "field \"" + field + "\" must be a string");
        }
        return v.getAsString();
    }
}
