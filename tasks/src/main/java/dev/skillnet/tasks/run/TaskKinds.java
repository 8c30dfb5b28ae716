package dev.skillnet.tasks.run;

import dev.skillnet.tasks.declare.TaskType;
import dev.skillnet.tasks.kinds.ClassificationKind;
import dev.skillnet.tasks.kinds.SpanKind;
import dev.skillnet.tasks.kinds.TaggingKind;
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
            case SINGLE_TEXT_CLASSIFICATION -> new ClassificationKind(false);
            case TEXT_PAIR_CLASSIFICATION -> new ClassificationKind(true);
            case SEQUENCE_LABELING -> new TaggingKind();
            case SPAN_EXTRACTION -> new SpanKind();
        };
    }
}
