package dev.skillnet.tasks.kinds;

import dev.skillnet.data.read.DatasetReader;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.util.List;

/**
 * Reading and featurizing, one job of a {@link TaskKind}: a task type's examples from its data,
 * the labels its head outputs, and the tokenized features (with training targets) the model reads.
 *
 * @param <E> the example type ({@code TextExample}, {@code TaggedExample}, {@code SpanExample})
 */
public interface Featurizer<E> {

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
     * @param declaration the task
     * @param declaredLabels the task's labels as resolved from the declaration (classes, or entity
     *     types for tagging; empty for span extraction)
     * @return what the head outputs, in order
     */
    LabelSet outputLabels(TaskDeclaration declaration, List<String> declaredLabels);

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
}
