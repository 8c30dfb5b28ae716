package dev.skillnet.eval.metrics;

import dev.skillnet.core.TagScheme;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Entity-level precision, recall and F1 exactly as Python seqeval's default mode ({@code
 * seqeval.metrics.f1_score}, {@code precision_score}, {@code recall_score} and {@code
 * classification_report} with {@code mode=None}): entities are extracted with {@link
 * EntityExtractor}, an entity is correct when type, start and end all match, micro averages pool
 * all sentences, and zero divisions give 0.
 */
public final class SeqevalMetric {

    private SeqevalMetric() {}

    /**
     * Evaluates predicted tag sequences against gold ones.
     *
     * @param gold gold tags, one list per sentence
     * @param predicted predicted tags, one list per sentence, each as long as its gold sentence
     * @param scheme the tagging scheme of both
     * @return micro and per-type counts, plus the number of stray tags repaired on each side
     * @throws IllegalArgumentException if there are no sentences, the sentence counts or lengths
     *     differ, or a tag is not legal in {@code scheme}
     */
    public static SeqevalResult evaluate(
            List<List<String>> gold, List<List<String>> predicted, TagScheme scheme) {
        Objects.requireNonNull(gold, "gold sentences");
        Objects.requireNonNull(predicted, "predicted sentences");
        Objects.requireNonNull(scheme, "scheme");
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(
                    "gold and predicted differ in number of sentences: " + gold.size() + " vs "
                            + predicted.size());
        }
        if (gold.isEmpty()) {
            throw new IllegalArgumentException("no sentences to evaluate");
        }
        Map<String, int[]> counts = new TreeMap<>(); // type -> {correct, predicted, gold}
        int goldStray = 0;
        int predStray = 0;
        for (int s = 0; s < gold.size(); s++) {
            List<String> g = Objects.requireNonNull(gold.get(s), "gold sentence " + s);
            List<String> p = Objects.requireNonNull(predicted.get(s), "predicted sentence " + s);
            if (g.size() != p.size()) {
                throw new IllegalArgumentException(
                        "sentence " + s + ": gold has " + g.size() + " tags but prediction has "
                                + p.size());
            }
            EntityExtraction ge = extract(g, scheme, "gold", s);
            EntityExtraction pe = extract(p, scheme, "predicted", s);
            goldStray += ge.strayTagsRepaired();
            predStray += pe.strayTagsRepaired();
            Set<Entity> goldSet = new HashSet<>(ge.entities());
            for (Entity e : goldSet) {
                counts.computeIfAbsent(e.type(), k -> new int[3])[2]++;
            }
            for (Entity e : new HashSet<>(pe.entities())) {
                int[] c = counts.computeIfAbsent(e.type(), k -> new int[3]);
                c[1]++;
                if (goldSet.contains(e)) {
                    c[0]++;
                }
            }
        }
        Map<String, Prf> perType = new TreeMap<>();
        int correct = 0;
        int pred = 0;
        int gol = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            perType.put(e.getKey(), new Prf(c[0], c[1], c[2]));
            correct += c[0];
            pred += c[1];
            gol += c[2];
        }
        return new SeqevalResult(
                new Prf(correct, pred, gol), perType, gold.size(), goldStray, predStray);
    }

    private static EntityExtraction extract(
            List<String> tags, TagScheme scheme, String side, int sentence) {
        try {
            return EntityExtractor.extract(tags, scheme);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    side + " sentence " + sentence + ": " + e.getMessage(), e);
        }
    }
}
