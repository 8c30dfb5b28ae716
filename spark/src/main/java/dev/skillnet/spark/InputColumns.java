package dev.skillnet.spark;

import dev.skillnet.tasks.declare.TaskType;
import java.util.List;

/** The dataset columns a task type reads, named as the JSON fields of {@code skillnet predict}. */
final class InputColumns {

    private InputColumns() {}

    /**
     * @param type a task type
     * @return its input columns, each a string column
     */
    static List<String> of(TaskType type) {
        return switch (type) {
            case SINGLE_TEXT_CLASSIFICATION, SEQUENCE_LABELING -> List.of("text");
            case TEXT_PAIR_CLASSIFICATION -> List.of("text", "text_pair");
            case SPAN_EXTRACTION -> List.of("question", "context");
        };
    }
}
