package dev.skillnet.model.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.nn.HfBlock;

/**
 * {@code cls.predictions}: the transform, then a decoder whose weight is the word embedding table
 * (tied, as in BERT) plus its own {@code bias} per vocabulary entry.
 */
public final class BertLMPredictionHead extends HfBlock {

    private final BertPredictionHeadTransform transform;
    private final Parameter bias;

    /** @param config the encoder's configuration */
    public BertLMPredictionHead(BertConfig config) {
        transform = child("transform", new BertPredictionHeadTransform(config));
        bias = param("bias", new Shape(config.vocabSize()));
    }

    /**
     * @param hidden [M, H] the encoder's output at the masked positions only
     * @param wordEmbeddings [V, H] the tied decoder weight
     * @return [M, V] logits over the vocabulary
     */
    public NDArray forward(NDArray hidden, NDArray wordEmbeddings) {
        // x Eᵀ + b as one linear op: the result belongs to the step's manager, not the embedding's.
        return Linear.linear(transform.forward(hidden), wordEmbeddings, bias.getArray()).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), bias.getShape().get(0))};
    }
}
