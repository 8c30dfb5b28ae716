package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.nn.Dense;
import dev.skillnet.model.nn.HfBlock;
import dev.skillnet.model.nn.Scalars;
import java.util.ArrayList;
import java.util.List;

/**
 * A mixture-of-experts feed-forward sub-layer ({@code moe}): a learned softmax gate
 * ({@code gate}, H to N) routes each token to its top-k experts ({@code experts.<i>}, each a full
 * BERT feed-forward with residual and LayerNorm, like a skill); their outputs are mixed with the
 * gate's probabilities renormalised over the chosen k, as in GShard (with k = 1, the chosen
 * expert's probability itself, as in the Switch Transformer). The layer also yields the Switch
 * Transformer's load-balancing loss, N · Σ_i f_i · P_i, where f_i is the share of the real
 * (unpadded) tokens' assignments that went to expert i and P_i their mean gate probability of
 * expert i.
 *
 * <p>Tokens are dispatched: each expert runs only on the tokens that chose it (gathered into one
 * batch per expert, then put back in order and summed per token), so a layer costs k expert
 * passes a token, not N. Padding tokens are routed like any other (their outputs are ignored).
 */
public final class MixtureOfExperts extends HfBlock {

    private final Dense gate;
    private final List<FeedForward> experts = new ArrayList<>();
    private final int topK;

    /**
     * @param config the encoder's configuration
     * @param count the number of experts
     * @param topK experts per token
     */
    public MixtureOfExperts(BertConfig config, int count, int topK) {
        gate = child("gate", new Dense(config.hiddenSize(), count));
        ExpertList list = child("experts", new ExpertList());
        for (int i = 0; i < count; i++) {
            experts.add(list.add(i, new FeedForward(config)));
        }
        this.topK = topK;
    }

    /**
     * @param x [B, T, H]
     * @param maskBias [B, 1, 1, T]: 0 at real tokens, negative at padding (the attention's mask)
     * @param training whether dropout is on
     * @param auxLosses receives this layer's load-balancing loss (a scalar, over real tokens only)
     * @return [B, T, H]
     */
    public NDArray forward(NDArray x, NDArray maskBias, boolean training, List<NDArray> auxLosses) {
        int n = experts.size();
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        long h = x.getShape().get(2);
        long assignments = b * t * topK;
        NDArray probs = gate.forward(x).softmax(-1); // [B, T, N]
        NDList top = probs.topK(topK, -1, true, false); // values, indices: [B, T, k]
        NDArray weights = top.get(0);
        if (topK > 1) {
            // GShard: renormalise over the chosen experts. With one expert that would make its
            // weight exactly 1 and cut the gate off from the task's gradient (Switch keeps p_i).
            weights = weights.div(weights.sum(new int[] {-1}, true));
        }
        NDArray expertOf = top.get(1).reshape(assignments); // [B*T*k], token-major
        NDArray byExpert = expertOf.argSort(0, true); // [B*T*k]: assignments grouped by expert
        NDArray tokenOf = x.getManager().arange(0, (int) (b * t), 1, DataType.INT64).reshape(b * t, 1)
                .repeat(1, topK).reshape(assignments); // [B*T*k]
        NDArray dispatched = x.reshape(b * t, h).get(tokenOf.get(byExpert)); // [B*T*k, H], grouped by expert
        long[] counts = new long[n];
        for (long e : expertOf.toLongArray()) {
            counts[(int) e]++;
        }
        List<NDArray> outputs = new ArrayList<>();
        long from = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i] == 0) {
                continue;
            }
            NDArray tokens = dispatched.get(from + ":" + (from + counts[i])).reshape(1, counts[i], h);
            outputs.add(experts.get(i).forward(tokens, training).reshape(counts[i], h));
            from += counts[i];
        }
        NDArray grouped = outputs.size() == 1 ? outputs.get(0) : NDArrays.concat(new NDList(outputs), 0);
        NDArray inOrder = grouped.get(byExpert.argSort(0, true)); // [B*T*k, H], token-major again
        NDArray out = inOrder.mul(weights.reshape(assignments, 1)).reshape(b, t, topK, h).sum(new int[] {2});
        NDArray chosen = top.get(1).oneHot(n).sum(new int[] {2}); // [B, T, N]
        NDArray real = maskBias.reshape(b, t, 1).eq(0f).toType(DataType.FLOAT32, false); // [B, T, 1]
        NDArray count = real.sum().maximum(1f);
        NDArray share = chosen.mul(real).sum(new int[] {0, 1}).div(count).div(Scalars.of(count, topK)); // [N]
        NDArray meanProb = probs.mul(real).sum(new int[] {0, 1}).div(count); // [N]
        auxLosses.add(share.mul(meanProb).sum().mul(Scalars.of(count, n)));
        return out; // [B, T, H]
    }

    /** @return experts per token */
    public int topK() {
        return topK;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    private static final class ExpertList extends HfBlock {
        FeedForward add(int index, FeedForward expert) {
            return child(Integer.toString(index), expert);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }
}
