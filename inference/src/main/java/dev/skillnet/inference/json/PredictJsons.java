package dev.skillnet.inference.json;

import dev.skillnet.tasks.declare.TaskType;
import dev.skillnet.tasks.run.Task;

/** The prediction JSON of each task type. */
public final class PredictJsons {

    private PredictJsons() {}

    /**
     * @param task a task
     * @param <E> its example type
     * @param <P> its prediction type
     * @return the JSON its type reads and answers
     */
    @SuppressWarnings("unchecked") // TaskKinds.of and this switch agree type by type on E and P
    public static <E, P> PredictJson<E, P> of(Task<E, P> task) {
        return (PredictJson<E, P>) of(task.declaration().type());
    }

    /**
     * @param type a task type
     * @return the JSON it reads and answers
     */
    public static PredictJson<?, ?> of(TaskType type) {
        return switch (type) {
            case SINGLE_TEXT_CLASSIFICATION -> new ClassificationJson(false);
            case TEXT_PAIR_CLASSIFICATION -> new ClassificationJson(true);
            case SEQUENCE_LABELING -> new TaggingJson();
            case SPAN_EXTRACTION -> new SpanJson();
        };
    }
}
