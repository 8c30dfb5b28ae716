package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.nn.HfBlock;

/**
 * One feed-forward sub-layer: {@code intermediate} (dense H to I, GELU) and {@code output} (dense
 * I to H, dropout, residual add, LayerNorm). A plain BERT layer holds one, registered directly as
 * {@code encoder.layer.N.intermediate/output}; a skill layer holds one per skill under {@code
 * encoder.layer.N.skills.<skill>}.
 */
public final class FeedForward extends HfBlock {

    private final BertIntermediate intermediate;
    private final BertSelfOutput output;

    /** @param config the encoder's sizes */
    public FeedForward(BertConfig config) {
        intermediate = child("intermediate", new BertIntermediate(config));
        output = child("output", new BertSelfOutput(config, config.intermediateSize()));
    }

    /**
     * @param x [B, T, H], the attention sub-layer's output
     * @param training whether dropout is on
     * @return [B, T, H]
     */
    public NDArray forward(NDArray x, boolean training) {
        return output.forward(intermediate.forward(x), x, training);
    }

    /** @return the {@code intermediate} block */
    BertIntermediate intermediate() {
        return intermediate;
    }

    /** @return the {@code output} block */
    BertSelfOutput output() {
        return output;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
