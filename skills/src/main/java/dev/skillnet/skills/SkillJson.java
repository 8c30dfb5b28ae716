package dev.skillnet.skills;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads one skill from its JSON form {@code {"name": "...", "description": "..."}}; shared by
 * skill files and by task declarations that introduce new skills.
 */
public final class SkillJson {

    private static final Set<String> FIELDS = Set.of("name", "description");

    private SkillJson() {}

    /**
     * Reads one skill object.
     *
     * @param element the JSON value
     * @param file the file it came from, for error messages
     * @param where which value this is, such as {@code "skill #3"}, for error messages
     * @return the skill
     * @throws UserInputException if the value is not an object with exactly a valid string
     *     {@code name} and a string {@code description}
     */
    public static Skill parse(JsonElement element, Path file, String where) {
        if (element == null || !element.isJsonObject()) {
            throw new UserInputException(file, where + ": expected an object"
                    + " {\"name\": ..., \"description\": ...}, found " + kind(element));
        }
        JsonObject object = element.getAsJsonObject();
        for (String key : object.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new UserInputException(file, where + ": unknown field '" + key
                        + "' (a skill has \"name\" and \"description\")");
            }
        }
        String name = string(object, "name", file, where);
        String description = string(object, "description", file, where);
        if (!Skill.isValidName(name)) {
            throw new UserInputException(file, where + ": " + Skill.invalidNameReason(name));
        }
        return new Skill(name, description);
    }

    private static String string(JsonObject object, String field, Path file, String where) {
        JsonElement value = object.get(field);
        if (value == null) {
            throw new UserInputException(file, where + ": missing field \"" + field + "\"");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new UserInputException(file, where + ": field \"" + field
                    + "\" must be a string, found " + kind(value));
        }
        return value.getAsString();
    }

    /**
     * @param element any JSON value, or {@code null} when absent
     * @return a short word for its kind ("object", "array", "string", "number", ...)
     */
    public static String kind(JsonElement element) {
        if (element == null) {
            return "nothing";
        }
        if (element.isJsonNull()) {
            return "null";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        var primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return "a boolean";
        }
        return primitive.isNumber() ? "a number" : "a string";
    }
}
