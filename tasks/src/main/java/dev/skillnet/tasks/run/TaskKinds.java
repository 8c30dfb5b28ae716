package dev.skillnet.tasks.run;

import dev.skillnet.tasks.declare.TaskType;
import dev.skillnet.tasks.kinds.TaskKind;

/** The behaviour of each declared task type. */
public final class TaskKinds {

    private TaskKinds() {}

    /**
     * @param type a task type
     * @return its behaviour
     */
    public static TaskKind<?, ?> of(TaskType type) {
        return switch (type) {
            case SINGLE_TEXT_CLASSIFICATION -> TaskKind.classification(false);
            case TEXT_PAIR_CLASSIFICATION -> TaskKind.classification(true);
            case SEQUENCE_LABELING -> TaskKind.tagging();
            case SPAN_EXTRACTION -> TaskKind.span();
        };
    }
}
