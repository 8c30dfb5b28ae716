package dev.skillnet.inference.djl;

import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.inference.evaluate.TaskEvaluator;
import dev.skillnet.tasks.batch.EncoderRows;
import dev.skillnet.tasks.batch.PaddedBatch;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.kinds.Feature;
import dev.skillnet.tasks.kinds.LabelSet;
import dev.skillnet.tasks.kinds.TaskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A DJL translator for one task, of any kind: the input becomes the kind's example, the example
 * its features (one, or a reading-comprehension passage's windows) padded into one batch, and the
 * head's logits are decoded by the kind, exactly as {@link TaskEvaluator#predict} decodes them.
 *
 * <p>It batches itself (a passage may need several windows), so DJL's batchifier is off; {@code
 * Predictor.batchPredict} runs the inputs one after another.
 *
 * @param <I> the input ({@code String}, {@code TextPair}, {@code Question})
 * @param <E> the kind's example type
 * @param <P> the kind's prediction type
 * @param <O> the result ({@code Classification}, {@code Tagging}, {@code Answer})
 */
public final class TaskTranslator<I, E, P, O> implements Translator<I, O> {

    private static final String EXAMPLE = "example";
    private static final String FEATURES = "features";
    private static final String ENCODED = "encoded";

    private final TaskKind<E, P> kind;
    private final TaskDeclaration declaration;
    private final LabelSet labels;
    private final BertTokenizer tokenizer;
    private final Function<I, E> toExample;
    private final Function<P, O> toResult;

    /**
     * @param kind the task's kind
     * @param declaration the task
     * @param labels its head's labels
     * @param tokenizer the model's tokenizer
     * @param toExample makes the kind's example of an input
     * @param toResult makes the result of the kind's prediction
     */
    public TaskTranslator(TaskKind<E, P> kind, TaskDeclaration declaration, LabelSet labels, BertTokenizer tokenizer,
            Function<I, E> toExample, Function<P, O> toResult) {
        this.kind = kind;
        this.declaration = declaration;
        this.labels = labels;
        this.tokenizer = tokenizer;
        this.toExample = toExample;
        this.toResult = toResult;
    }

    /** @return input_ids, token_type_ids and attention_mask, [F, T] int64 over the input's F features */
    @Override
    public NDList processInput(TranslatorContext ctx, I input) {
        E example = toExample.apply(input);
        List<Feature> features = kind.featurizer().featurize(List.of(example), tokenizer, declaration, labels).features();
        List<Encoded> encoded = new ArrayList<>(features.size());
        features.forEach(f -> encoded.add(f.encoded()));
        PaddedBatch padded = PaddedBatch.of(EncoderRows.of(declaration.pooling(), encoded), tokenizer.padId(),
                ctx.getNDManager());
        ctx.setAttachment(EXAMPLE, example);
        ctx.setAttachment(FEATURES, features);
        ctx.setAttachment(ENCODED, encoded);
        return new NDList(padded.inputIds(), padded.tokenTypeIds(), padded.attentionMask());
    }

    @Override
    @SuppressWarnings("unchecked")
    public O processOutput(TranslatorContext ctx, NDList list) {
        E example = (E) ctx.getAttachment(EXAMPLE);
        List<Feature> features = (List<Feature>) ctx.getAttachment(FEATURES);
        List<Encoded> encoded = (List<Encoded>) ctx.getAttachment(ENCODED);
        List<float[]> logits = TaskEvaluator.rows(list.get(0), kind.headKind(), encoded);
        return toResult.apply(kind.decoder().decode(List.of(example), features, logits, labels, declaration).get(0));
    }

    /** @return null: the translator batches an input's features itself */
    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
