package dev.skillnet.train;

import dev.skillnet.core.UserInputException;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.skills.SkillTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The feed-forward routing a run asks for, turned into a {@link SkillLayout} once the number of
 * layers is known.
 *
 * @param mode the mode
 * @param skillLayers layers holding skills or experts (empty: every layer)
 * @param experts experts per layer in {@code moe} mode (0: as many as there are skills)
 * @param topK experts per token in {@code moe} mode
 */
public record Routing(Mode mode, List<Integer> skillLayers, int experts, int topK) {

    public Routing {
        skillLayers = List.copyOf(skillLayers);
        if (experts < 0 || topK < 0) {
            throw new UserInputException("experts and top-k must not be negative");
        }
    }

    /**
     * @param skillLayers layers holding skills (empty: every layer)
     * @return skill routing
     */
    public static Routing skills(List<Integer> skillLayers) {
        return new Routing(Mode.SKILL, skillLayers, 0, 0);
    }

    /**
     * @param skills the skill table
     * @param layers the encoder's number of layers
     * @return the layout
     */
    public SkillLayout layout(SkillTable skills, int layers) {
        for (int l : skillLayers) {
            if (l < 0 || l >= layers) {
                throw new UserInputException("skill layer " + l + " is outside 0.." + (layers - 1));
            }
        }
        List<Integer> chosen = skillLayers;
        if (chosen.isEmpty()) {
            chosen = new ArrayList<>();
            for (int i = 0; i < layers; i++) {
                chosen.add(i);
            }
        }
        return switch (mode) {
            case SKILL -> new SkillLayout(skills.names(), chosen);
            case DENSE, SINGLE -> SkillLayout.none();
            case MOE -> {
                int n = experts > 0 ? experts : skills.names().size();
                int k = topK > 0 ? topK : Math.min(2, n);
                if (k > n) {
                    throw new UserInputException("top-k " + k + " exceeds the " + n + " experts");
                }
                yield new SkillLayout(List.of(), chosen, n, k);
            }
        };
    }
}
