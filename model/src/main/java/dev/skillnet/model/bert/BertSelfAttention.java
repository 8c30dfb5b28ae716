package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.nn.Dense;
import dev.skillnet.model.nn.Dropout;
import dev.skillnet.model.nn.HfBlock;
import dev.skillnet.model.nn.Scalars;

/**
 * {@code attention.self}: multi-head scaled dot-product self-attention with an additive padding
 * mask. Returns the heads' concatenated context, before the output projection.
 *
 * <p>Long inputs attend in groups of sequences, so that no {@code [B, heads, T, T]} score tensor
 * holds more than {@link #SCORES_PER_GROUP} floats. glibc serves an allocation above 32 MiB (its
 * largest mmap threshold) with fresh pages and unmaps it on free: a training step on 8 windows of
 * 512 at 8 heads made score, probability, dropout and gradient tensors of 67 MB each, every one
 * page-faulted anew, step after step. Each sequence attends only to itself, so the groups give
 * the same result as one batch.
 */
public final class BertSelfAttention extends HfBlock {

    /**
     * A group's attention scores, {@code B x heads x T x T}, hold at most this many floats (16 MiB,
     * half of glibc's largest mmap threshold); one sequence over it still makes a group of one.
     */
    public static final long SCORES_PER_GROUP = 1L << 22;

    private final Dense query;
    private final Dense key;
    private final Dense value;
    private final int heads;
    private final int headSize;
    private final float dropout;

    /** @param config the encoder's sizes */
    public BertSelfAttention(BertConfig config) {
        int h = config.hiddenSize();
        query = child("query", new Dense(h, h));
        key = child("key", new Dense(h, h));
        value = child("value", new Dense(h, h));
        heads = config.numAttentionHeads();
        headSize = config.headSize();
        dropout = (float) config.attentionProbsDropoutProb();
    }

    /**
     * @param x [B, T, H]
     * @param maskBias [B, 1, 1, T]: 0 at real tokens, a large negative number at padding
     * @param training whether dropout is on
     * @return [B, T, H]
     */
    public NDArray forward(NDArray x, NDArray maskBias, boolean training) {
        Shape s = x.getShape();
        long b = s.get(0);
        long t = s.get(1);
        // q / √d before the product rather than the scores after: [B, T, H] is half the size of
        // [B, heads, T, T] at T = 128, and for d = 64 the power-of-two scale makes the two identical
        NDArray qx = query.forward(x);
        NDArray q = split(qx.mul(Scalars.of(qx, (float) (1 / Math.sqrt(headSize)))), b, t); // [B, heads, T, d]
        NDArray k = split(key.forward(x), b, t);
        NDArray v = split(value.forward(x), b, t);
        long group = sequencesPerGroup(heads, t);
        NDArray context; // [B, heads, T, d]
        if (group >= b) {
            context = attend(q, k, v, maskBias, training);
        } else {
            long[] cuts = new long[(int) ((b - 1) / group)];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = (i + 1) * group;
            }
            NDList qs = q.split(cuts, 0);
            NDList ks = k.split(cuts, 0);
            NDList vs = v.split(cuts, 0);
            NDList masks = maskBias.split(cuts, 0);
            NDList contexts = new NDList(qs.size());
            for (int i = 0; i < qs.size(); i++) {
                contexts.add(attend(qs.get(i), ks.get(i), vs.get(i), masks.get(i), training));
            }
            context = NDArrays.concat(contexts, 0);
        }
        return context.transpose(0, 2, 1, 3).reshape(b, t, (long) heads * headSize);
    }

    /**
     * @param heads attention heads
     * @param t sequence length
     * @return how many sequences of length {@code t} attend together: as many as keep a group's
     *     scores within {@link #SCORES_PER_GROUP}, at least one
     */
    public static long sequencesPerGroup(int heads, long t) {
        return Math.max(1, SCORES_PER_GROUP / (heads * t * t));
    }

    /**
     * @param q [G, heads, T, d], already scaled by 1 / √d
     * @param k [G, heads, T, d]
     * @param v [G, heads, T, d]
     * @param maskBias [G, 1, 1, T]
     * @param training whether dropout is on
     * @return the context [G, heads, T, d]
     */
    private NDArray attend(NDArray q, NDArray k, NDArray v, NDArray maskBias, boolean training) {
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)) // [G, heads, T, T]
                .add(maskBias);
        NDArray probs = scores.softmax(-1);
        if (training && dropout > 0) {
            probs = Dropout.apply(probs, dropout);
        }
        return probs.matMul(v);
    }

    /** [B, T, H] to [B, heads, T, d]. */
    private NDArray split(NDArray x, long b, long t) {
        return x.reshape(b, t, heads, headSize).transpose(0, 2, 1, 3);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
