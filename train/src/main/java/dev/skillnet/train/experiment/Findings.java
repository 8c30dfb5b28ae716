package dev.skillnet.train.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The comparisons the SkillNet paper's claims make, between the variants an experiment ran, as
 * paired differences over seeds ({@link PairedDifference}): sparse skills against dense, against
 * a mixture of experts and against one model per task; skill pre-training against none, at the same
 * fine-tuning steps and at the same total wall time; a new task learnt by extending a skill model
 * against a dense model fine-tuned on it and against the task alone; and the skills a search
 * picked for it against its declared skills and against all skills. Each claim says the first variant is better; it is reproduced on a task only when
 * the 95% interval of the difference lies above zero.
 */
public final class Findings {

    /**
     * One comparison on one task (or on the average).
     *
     * @param first the variant the claim favours
     * @param second the variant it is compared with
     * @param task a task, or {@code average}
     * @param difference first minus second, paired by seed
     */
    public record Finding(String first, String second, String task, PairedDifference difference) {

        /** @return whether the claim holds here: the interval lies above zero */
        public boolean reproduced() {
            return difference.firstIsBetter();
        }

        /** @return {@code reproduced}, {@code reversed} (interval below zero) or {@code cannot tell} */
        public String verdict() {
            return difference.firstIsBetter() ? "reproduced" : difference.secondIsBetter() ? "reversed" : "cannot tell";
        }
    }

    /** The main claims: (favoured, compared) pairs of variant names. */
    private static final List<List<String>> CLAIMS = List.of(List.of("skill", "dense"), List.of("skill", "moe"),
            List.of("skill", "single"), List.of("skill+pretrain", "skill"),
            List.of("skill+pretrain", Experiment.EQUAL_TIME));

    private Findings() {}

    /**
     * @param variants an experiment's variants (all run with the same seeds, in the same order)
     * @return every claim's comparison whose two variants are present: per task and on the
     *     average for the main claims, on the new task for extension
     */
    public static List<Finding> of(List<VariantResult> variants) {
        List<Finding> out = new ArrayList<>();
        for (List<String> claim : CLAIMS) {
            Optional<VariantResult> a = find(variants, claim.get(0));
            Optional<VariantResult> b = find(variants, claim.get(1));
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, List<Double>> e : a.get().scores().entrySet()) {
                List<Double> other = b.get().scores().get(e.getKey());
                if (other != null) {
                    out.add(new Finding(claim.get(0), claim.get(1), e.getKey(), PairedDifference.of(e.getValue(), other)));
                }
            }
            out.add(new Finding(claim.get(0), claim.get(1), "average",
                    PairedDifference.of(a.get().averages(), b.get().averages())));
        }
        for (VariantResult v : variants) {
            String prefix = ExtensionExperiment.extended("");
            if (!v.name().startsWith(prefix) || v.name().contains(",")) {
                continue;
            }
            String task = v.name().substring(prefix.length());
            List<List<String>> claims = List.of(
                    List.of(v.name(), ExtensionExperiment.denseFineTuned(task)),
                    List.of(v.name(), ExtensionExperiment.alone(task, true)),
                    List.of(v.name(), ExtensionExperiment.alone(task, false)),
                    List.of(ExtensionExperiment.searched(task), v.name()),
                    List.of(ExtensionExperiment.searched(task), ExtensionExperiment.allSkills(task)));
            for (List<String> claim : claims) {
                Optional<VariantResult> a = find(variants, claim.get(0));
                Optional<VariantResult> b = find(variants, claim.get(1));
                if (a.isPresent() && b.isPresent()) {
                    out.add(new Finding(claim.get(0), claim.get(1), task,
                            PairedDifference.of(a.get().scores().get(task), b.get().scores().get(task))));
                }
            }
        }
        return out;
    }

    private static Optional<VariantResult> find(List<VariantResult> variants, String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
