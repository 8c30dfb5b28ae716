package dev.skillnet.model.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.nn.Dense;
import dev.skillnet.model.nn.HfBlock;
import dev.skillnet.model.nn.LayerNorm;

/** {@code cls.predictions.transform}: dense, GELU, LayerNorm. */
public final class BertPredictionHeadTransform extends HfBlock {

    private final Dense dense;
    private final LayerNorm layerNorm;

    /** @param config the encoder's configuration */
    public BertPredictionHeadTransform(BertConfig config) {
        dense = child("dense", new Dense(config.hiddenSize(), config.hiddenSize()));
        layerNorm = child("LayerNorm", new LayerNorm(config.hiddenSize(), config.layerNormEps()));
    }

    /**
     * @param x [M, H]
     * @return [M, H]
     */
    public NDArray forward(NDArray x) {
        return layerNorm.forward(Activation.gelu(dense.forward(x)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
