package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.skillnet.model.nn.Dense;
import dev.skillnet.model.nn.HfBlock;

/** {@code pooler}: tanh(dense(hidden state of [CLS])). */
public final class BertPooler extends HfBlock {

    private final Dense dense;

    /** @param config the encoder's sizes */
    public BertPooler(BertConfig config) {
        dense = child("dense", new Dense(config.hiddenSize(), config.hiddenSize()));
    }

    /**
     * @param hidden [B, T, H]
     * @return [B, H]
     */
    public NDArray forward(NDArray hidden) {
        return Activation.tanh(dense.forward(hidden.get(new NDIndex(":, 0, :"))));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), s.get(2))};
    }
}
