package dev.skillnet.model.bert;

import dev.skillnet.model.nn.HfBlock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which skill each parameter belongs to, read from the model's structure rather than its names. */
public final class SkillParameters {

    private SkillParameters() {}

    /**
     * Walks a model down to its skill sets (the blocks that hold one feed-forward per skill) and
     * lists the parameters of each skill's feed-forward.
     *
     * @param root the model (a {@code SkillNetModel}, a {@code BertForPreTraining}, a {@code BertModel})
     * @return full parameter name to the skill it belongs to; parameters of no skill are absent
     */
    public static Map<String, String> of(HfBlock root) {
        Map<String, String> out = new LinkedHashMap<>();
        root.visit((prefix, block) -> {
            if (block instanceof SkillSet set) {
                for (var child : set.getChildren()) {
                    String skill = child.getKey();
                    if (child.getValue() instanceof HfBlock feedForward) {
                        feedForward.namedParameters().keySet()
                                .forEach(name -> out.put(prefix + skill + "." + name, skill));
                    }
                }
            }
        });
        return out;
    }

    /**
     * @param root a model
     * @return every skill set in it by its dotted name prefix (e.g. {@code
     *     bert.encoder.layer.2.skills.}), in model order
     */
    public static Map<String, SkillSet> sets(HfBlock root) {
        Map<String, SkillSet> out = new LinkedHashMap<>();
        root.visit((prefix, block) -> {
            if (block instanceof SkillSet set) {
                out.put(prefix, set);
            }
        });
        return out;
    }
}
