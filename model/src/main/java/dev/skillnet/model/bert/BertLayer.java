package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.BertConfig;
import dev.skillnet.model.nn.HfBlock;
import java.util.List;

/**
 * {@code encoder.layer.N}: self-attention, then either BERT's single feed-forward sub-layer
 * ({@code intermediate}, {@code output}) or a {@link SkillSet} ({@code skills}).
 */
public final class BertLayer extends HfBlock {

    private final BertAttention attention;
    private final FeedForward feedForward;
    private final SkillSet skills;

    /**
     * @param config the encoder's sizes
     * @param skillNames the skills of this layer; empty for a plain BERT layer
     */
    public BertLayer(BertConfig config, List<String> skillNames) {
        attention = child("attention", new BertAttention(config));
        if (skillNames.isEmpty()) {
            feedForward = new FeedForward(config);
            child("intermediate", feedForward.intermediate());
            child("output", feedForward.output());
            skills = null;
        } else {
            feedForward = null;
            skills = child("skills", new SkillSet(config, skillNames));
        }
    }

    /**
     * @param x [B, T, H]
     * @param maskBias [B, 1, 1, T]
     * @param activeSkills indices of the active skills (ignored by a plain layer)
     * @param training whether dropout is on
     * @return [B, T, H]
     */
    public NDArray forward(NDArray x, NDArray maskBias, int[] activeSkills, boolean training) {
        NDArray attended = attention.forward(x, maskBias, training);
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
