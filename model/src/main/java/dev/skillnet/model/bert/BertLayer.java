package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.nn.HfBlock;
import dev.skillnet.model.nn.OwnScope;
import java.util.List;

/**
 * {@code encoder.layer.N}: self-attention, then either BERT's single feed-forward sub-layer
 * ({@code intermediate}, {@code output}) or a {@link SkillSet} ({@code skills}).
 */
public final class BertLayer extends HfBlock {

    private final BertAttention attention;
    private final FeedForward feedForward;
    private final SkillSet skills;
    private final MixtureOfExperts moe;

    /**
     * @param config the encoder's sizes
     * @param skillNames the skills of this layer; empty for a plain BERT layer
     */
    public BertLayer(BertConfig config, List<String> skillNames) {
        this(config, skillNames, 0, 0);
    }

    /**
     * @param config the encoder's sizes
     * @param skillNames the skills of this layer; empty for a plain or a mixture-of-experts layer
     * @param experts experts of this layer (0: none)
     * @param topK experts per token
     */
    public BertLayer(BertConfig config, List<String> skillNames, int experts, int topK) {
        attention = child("attention", new BertAttention(config));
        if (experts > 0) {
            feedForward = null;
            skills = null;
            moe = child("moe", new MixtureOfExperts(config, experts, topK));
        } else if (skillNames.isEmpty()) {
            moe = null;
            feedForward = new FeedForward(config);
            child("intermediate", feedForward.intermediate());
            child("output", feedForward.output());
            skills = null;
        } else {
            moe = null;
            feedForward = null;
            skills = child("skills", new SkillSet(config, skillNames));
        }
    }

    /**
     * @param x [B, T, H]
     * @param maskBias [B, 1, 1, T]
     * @param activeSkills indices of the active skills (ignored by a plain layer)
     * @param training whether dropout is on
     * @param auxLosses receives a mixture-of-experts layer's load-balancing loss
     * @return [B, T, H]
     */
    public NDArray forward(NDArray x, NDArray maskBias, int[] activeSkills, boolean training,
            List<NDArray> auxLosses) {
        // inference: the attention's intermediates ([B, heads, T, T] scores and probabilities) are
        // freed before the feed-forward runs
        NDArray attended = training
                ? attention.forward(x, maskBias, true)
                : OwnScope.run(x, in -> attention.forward(in, maskBias, false));
        if (moe != null) {
            return moe.forward(attended, maskBias, training, auxLosses);
        }
        return skills == null
                ? feedForward.forward(attended, training)
                : skills.forward(attended, activeSkills, training);
    }

    /** @return whether this layer holds skills */
    public boolean hasSkills() {
        return skills != null;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
