package dev.skillnet.tasks.declare;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import dev.skillnet.model.heads.Pooling;
import dev.skillnet.skills.JsonFiles;
import dev.skillnet.skills.Skill;
import dev.skillnet.skills.SkillJson;
import dev.skillnet.skills.SkillTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One declaration file, read but not yet checked against the skill table. */
final class TaskFile {

    static final Set<String> FIELDS = Set.of("name", "type", "description", "skills", "new_skills",
            "data", "labels", "metric", "max_length", "doc_stride", "max_answer_length", "pooling",
            "encoder_rate");
    private static final Set<String> SPAN_ONLY = Set.of("doc_stride", "max_answer_length");

    private final Path file;
    private final Fields fields;

    private TaskFile(Path file, JsonObject root) {
        this.file = file;
        this.fields = new Fields(root, file);
    }

    /** Reads the file; rejects invalid JSON, a non-object and unknown fields. */
    static TaskFile read(Path file) {
        JsonElement root = JsonFiles.read(file);
        if (!root.isJsonObject()) {
            throw new UserInputException(file, "expected a JSON object declaring one task, found "
                    + SkillJson.kind(root));
        }
        TaskFile taskFile = new TaskFile(file, root.getAsJsonObject());
        taskFile.fields.onlyKnown(FIELDS);
        return taskFile;
    }

    Path file() {
        return file;
    }

    /** The skills this file introduces, in order (empty when it has no {@code new_skills}). */
    List<Skill> newSkills() {
        if (!fields.has("new_skills")) {
            return List.of();
        }
        JsonElement value = fields.required("new_skills");
        if (!value.isJsonArray()) {
            throw fields.error("field \"new_skills\" must be an array of {\"name\", \"description\"}"
                    + " objects, found " + SkillJson.kind(value));
        }
        JsonArray array = value.getAsJsonArray();
        List<Skill> skills = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            skills.add(SkillJson.parse(array.get(i), file, "new_skills[" + i + "]"));
        }
        return skills;
    }

    /** Checks every field against {@code skills} (which already holds all new skills). */
    TaskDeclaration declaration(SkillTable skills) {
        String name = fields.requiredString("name");
        if (!Skill.isValidName(name)) {
            throw fields.error("invalid task name '" + name
                    + "': use lower-case letters, digits and '_', starting with a letter");
        }
        TaskType type = type();
        List<String> used = skills(skills);
        JsonObject data = fields.requiredObject("data");
        String description = fields.optionalString("description").orElse("");
        LabelSpec labels = LabelSpecJson.parse(fields.optional("labels"), type, fields);
        String metric = metric(type);
        int maxLength = fields.optionalInt("max_length", TaskDeclaration.DEFAULT_MAX_LENGTH,
                TaskDeclaration.MIN_MAX_LENGTH, TaskDeclaration.MAX_MAX_LENGTH);
        if (type != TaskType.SPAN_EXTRACTION) {
            for (String field : SPAN_ONLY) {
                if (fields.has(field)) {
                    throw fields.error("field \"" + field + "\" applies only to span_extraction tasks");
                }
            }
        }
        int docStride = fields.optionalInt("doc_stride", TaskDeclaration.DEFAULT_DOC_STRIDE,
                1, TaskDeclaration.MAX_MAX_LENGTH);
        int maxAnswerLength = fields.optionalInt("max_answer_length",
                TaskDeclaration.DEFAULT_MAX_ANSWER_LENGTH, 1, TaskDeclaration.MAX_MAX_LENGTH);
        double encoderRate = fields.optionalFraction("encoder_rate", TaskDeclaration.DEFAULT_ENCODER_RATE);
        return new TaskDeclaration(name, type, description, used, labels, metric, maxLength,
                docStride, maxAnswerLength, pooling(type), encoderRate, data, file);
    }

    /**
     * {@code "pooling"}: {@code cls} (default) or {@code mean} for classification tasks, or
     * {@code pair}, {@code siamese} or {@code cosine} for text-pair classification.
     */
    private Pooling pooling(TaskType type) {
        if (!fields.has("pooling")) {
            return Pooling.CLS;
        }
        if (type != TaskType.SINGLE_TEXT_CLASSIFICATION && type != TaskType.TEXT_PAIR_CLASSIFICATION) {
            throw fields.error("field \"pooling\" applies only to classification tasks (single_text_classification,"
                    + " text_pair_classification); a " + type.jsonName() + " head reads every token");
        }
        String name = fields.requiredString("pooling");
        Pooling pooling;
        try {
            pooling = Pooling.fromJson(name);
        } catch (IllegalArgumentException e) {
            throw fields.error("field \"pooling\": " + e.getMessage());
        }
        if (pooling.comparesTexts() && type != TaskType.TEXT_PAIR_CLASSIFICATION) {
            throw fields.error("field \"pooling\": " + pooling.json() + " compares two texts and applies only to"
                    + " text_pair_classification tasks; use cls or mean for " + type.jsonName());
        }
        return pooling;
    }

    private TaskType type() {
        String type = fields.requiredString("type");
        try {
            return TaskType.fromJson(type);
        } catch (UserInputException e) {
            throw fields.error(e.reason());
        }
    }

    private List<String> skills(SkillTable table) {
        List<String> names = fields.requiredStrings("skills");
        if (names.isEmpty()) {
            throw fields.error("field \"skills\" is empty; a task needs at least one skill"
                    + " (declared skills: " + String.join(", ", table.names()) + ")");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!table.contains(name)) {
                throw fields.error("unknown skill '" + name + "'; declared skills: "
                        + String.join(", ", table.names())
                        + " (a new skill goes under \"new_skills\")");
            }
            if (!seen.add(name)) {
                throw fields.error("skill '" + name + "' is listed twice in \"skills\"");
            }
        }
        return names;
    }

    private String metric(TaskType type) {
        String metric = fields.optionalString("metric").orElse(type.defaultMetric());
        if (!type.metrics().contains(metric)) {
            throw fields.error("metric '" + metric + "' is not allowed for " + type.jsonName()
                    + " tasks; allowed: " + String.join(", ", type.metrics()));
        }
        return metric;
    }
}
