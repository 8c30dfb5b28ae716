package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.nn.Dense;
import dev.skillnet.model.nn.Dropout;
import dev.skillnet.model.nn.HfBlock;
import dev.skillnet.model.nn.Scalars;

/**
 * {@code attention.self}: multi-head scaled dot-product self-attention with an additive padding
 * mask. Returns the heads' concatenated context, before the output projection.
 */
public final class BertSelfAttention extends HfBlock {

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
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)) // [B, heads, T, T]
                .add(maskBias);
        NDArray probs = scores.softmax(-1);
        if (training && dropout > 0) {
            probs = Dropout.apply(probs, dropout);
        }
        return probs.matMul(v) // [B, heads, T, d]
                .transpose(0, 2, 1, 3)
                .reshape(b, t, (long) heads * headSize);
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
