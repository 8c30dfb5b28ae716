package dev.skillnet.train.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.skillnet.model.nn.CrossEntropy;
import dev.skillnet.tasks.kinds.Feature;
import java.util.List;

/** Classification: cross-entropy of each example's class. */
public final class ClassificationObjective implements Objective {

    /** @return [B] int64, each feature's label index */
    @Override
    public NDArray targets(List<Feature> batch, int length, NDManager manager) {
        long[] t = new long[batch.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = batch.get(i).targets()[0];
        }
        return manager.create(t);
    }

    /**
     * @param logits [B, C]
     * @param targets [B] int64
     * @param attentionMask unused
     * @return the mean cross-entropy, a scalar
     */
    @Override
    public NDArray loss(NDArray logits, NDArray targets, NDArray attentionMask) {
        return CrossEntropy.mean(logits, targets);
    }
}
