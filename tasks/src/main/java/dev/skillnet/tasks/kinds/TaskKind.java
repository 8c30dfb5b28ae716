package dev.skillnet.tasks.kinds;

import dev.skillnet.data.SpanExample;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.data.TextExample;
import dev.skillnet.model.heads.HeadKind;
import java.util.Objects;

/**
 * What a task type is, as two jobs beside the head it needs: reading and featurizing its examples,
 * and decoding, scoring and baselines. The training objective (targets and loss) lives with
 * training ({@code dev.skillnet.train.objective}), the JSON of {@code skillnet predict} with the
 * API ({@code dev.skillnet.inference.json}), so a service that predicts carries no loss code.
 *
 * @param <E> the example type ({@code TextExample}, {@code TaggedExample}, {@code SpanExample})
 * @param <P> the prediction type
 * @param headKind the head this task type needs
 * @param featurizer reads examples and turns them into features
 * @param decoder turns logits into predictions and scores them
 */
public record TaskKind<E, P>(HeadKind headKind, Featurizer<E> featurizer, Decoder<E, P> decoder) {

    /** Checks that no part is missing. */
    public TaskKind {
        Objects.requireNonNull(headKind, "headKind");
        Objects.requireNonNull(featurizer, "featurizer");
        Objects.requireNonNull(decoder, "decoder");
    }

    /**
     * @param pair whether examples hold two texts
     * @return single-text or text-pair classification
     */
    public static TaskKind<TextExample, ClassPrediction> classification(boolean pair) {
        return new TaskKind<>(HeadKind.SEQUENCE, new ClassificationFeaturizer(pair), new ClassificationDecoder());
    }

    /** @return sequence labelling */
    public static TaskKind<TaggedExample, TaggingPrediction> tagging() {
        return new TaskKind<>(HeadKind.TOKEN, new TaggingFeaturizer(), new TaggingDecoder());
    }

    /** @return span-extraction reading comprehension */
    public static TaskKind<SpanExample, SpanPrediction> span() {
        return new TaskKind<>(HeadKind.SPAN, new SpanFeaturizer(), new SpanDecoder());
    }
}
