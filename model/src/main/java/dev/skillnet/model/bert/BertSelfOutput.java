package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.nn.Dense;
import dev.skillnet.model.nn.Dropout;
import dev.skillnet.model.nn.HfBlock;
import dev.skillnet.model.nn.LayerNorm;

/**
 * {@code attention.output} and {@code output}: a projection, dropout, the residual add and
 * LayerNorm (post-LN), as HuggingFace's {@code BertSelfOutput} and {@code BertOutput}.
 */
public final class BertSelfOutput extends HfBlock {

    private final Dense dense;
    private final LayerNorm layerNorm;
    private final float dropout;

    /**
     * @param config the encoder's sizes
     * @param in the width of the projected input (H after attention, I after intermediate)
     */
    public BertSelfOutput(BertConfig config, int in) {
        dense = child("dense", new Dense(in, config.hiddenSize()));
        layerNorm = child("LayerNorm", new LayerNorm(config.hiddenSize(), config.layerNormEps()));
        dropout = (float) config.hiddenDropoutProb();
    }

    /**
     * @param x [B, T, in] the sub-layer's output
     * @param residual [B, T, H] the sub-layer's input
     * @param training whether dropout is on
     * @return LayerNorm(residual + dropout(dense(x))), [B, T, H]
     */
    public NDArray forward(NDArray x, NDArray residual, boolean training) {
        NDArray y = dense.forward(x);
        if (training && dropout > 0) {
            y = Dropout.apply(y, dropout);
        }
        return layerNorm.forward(y.add(residual));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[1]};
    }
}
