package dev.skillnet.train.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.tasks.kinds.Feature;
import java.util.List;

/**
 * Span extraction: the mean of the start and end cross-entropies over token positions. The loss
 * only masks padding; restricting answers to context tokens is done in decoding, as Hugging Face's
 * run_squad does.
 */
public final class SpanObjective implements Objective {

    /** Logit added at padding positions before the softmax. */
    private static final float PAD_PENALTY = -1e4f;

    /** @return [B, 2] int64, each feature's start and end token position */
    @Override
    public NDArray targets(List<Feature> batch, int length, NDManager manager) {
        long[] t = new long[batch.size() * 2];
        for (int b = 0; b < batch.size(); b++) {
            t[2 * b] = batch.get(b).targets()[0];
            t[2 * b + 1] = batch.get(b).targets()[1];
        }
        return manager.create(t, new Shape(batch.size(), 2));
    }

    /**
     * @param logits [B, T, 2]: channel 0 start, channel 1 end
     * @param targets [B, 2] int64 start and end positions
     * @param attentionMask [B, T], 1 at real tokens
     * @return the mean over the batch of the mean of the start and end cross-entropies, a scalar
     */
    @Override
    public NDArray loss(NDArray logits, NDArray targets, NDArray attentionMask) {
        DataType type = logits.getDataType();
        int length = (int) logits.getShape().get(1);
        NDArray penalty = attentionMask.toType(type, false).sub(1f).mul(-PAD_PENALTY); // [B, T]
        NDArray logp = logits.add(penalty.expandDims(-1)).logSoftmax(1); // [B, T, 2]
        NDArray oneHot = targets.oneHot(length, type).transpose(0, 2, 1); // [B, T, 2]
        return logp.mul(oneHot).sum(new int[] {1}).mean().neg();
    }
}
