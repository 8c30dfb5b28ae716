package dev.skillnet.train.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.skillnet.tasks.kinds.Feature;
import java.util.List;

/** The training objective of a kind of head: a batch's targets as a tensor, and the loss over the head's logits. */
public interface Objective {

    /**
     * @param batch features of one batch
     * @param length T, the padded length
     * @param manager owns the result
     * @return the targets as int64: [B] for classification, [B, T] for tagging (padding {@link
     *     Feature#IGNORE}), [B, 2] for span extraction
     */
    NDArray targets(List<Feature> batch, int length, NDManager manager);

    /**
     * @param logits the head's output (see {@link dev.skillnet.model.heads.TaskHead#forward})
     * @param targets from {@link #targets}
     * @param attentionMask [B, T], 1 at real tokens
     * @return the mean loss, a scalar
     */
    NDArray loss(NDArray logits, NDArray targets, NDArray attentionMask);
}
