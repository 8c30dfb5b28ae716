package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.nn.HfBlock;

/** {@code attention}: {@code self} then {@code output} (projection, residual, LayerNorm). */
public final class BertAttention extends HfBlock {

    private final BertSelfAttention self;
    private final BertSelfOutput output;

    /** @param config the encoder's sizes */
    public BertAttention(BertConfig config) {
        self = child("self", new BertSelfAttention(config));
        output = child("output", new BertSelfOutput(config, config.hiddenSize()));
    }

    /**
     * @param x [B, T, H]
     * @param maskBias [B, 1, 1, T]
     * @param training whether dropout is on
     * @return [B, T, H]
     */
    public NDArray forward(NDArray x, NDArray maskBias, boolean training) {
        return output.forward(self.forward(x, maskBias, training), x, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
