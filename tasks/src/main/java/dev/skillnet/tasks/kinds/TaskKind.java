package dev.skillnet.tasks.kinds;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import dev.skillnet.data.read.DatasetReader;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.nio.file.Path;
import java.util.List;

/**
 * What a task type does: read its examples, turn them into features, compute the loss from the
 * head's logits, decode predictions, score them, and give a majority baseline.
 *
 * @param <E> the example type ({@code TextExample}, {@code TaggedExample}, {@code SpanExample})
 * @param <P> the prediction type
 */
public interface TaskKind<E, P> {

    /** @return the head this task type needs */
    HeadKind headKind();

    /**
     * @param declaration the task
     * @param declaredLabels the task's labels as resolved from the declaration (classes, or entity
     *     types for tagging; empty for span extraction)
     * @return what the head outputs, in order
     */
    LabelSet outputLabels(TaskDeclaration declaration, List<String> declaredLabels);

    /**
     * @param reader the task's data
     * @param split a split name
     * @return the split's examples
     */
    List<E> read(DatasetReader reader, String split);

    /**
     * @param examples examples
     * @return the distinct labels found in them, sorted (for {@code "labels": {"from": ...}})
     */
    List<String> labelsIn(List<E> examples);

    /**
     * @param examples examples of one split
     * @param tokenizer the model's tokenizer
     * @param declaration the task (max_length, doc_stride)
     * @param labels the head's labels
     * @return the features
     * @throws dev.skillnet.core.UserInputException for a label outside {@code labels}, naming the
     *     example's file and line
     */
    Featurized featurize(List<E> examples, BertTokenizer tokenizer, TaskDeclaration declaration, LabelSet labels);

    /**
     * @param batch features of one batch
     * @param length T, the padded length
     * @param manager owns the result
     * @return the targets as int64: [B] for classification, [B, T] for tagging (padding {@link
     *     Feature#IGNORE}), [B, 2] for span extraction
     */
    NDArray targets(List<Feature> batch, int length, NDManager manager);

    /**
     * @param logits the head's output (see {@link dev.skillnet.model.heads.TaskHead#forward})
     * @param targets from {@link #targets}
     * @param attentionMask [B, T], 1 at real tokens
     * @return the mean loss, a scalar
     */
    NDArray loss(NDArray logits, NDArray targets, NDArray attentionMask);

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

    /**
     * @param input a JSON object from a predict input file
     * @param file the file, for errors
     * @param line its 1-based line, for errors
     * @return the example (with no gold label)
     */
    E fromInput(JsonObject input, Path file, long line);

    /**
     * @param example the input
     * @param prediction its prediction
     * @return the prediction as printed by {@code skillnet predict}
     */
    JsonObject toJson(E example, P prediction);
}
