package dev.skillnet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A fully connected layer as PyTorch's {@code nn.Linear}: {@code weight} [out, in], {@code bias} [out]. */
public final class Dense extends HfBlock {

    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param in input features
     * @param out output features
     */
    public Dense(int in, int out) {
        this.in = in;
        this.out = out;
        this.weight = param("weight", new Shape(out, in));
        this.bias = param("bias", new Shape(out));
    }

    /**
     * y = x W^T + b.
     *
     * @param x [..., in]
     * @return [..., out], owned by {@code x}'s manager
     */
    public NDArray forward(NDArray x) {
        return Linear.linear(x, weight.getArray(), bias.getArray()).singletonOrThrow();
    }

    /** @return input features */
    public int in() {
        return in;
    }

    /** @return output features */
    public int out() {
        return out;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
    }
}
