package dev.skillnet.eval.metrics;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-class precision, recall, F1 and support over the union of gold and predicted labels (a label
 * that occurs in neither has no row), sorted by label like sklearn's {@code
 * classification_report}.
 */
public final class ClassReport {

    private ClassReport() {}

    /**
     * Counts, for every label that occurs as gold or as prediction, how often it was predicted,
     * how often it is gold and how often both.
     *
     * @param gold gold labels
     * @param predicted predicted labels, same length as {@code gold}
     * @return an unmodifiable map from label to its counts, sorted by label
     * @throws IllegalArgumentException if the lists are empty, contain {@code null} or differ in
     *     length
     */
    public static Map<String, Prf> compute(List<String> gold, List<String> predicted) {
        Inputs.checkPaired(gold, predicted);
        Map<String, int[]> counts = new TreeMap<>(); // label -> {correct, predicted, gold}
        for (int i = 0; i < gold.size(); i++) {
            String g = gold.get(i);
            String p = predicted.get(i);
            counts.computeIfAbsent(g, k -> new int[3])[2]++;
            counts.computeIfAbsent(p, k -> new int[3])[1]++;
            if (g.equals(p)) {
                counts.get(g)[0]++;
            }
        }
        Map<String, Prf> report = new TreeMap<>();
        counts.forEach((label, c) -> report.put(label, new Prf(c[0], c[1], c[2])));
        return Collections.unmodifiableMap(report);
    }
}
