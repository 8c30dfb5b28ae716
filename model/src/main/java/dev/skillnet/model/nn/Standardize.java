package dev.skillnet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code (x - mean) / std} per feature, with {@code mean} and {@code std} taken once from the
 * first training batch and kept from then on: the data-dependent initialisation of Glow's
 * ActNorm (Kingma and Dhariwal, 2018) without its learnt scale, which the dense layer after it
 * holds. It gives the layer that reads a feature far from zero with a small spread (the cosine of
 * two sentence embeddings: about 0.78 ± 0.09 for bge-small-zh) inputs of mean 0 and spread 1,
 * where an optimiser's steps of one learning rate move a threshold and a scale alike.
 *
 * <p>Both are statistics ({@link HfBlock#statistic}): saved with the model, never trained. They
 * start at zero, which means unset; the first training batch of at least two rows whose features
 * all vary sets them. Until then, and at inference on a model never trained, the block passes
 * {@code x} through unchanged.
 */
public final class Standardize extends HfBlock {

    /** A feature whose batch spread is at most this is treated as constant: the batch sets nothing. */
    static final float MIN_SPREAD = 1e-6f;

    private final int features;
    private final Parameter mean;
    private final Parameter std;

    /** @param features F, the number of features standardised */
    public Standardize(int features) {
        this.features = features;
        this.mean = statistic("mean", new Shape(features));
        this.std = statistic("std", new Shape(features));
    }

    /**
     * @param x [B, F]
     * @param training whether this is a training step: the first that can sets the statistics
     * @return [B, F], owned by {@code x}'s manager: {@code (x - mean) / std}, or {@code x} while unset
     */
    public NDArray forward(NDArray x, boolean training) {
        if (!isSet() && !(training && setFrom(x))) {
            return x;
        }
        return x.sub(mean.getArray()).div(std.getArray());
    }

    /** @return whether the statistics hold a batch's values */
    public boolean isSet() {
        try (NDArray least = std.getArray().min()) { // in the model's manager: closed at once
            return least.getFloat() > 0;
        }
    }

    /**
     * Sets the statistics from a batch when it has two rows or more and every feature varies.
     *
     * @param x [B, F]
     * @return whether they were set
     */
    private boolean setFrom(NDArray x) {
        if (x.getShape().get(0) < 2) {
            return false;
        }
        try (NDArray values = x.stopGradient();
                NDArray m = values.mean(new int[] {0}); // [F]
                NDArray centred = values.sub(m);
                NDArray squares = centred.square();
                NDArray s = squares.mean(new int[] {0}).sqrt(); // [F], the population spread
                NDArray least = s.min()) {
            if (least.getFloat() <= MIN_SPREAD) {
                return false;
            }
            mean.getArray().set(new NDIndex("..."), m);
            std.getArray().set(new NDIndex("..."), s);
            return true;
        }
    }

    /** @return F */
    public int features() {
        return features;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        return new NDList(forward(inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
