package dev.skillnet.inference.evaluate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.kinds.Feature;
import dev.skillnet.tasks.kinds.LabelSet;
import dev.skillnet.tasks.kinds.TaskKind;
import dev.skillnet.tasks.run.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs a model over a task's examples and scores its predictions. Batches are formed from inputs
 * sorted by length, so padding is minimal; a {@link TaskLogits} runs each batch (the model's own
 * forward path, {@link ModelLogits}, unless another is given).
 */
public final class TaskEvaluator {

    /**
     * A task's predictions and score on one split.
     *
     * @param predictions one per example, in example order
     * @param score the main metric and extras, in percent
     * @param <P> the prediction type
     */
    public record Evaluated<P>(List<P> predictions, Score score) {}

    private TaskEvaluator() {}

    /**
     * Predicts and scores one split of a task.
     *
     * @param task the task
     * @param split the split
     * @param model the model
     * @param tokenizer its tokenizer
     * @param manager parent of the per-batch scopes
     * @param batchSize inputs per forward pass
     * @param <E> the example type
     * @param <P> the prediction type
     * @return the predictions and score
     */
    public static <E, P> Evaluated<P> evaluate(Task<E, P> task, String split, SkillNetModel model,
            BertTokenizer tokenizer, NDManager manager, int batchSize) {
        return evaluate(task, split, 0, model, tokenizer, manager, batchSize);
    }

    /**
     * Predicts and scores the first examples of one split of a task.
     *
     * @param task the task
     * @param split the split
     * @param limit at most this many examples, the split's first; 0 for all
     * @param model the model
     * @param tokenizer its tokenizer
     * @param manager parent of the per-batch scopes
     * @param batchSize inputs per forward pass
     * @param <E> the example type
     * @param <P> the prediction type
     * @return the predictions and score
     */
    public static <E, P> Evaluated<P> evaluate(Task<E, P> task, String split, int limit, SkillNetModel model,
            BertTokenizer tokenizer, NDManager manager, int batchSize) {
        return evaluate(task, split, limit, new ModelLogits(model, tokenizer.padId(), manager), tokenizer, batchSize);
    }

    /**
     * Predicts and scores the first examples of one split of a task, whatever runs the forward passes.
     *
     * @param task the task
     * @param split the split
     * @param limit at most this many examples, the split's first; 0 for all
     * @param logits what runs the task's forward passes
     * @param tokenizer the model's tokenizer
     * @param batchSize inputs per forward pass (see {@link #predict(TaskKind, TaskDeclaration, LabelSet, List,
     *     List, TaskLogits, int)})
     * @param <E> the example type
     * @param <P> the prediction type
     * @return the predictions and score
     */
    public static <E, P> Evaluated<P> evaluate(Task<E, P> task, String split, int limit, TaskLogits logits,
            BertTokenizer tokenizer, int batchSize) {
        List<E> all = task.examples(split);
        int n = limit <= 0 ? all.size() : Math.min(limit, all.size());
        List<E> examples = all.subList(0, n);
        List<Feature> features = task.features(split, tokenizer).features();
        if (n < all.size()) {
            features = features.stream().filter(f -> f.example() < n).toList();
        }
        List<P> predictions = predict(task.kind(), task.declaration(), task.labels(), examples, features, logits,
                batchSize);
        return new Evaluated<>(predictions, task.kind().decoder().score(examples, predictions, task.labels(),
                task.declaration().metric()));
    }

    /**
     * Splits a head's output for a padded batch into each input's own logits, padding dropped.
     *
     * @param out the head's output: [B, C] for a sequence head, [B, T, C] for a token or span head
     * @param head the head's kind
     * @param batch the batch's inputs, in order
     * @return per input, row-major: [C], or [T_i * C] over its own T_i tokens
     */
    public static List<float[]> rows(NDArray out, HeadKind head, List<Encoded> batch) {
        return rows(out.toFloatArray(), out.getShape().getShape(), head, batch);
    }

