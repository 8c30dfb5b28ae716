package dev.skillnet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A lookup table as PyTorch's {@code nn.Embedding}: {@code weight} [count, H]. */
public final class Embedding extends HfBlock {

    private final int count;
    private final int size;
    private final Parameter weight;

    /**
     * @param count number of rows (vocabulary, positions or token types)
     * @param size H
     */
    public Embedding(int count, int size) {
        this.count = count;
        this.size = size;
        this.weight = param("weight", new Shape(count, size));
    }

    /**
     * @param ids [...] int64 indices in [0, count)
     * @return [..., H], owned by {@code ids}' manager
     */
    public NDArray forward(NDArray ids) {
        return ai.djl.nn.core.Embedding.embedding(ids, weight.getArray(), SparseFormat.DENSE).singletonOrThrow();
    }

    /** @return the table, [count, size] (tied to the MLM decoder in pre-training) */
    public NDArray weight() {
        return weight.getArray();
    }

    /** @return the number of rows */
    public int count() {
        return count;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(size)};
    }
}
