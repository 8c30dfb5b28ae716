package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.skillnet.model.nn.Dense;
import dev.skillnet.model.nn.HfBlock;

/** {@code intermediate}: {@code dense} H to I, then GELU (exact, erf form). */
public final class BertIntermediate extends HfBlock {

    private final Dense dense;

    /** @param config the encoder's sizes */
    public BertIntermediate(BertConfig config) {
        dense = child("dense", new Dense(config.hiddenSize(), config.intermediateSize()));
    }

    /**
     * @param x [B, T, H]
     * @return [B, T, I]
     */
    public NDArray forward(NDArray x) {
        return Activation.gelu(dense.forward(x));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return dense.getOutputShapes(inputShapes);
    }
}
