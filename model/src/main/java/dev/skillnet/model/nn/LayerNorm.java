package dev.skillnet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Layer normalisation over the last axis, as PyTorch's {@code nn.LayerNorm}: {@code weight} [H]
 * and {@code bias} [H] (legacy TensorFlow checkpoints call them {@code gamma} and {@code beta}).
 */
public final class LayerNorm extends HfBlock {

    private final int size;
    private final float eps;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param size H, the normalised width
     * @param eps added to the variance
     */
    public LayerNorm(int size, double eps) {
        this.size = size;
        this.eps = (float) eps;
        this.weight = param("weight", new Shape(size));
        this.bias = param("bias", new Shape(size));
    }

    /**
     * @param x [..., H]
     * @return [..., H]
     */
    public NDArray forward(NDArray x) {
        return ai.djl.nn.norm.LayerNorm.layerNorm(x, new Shape(size), weight.getArray(), bias.getArray(), eps)
                .singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
