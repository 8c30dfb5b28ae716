package dev.skillnet.tasks.kinds;

import dev.skillnet.eval.metrics.Score;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.util.List;

/**
 * Decoding, scoring and baselines, one job of a {@link TaskKind}: the head's logits into
 * predictions, predictions into the task's official score, and the majority baseline beside it.
 *
 * @param <E> the example type
 * @param <P> the prediction type
 */
public interface Decoder<E, P> {

    /**
     * @param examples the examples
     * @param features their features, in order
     * @param logits per feature, its head output row-major over its own (unpadded) tokens: [C]
     *     for classification, [T_i * C] for tagging, [T_i * 2] for span extraction
     * @param labels the head's labels
     * @param declaration the task (max_answer_length)
     * @return one prediction per example
     */
    List<P> decode(List<E> examples, List<Feature> features, List<float[]> logits, LabelSet labels,
            TaskDeclaration declaration);

    /**
     * @param examples gold examples
     * @param predictions one per example
     * @param labels the head's labels
     * @param metric the declared main metric
     * @return the main score and extras, in percent
     */
    Score score(List<E> examples, List<P> predictions, LabelSet labels, String metric);

    /**
     * The majority baseline: always predicting the most frequent training label (the all-{@code O}
     * tagging, the most frequent training answer), scored like {@link #score}.
     *
     * @param train training examples
     * @param test test examples
     * @param labels the head's labels
     * @param metric the declared main metric
     * @return the baseline's score
     */
    Score baseline(List<E> train, List<E> test, LabelSet labels, String metric);
}
