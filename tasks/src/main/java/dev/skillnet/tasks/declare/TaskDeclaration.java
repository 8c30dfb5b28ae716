package dev.skillnet.tasks.declare;

import com.google.gson.JsonObject;
import dev.skillnet.model.heads.Pooling;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One task, as declared in its JSON file and checked against the skill table.
 *
 * @param name the task's unique name, matching {@code [a-z][a-z0-9_]*}
 * @param type what kind of task it is
 * @param description a line for people; empty when the file gives none
 * @param skills the skills the task activates, in the order declared, each once
 * @param labels where the labels come from ({@link LabelSpec#none()} for span extraction)
 * @param metric the metric to report, one of {@link TaskType#metrics()}
 * @param maxLength the maximum input length in tokens, 8 to 4096
 * @param docStride the window step for long passages (meaningful for span extraction only)
 * @param maxAnswerLength the longest answer in tokens (meaningful for span extraction only)
 * @param pooling what the classification head reads ({@code "pooling"}: {@code cls}, the default,
 *     {@code mean}, or {@code pair}, {@code siamese} or {@code cosine} for text pairs); always {@code cls} for tagging
 *     and span extraction
 * @param encoderRate how strongly the task's batches update what the tasks share ({@code
 *     "encoder_rate"}, in (0, 1], default 1): every parameter outside the task's head learns at this
 *     multiple of the run's learning rate on the task's steps. A task that needs what the
 *     pretrained encoder already knows (afqmc reads bge-small-zh's sentence similarity) can take
 *     less of it away.
 * @param data the raw {@code "data"} object, read by the data module
 * @param file the declaration file
 */
public record TaskDeclaration(
        String name,
        TaskType type,
        String description,
        List<String> skills,
        LabelSpec labels,
        String metric,
        int maxLength,
        int docStride,
        int maxAnswerLength,
        Pooling pooling,
        double encoderRate,
        JsonObject data,
        Path file) {

    /** Default for {@code max_length}. */
    public static final int DEFAULT_MAX_LENGTH = 128;
    /** Smallest allowed {@code max_length}. */
    public static final int MIN_MAX_LENGTH = 8;
    /** Largest allowed {@code max_length}. */
    public static final int MAX_MAX_LENGTH = 4096;
    /** Default for {@code doc_stride}. */
    public static final int DEFAULT_DOC_STRIDE = 128;
    /** Default for {@code max_answer_length}. */
    public static final int DEFAULT_MAX_ANSWER_LENGTH = 30;
    /** Default for {@code encoder_rate}: the task updates the encoder at the run's learning rate. */
    public static final double DEFAULT_ENCODER_RATE = 1.0;

    /** Copies the skill list and keeps {@code data} private to this record. */
    public TaskDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        skills = List.copyOf(skills);
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(pooling, "pooling");
        if (!(encoderRate > 0 && encoderRate <= 1)) {
            throw new IllegalArgumentException("encoder_rate must be in (0, 1], got " + encoderRate);
        }
        data = data.deepCopy();
        Objects.requireNonNull(file, "file");
    }

    /** @return a copy of the raw {@code "data"} object (changing it does not change this record) */
    @Override
    public JsonObject data() {
        return data.deepCopy();
    }

    /**
     * @param skill a skill name
     * @return whether this task activates it
     */
    public boolean uses(String skill) {
        return skills.contains(skill);
    }

    /**
     * The same task routed through other skills (the skill-set search tries several). The caller
     * checks the names against the skill table, as loading a declaration does.
     *
     * @param otherSkills the skills to activate, each once
     * @return this declaration with {@code otherSkills} in place of its own
     * @throws IllegalArgumentException if the list is empty or names a skill twice
     */
    public TaskDeclaration withSkills(List<String> otherSkills) {
        if (otherSkills.isEmpty() || otherSkills.stream().distinct().count() != otherSkills.size()) {
            throw new IllegalArgumentException("task '" + name + "': a skill set must name at least one skill, "
                    + "each once, got " + otherSkills);
        }
        return new TaskDeclaration(name, type, description, otherSkills, labels, metric, maxLength, docStride,
                maxAnswerLength, pooling, encoderRate, data, file);
    }
}
