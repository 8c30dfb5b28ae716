package dev.skillnet.model.bert;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which skills the encoder's feed-forward sub-layers hold, and in which layers.
 *
 * <p>In a layer listed in {@code skillLayers}, the feed-forward sub-layer exists once per skill,
 * named {@code encoder.layer.N.skills.<skill>.{intermediate,output}}; the other layers keep
 * BERT's single {@code encoder.layer.N.{intermediate,output}}. An empty skill list gives plain
 * BERT.
 *
 * <p>Instead of skills, the same layers may hold a mixture of experts ({@code experts > 0}): a
 * learned gate routes each token to its {@code topK} best experts,
 * {@code encoder.layer.N.moe.{gate,experts.<i>.{intermediate,output}}}.
 *
 * @param skills the declared skill names, in table order (empty for experts)
 * @param skillLayers the 0-based layers that hold skills (or experts), ascending
 * @param experts experts per layer, 0 for none
 * @param topK experts each token is routed to (0 without experts)
 */
public record SkillLayout(List<String> skills, List<Integer> skillLayers, int experts, int topK) {

    /** Copies the lists and checks them. */
    public SkillLayout {
        skills = List.copyOf(skills);
        skillLayers = List.copyOf(new TreeSet<>(skillLayers));
        if (new TreeSet<>(skills).size() != skills.size()) {
            throw new IllegalArgumentException("a skill is listed twice: " + skills);
        }
        if (experts > 0) {
            if (!skills.isEmpty() || skillLayers.isEmpty()) {
                throw new IllegalArgumentException("experts need layers and no skills: skills " + skills
                        + ", layers " + skillLayers);
            }
            if (topK < 1 || topK > experts) {
                throw new IllegalArgumentException("top-k " + topK + " must be in 1.." + experts);
            }
        } else if (skills.isEmpty() != skillLayers.isEmpty()) {
            throw new IllegalArgumentException("skills " + skills + " and skill layers " + skillLayers
                    + " must be both empty or both non-empty");
        }
    }

    /**
     * Skills (no experts) in the given layers.
     *
     * @param skills the skill names
     * @param skillLayers the layers holding them
     */
    public SkillLayout(List<String> skills, List<Integer> skillLayers) {
        this(skills, skillLayers, 0, 0);
    }

    /**
     * A mixture of experts in every one of {@code layers} layers.
     *
     * @param experts experts per layer
     * @param topK experts per token
     * @param layers the number of layers of the encoder
     * @return the layout
     */
    public static SkillLayout mixture(int experts, int topK, int layers) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            all.add(i);
        }
        return new SkillLayout(List.of(), all, experts, topK);
    }

    /**
     * @param layer a 0-based layer
     * @return whether it holds a mixture of experts
     */
    public boolean hasExperts(int layer) {
        return experts > 0 && skillLayers.contains(layer);
    }

    /**
     * Skills in every one of {@code layers} layers.
     *
     * @param skills the skill names
     * @param layers the number of layers of the encoder
     * @return the layout
     */
    public static SkillLayout everyLayer(List<String> skills, int layers) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < layers && !skills.isEmpty(); i++) {
            all.add(i);
        }
        return new SkillLayout(skills, all);
    }

    /** @return plain BERT: no skills */
    public static SkillLayout none() {
        return new SkillLayout(List.of(), List.of());
    }

    /** @return whether layer {@code n} holds skills */
    public boolean hasSkills(int layer) {
        return experts == 0 && skillLayers.contains(layer);
    }

    /**
     * Resolves skill names to indices into {@link #skills()}.
     *
     * @param active the skills to run; empty or {@code null} means all
     * @return indices, ascending
     * @throws IllegalArgumentException naming any unknown skill
     */
    public int[] indicesOf(Set<String> active) {
        if (active == null || active.isEmpty()) {
            int[] all = new int[skills.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        List<String> unknown = new ArrayList<>();
        for (String s : active) {
            if (!skills.contains(s)) {
                unknown.add(s);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown skill(s) " + unknown + "; the model has " + skills);
        }
        return active.stream().mapToInt(skills::indexOf).sorted().toArray();
    }
}
