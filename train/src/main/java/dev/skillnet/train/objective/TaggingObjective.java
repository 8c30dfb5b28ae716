package dev.skillnet.train.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.nn.CrossEntropy;
import dev.skillnet.tasks.kinds.Feature;
import java.util.Arrays;
import java.util.List;

/** Sequence labelling: token-level cross-entropy on the tokens that carry a tag. */
public final class TaggingObjective implements Objective {

    /** @return [B, T] int64, each feature's targets then {@link Feature#IGNORE} padding */
    @Override
    public NDArray targets(List<Feature> batch, int length, NDManager manager) {
        long[] t = new long[batch.size() * length];
        Arrays.fill(t, Feature.IGNORE);
        for (int b = 0; b < batch.size(); b++) {
            int[] f = batch.get(b).targets();
            for (int j = 0; j < f.length; j++) {
                t[b * length + j] = f[j];
            }
        }
        return manager.create(t, new Shape(batch.size(), length));
    }

    /**
     * Token-level cross entropy averaged over the positions whose target is not {@link
     * Feature#IGNORE} (0 when there are none).
     *
     * @param logits [B, T, C]
     * @param targets [B, T] int64, {@link Feature#IGNORE} where no loss applies
     * @param attentionMask [B, T]; unused, padding already has IGNORE targets
     * @return the mean loss, a scalar
     */
    @Override
    public NDArray loss(NDArray logits, NDArray targets, NDArray attentionMask) {
        return CrossEntropy.maskedMean(logits, targets);
    }
}
