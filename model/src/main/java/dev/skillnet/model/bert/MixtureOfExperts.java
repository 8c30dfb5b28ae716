package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
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
 * <p>Every expert is computed for every token and the unchosen ones are weighted by zero: the
 * outputs are those of sparse routing, the compute is not (fine for the small configurations
 * this mode is compared at; a gather/scatter dispatch would be needed at scale).
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
        NDArray probs = gate.forward(x).softmax(-1); // [B, T, N]
        NDList top = probs.topK(topK, -1, true, false);
        NDArray kth = top.get(0).min(new int[] {-1}, true); // [B, T, 1]
        NDArray chosen = probs.gte(kth).toType(DataType.FLOAT32, false); // [B, T, N]
        NDArray weights = probs.mul(chosen);
        if (topK > 1) {
            // GShard: renormalise over the chosen experts. With one expert that would make its
            // weight exactly 1 and cut the gate off from the task's gradient (Switch keeps p_i).
            weights = weights.div(weights.sum(new int[] {-1}, true));
        }
        NDList perExpert = weights.split(n, 2); // N x [B, T, 1]
        NDArray out = null;
        for (int i = 0; i < n; i++) {
            NDArray y = experts.get(i).forward(x, training).mul(perExpert.get(i));
            out = out == null ? y : out.add(y);
        }
        NDArray real = maskBias.reshape(b, t, 1).eq(0f).toType(DataType.FLOAT32, false); // [B, T, 1]
        NDArray count = real.sum().maximum(1f);
        NDArray share = chosen.mul(real).sum(new int[] {0, 1}).div(count).div(Scalars.of(count, topK)); // [N]
        NDArray meanProb = probs.mul(real).sum(new int[] {0, 1}).div(count); // [N]
        auxLosses.add(share.mul(meanProb).sum().mul(Scalars.of(count, n)));
        return out;
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
