package dev.skillnet.model.nn;

import ai.djl.ndarray.NDArray;

/**
 * The cross-entropy of every classification objective: sequence classification, tagging, the
 * masked-LM and the sentence-pair objectives. (Span extraction's loss is a cross-entropy over token
 * positions with padding masked; it lives with its task kind.)
 */
public final class CrossEntropy {

    private CrossEntropy() {}

    /**
     * @param logits [N..., C]
     * @param labels [N...] int64, each in [0, C)
     * @return the mean over the N... positions of -log softmax(logits)[label], a scalar
     */
    public static NDArray mean(NDArray logits, NDArray labels) {
        int classes = (int) logits.getShape().getLastDimension();
        return logits.logSoftmax(-1).mul(labels.oneHot(classes)).sum(new int[] {-1}).mean().neg();
    }

    /**
     * @param logits [B, T, C]
     * @param targets [B, T] int64; positions with a negative target take no loss
     * @return the mean over the positions with a target of -log softmax(logits)[target] (0 when
     *     none has one), a scalar
     */
    public static NDArray maskedMean(NDArray logits, NDArray targets) {
        int classes = (int) logits.getShape().getLastDimension();
        NDArray valid = targets.gte(0).toType(logits.getDataType(), false); // [B, T]
        NDArray oneHot = targets.maximum(0).oneHot(classes, logits.getDataType()); // [B, T, C]
        NDArray nll = logits.logSoftmax(-1).mul(oneHot).sum(new int[] {-1}).neg(); // [B, T]
        NDArray count = valid.sum().maximum(1f);
        return nll.mul(valid).sum().div(count);
    }
}
