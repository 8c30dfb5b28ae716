package dev.skillnet.tasks.declare;

import dev.skillnet.core.UserInputException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The kinds of task SkillNet-J can train, with their JSON names and allowed metrics. */
public enum TaskType {

    /** One text, one label (sentiment, topic). */
    SINGLE_TEXT_CLASSIFICATION("single_text_classification", true, "accuracy", "macro_f1"),
    /** Two texts, one label (similarity, inference). */
    TEXT_PAIR_CLASSIFICATION("text_pair_classification", true, "accuracy", "macro_f1"),
    /** One tag per token (named entities); labels are the entity types. */
    SEQUENCE_LABELING("sequence_labeling", true, "entity_f1"),
    /** An answer span in a passage (reading comprehension); no labels. */
    SPAN_EXTRACTION("span_extraction", false, "cmrc_f1", "cmrc_em");

    private final String jsonName;
    private final boolean hasLabels;
    private final List<String> metrics;

    TaskType(String jsonName, boolean hasLabels, String... metrics) {
        this.jsonName = jsonName;
        this.hasLabels = hasLabels;
        this.metrics = List.of(metrics);
    }

    /** @return the name used in declaration files, such as {@code "sequence_labeling"} */
    public String jsonName() {
        return jsonName;
    }

    /** @return whether declarations of this type must have {@code "labels"} */
    public boolean hasLabels() {
        return hasLabels;
    }

    /** @return the metric used when a declaration names none */
    public String defaultMetric() {
        return metrics.get(0);
    }

    /** @return the metrics a declaration of this type may name, the default first */
    public List<String> metrics() {
        return metrics;
    }

    /**
     * @param name a JSON type name
     * @return the type of that name
     * @throws UserInputException if there is none (the message lists the known types)
     */
    public static TaskType fromJson(String name) {
        for (TaskType type : values()) {
            if (type.jsonName.equals(name)) {
                return type;
            }
        }
        throw new UserInputException("unknown task type '" + name + "'; known types: " + knownNames());
    }

    /** @return the JSON names of all types, comma-separated, in declaration order */
    public static String knownNames() {
        return Arrays.stream(values()).map(TaskType::jsonName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