    /**
     * Splits a head's output for a padded batch, given as a flat array, into each input's own logits.
     *
     * @param flat the head's output, row-major
     * @param shape its shape: [B, C] for a sequence head, [B, T, C] for a token or span head
     * @param head the head's kind
     * @param batch the batch's inputs, in order
     * @return per input, row-major: [C], or [T_i * C] over its own T_i tokens
     */
    public static List<float[]> rows(float[] flat, long[] shape, HeadKind head, List<Encoded> batch) {
        int c = (int) shape[shape.length - 1];
        int length = head == HeadKind.SEQUENCE ? 1 : (int) shape[1];
        List<float[]> rows = new ArrayList<>(batch.size());
        for (int k = 0; k < batch.size(); k++) {
            rows.add(head == HeadKind.SEQUENCE
                    ? Arrays.copyOfRange(flat, k * c, (k + 1) * c)
                    : Arrays.copyOfRange(flat, k * length * c, (k * length + batch.get(k).length()) * c));
        }
        return rows;
    }

    /**
     * Predicts examples from their features.
     *
     * @param task the task
     * @param examples the examples
     * @param features their features
     * @param model the model
     * @param tokenizer its tokenizer
     * @param manager parent of the per-batch scopes
     * @param batchSize inputs per forward pass; fewer for long inputs, so that a batch holds at
     *     most {@code batchSize} x {@value EvalBatches#TOKENS_PER_INPUT} tokens and
     *     {@value EvalBatches#SCORES_PER_BATCH} attention scores ({@link EvalBatches})
     * @param <E> the example type
     * @param <P> the prediction type
     * @return one prediction per example
     */
    public static <E, P> List<P> predict(Task<E, P> task, List<E> examples, List<Feature> features,
            SkillNetModel model, BertTokenizer tokenizer, NDManager manager, int batchSize) {
        return predict(task.kind(), task.declaration(), task.labels(), examples, features, model, tokenizer,
                manager, batchSize);
    }

    /**
     * Predicts examples of a task known by its kind, declaration and labels alone (no data folder).
     *
     * @param kind the task's kind
     * @param declaration the task's declaration
     * @param labels the head's labels
     * @param examples the examples
     * @param features their features
     * @param model the model
     * @param tokenizer its tokenizer
     * @param manager parent of the per-batch scopes
     * @param batchSize inputs per forward pass (see the other overload)
     * @param <E> the example type
     * @param <P> the prediction type
     * @return one prediction per example
     */
    public static <E, P> List<P> predict(TaskKind<E, P> kind, TaskDeclaration declaration, LabelSet labels,
            List<E> examples, List<Feature> features, SkillNetModel model, BertTokenizer tokenizer,
            NDManager manager, int batchSize) {
        return predict(kind, declaration, labels, examples, features,
                new ModelLogits(model, tokenizer.padId(), manager), batchSize);
    }

    /**
     * Predicts examples from their features, whatever runs the forward passes.
     *
     * @param kind the task's kind
     * @param declaration the task's declaration
     * @param labels the head's labels
     * @param examples the examples
     * @param features their features
     * @param logits what runs the task's forward passes
     * @param batchSize inputs per forward pass; fewer for long inputs, so that a batch holds at
     *     most {@code batchSize} x {@value EvalBatches#TOKENS_PER_INPUT} tokens and
     *     {@value EvalBatches#SCORES_PER_BATCH} attention scores ({@link EvalBatches})
     * @param <E> the example type
     * @param <P> the prediction type
     * @return one prediction per example
     */
    public static <E, P> List<P> predict(TaskKind<E, P> kind, TaskDeclaration declaration, LabelSet labels,
            List<E> examples, List<Feature> features, TaskLogits logits, int batchSize) {
        logits.headKind(declaration); // fails early when the model has no head for the task
        float[][] out = new float[features.size()][];
        Integer[] order = IntStream.range(0, features.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> features.get(i).length()));
        int[] lengths = Arrays.stream(order).mapToInt(i -> features.get(i).length()).toArray();
        int start = 0;
        for (int size : EvalBatches.sizes(lengths, batchSize, logits.attentionHeads())) {
            int end = start + size;
            List<Integer> idx = Arrays.asList(order).subList(start, end);
            List<Encoded> batch = new ArrayList<>(idx.size());
            idx.forEach(i -> batch.add(features.get(i).encoded()));
            List<float[]> rows = logits.logits(declaration, batch);
            for (int k = 0; k < idx.size(); k++) {
                out[idx.get(k)] = rows.get(k);
            }
            start = end;
        }
        return kind.decoder().decode(examples, features, Arrays.asList(out), labels, declaration);
    }
}
