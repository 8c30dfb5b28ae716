package dev.skillnet.tasks.declare;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.skillnet.skills.SkillJson;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code "labels"} field of a declaration into a {@link LabelSpec}. */
final class LabelSpecJson {

    static final String FORMS = "a list of labels, {\"from\": \"train\"} or"
            + " {\"file\": \"labels.json\", \"field\": \"label\"}";
    static final String DEFAULT_FIELD = "label";

    private LabelSpecJson() {}

    static LabelSpec parse(Optional<JsonElement> labels, TaskType type, Fields fields) {
        if (!type.hasLabels()) {
            if (labels.isPresent()) {
                throw fields.error(type.jsonName() + " tasks take no \"labels\"; remove the field");
            }
            return LabelSpec.none();
        }
        if (labels.isEmpty()) {
            throw fields.error("missing field \"labels\" (" + FORMS + ")");
        }
        JsonElement value = labels.get();
        if (value.isJsonArray()) {
            return list(fields.strings("labels", value.getAsJsonArray()), type, fields);
        }
        if (value.isJsonObject()) {
            return object(value.getAsJsonObject(), fields);
        }
        throw fields.error("field \"labels\" must be " + FORMS + ", found " + SkillJson.kind(value));
    }

    private static LabelSpec list(List<String> labels, TaskType type, Fields fields) {
        int least = type == TaskType.SEQUENCE_LABELING ? 1 : 2;
        if (labels.size() < least) {
            throw fields.error("field \"labels\" needs at least " + least
                    + (least == 1 ? " entity type" : " labels") + ", found " + labels.size());
        }
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            if (label.isBlank()) {
                throw fields.error("field \"labels\" has an empty label");
            }
            if (!seen.add(label)) {
                throw fields.error("label '" + label + "' is listed twice in \"labels\"");
            }
            if (type == TaskType.SEQUENCE_LABELING && looksLikeTag(label)) {
                throw fields.error("field \"labels\" of a sequence_labeling task lists entity types"
                        + " such as PER, not tags; found '" + label + "'");
            }
        }
        return LabelSpec.list(labels);
    }

    private static boolean looksLikeTag(String label) {
        return label.equals("O") || label.matches("[BIESM]-.+");
    }

    private static LabelSpec object(JsonObject object, Fields outer) {
        Set<String> keys = object.keySet();
        if (keys.equals(Set.of("from"))) {
            String split = string(object, "from", outer);
            return LabelSpec.fromSplit(split);
        }
        if (keys.equals(Set.of("file")) || keys.equals(Set.of("file", "field"))) {
            String file = string(object, "file", outer);
            String field = object.has("field") ? string(object, "field", outer) : DEFAULT_FIELD;
            if (isAbsoluteOrEscapes(file)) {
                throw outer.error("labels file '" + file + "' must be a path inside the data directory");
            }
            return LabelSpec.fromFile(file, field);
        }
        throw outer.error("field \"labels\" must be " + FORMS + ", found an object with fields "
                + String.join(", ", keys));
    }

    private static String string(JsonObject object, String key, Fields outer) {
        JsonElement v = object.get(key);
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString() || v.getAsString().isBlank()) {
            throw outer.error("field \"labels." + key + "\" must be a non-empty string, found "
                    + SkillJson.kind(v));
        }
        return v.getAsString();
    }

    private static boolean isAbsoluteOrEscapes(String file) {
        try {
            Path path = Path.of(file);
            return path.isAbsolute() || path.normalize().startsWith("..");
        } catch (InvalidPathException e) {
            return true;
        }
    }
}
