package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.nn.HfBlock;
import dev.skillnet.model.nn.OwnScope;
import dev.skillnet.model.nn.Scalars;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code skills}: one {@link FeedForward} per declared skill, named by the skill. A forward pass
 * runs only the active skills and averages their outputs; the others are not touched, so they
 * cost no compute and receive no gradient.
 */
public final class SkillSet extends HfBlock {

    private final List<FeedForward> skills = new ArrayList<>();
    private final List<String> names;

    /**
     * @param config the encoder's sizes
     * @param names the skill names, in table order
     */
    public SkillSet(BertConfig config, List<String> names) {
        this.names = List.copyOf(names);
        for (String name : names) {
            skills.add(child(name, new FeedForward(config)));
        }
    }

    /**
     * @param name a skill's name
     * @return its feed-forward
     * @throws IllegalArgumentException when the set has no such skill
     */
    public FeedForward skill(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no skill '" + name + "' here; the skills are " + names);
        }
        return skills.get(i);
    }

    /**
     * @param x [B, T, H], the attention sub-layer's output
     * @param active indices of the skills to run, non-empty
     * @param training whether dropout is on
     * @return the mean of the active skills' outputs, [B, T, H]
     */
    public NDArray forward(NDArray x, int[] active, boolean training) {
        if (active.length == 0) {
            throw new IllegalArgumentException("at least one skill must be active");
        }
        NDArray sum = null;
        for (int i : active) {
            FeedForward skill = skills.get(i);
            // inference: one skill's [B, T, I] intermediates at a time, not every active skill's
            NDArray y = training ? skill.forward(x, true) : OwnScope.run(x, in -> skill.forward(in, false));
            sum = sum == null ? y : sum.add(y);
        }
        return active.length == 1 ? sum : sum.div(Scalars.of(sum, active.length));
    }


    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
