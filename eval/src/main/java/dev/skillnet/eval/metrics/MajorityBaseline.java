package dev.skillnet.eval.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The majority-class baseline: always predict the most frequent training label and measure
 * accuracy on the test gold labels.
 *
 * @param label the most frequent training label (ties broken by the smallest label in {@link
 *     String#compareTo} order)
 * @param accuracy the accuracy on the test gold labels of always predicting {@code label}, as a
 *     fraction in [0, 1]
 * @param n the number of test examples
 */
public record MajorityBaseline(String label, double accuracy, int n) {

    /**
     * Computes the baseline.
     *
     * @param trainLabels training labels, from which the majority label is taken
     * @param testGold gold labels of the test set
     * @return the majority label and its test accuracy
     * @throws IllegalArgumentException if either list is empty or contains {@code null}
     */
    public static MajorityBaseline compute(List<String> trainLabels, List<String> testGold) {
        Inputs.checkLabels(trainLabels, "training");
        Inputs.checkLabels(testGold, "test gold");
        Map<String, Integer> counts = new HashMap<>();
        for (String label : trainLabels) {
            counts.merge(label, 1, Integer::sum);
        }
        String best = null;
        int bestCount = -1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int c = e.getValue();
            if (c > bestCount || (c == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = c;
            }
        }
        int hits = 0;
        for (String g : testGold) {
            if (g.equals(best)) {
                hits++;
            }
        }
        return new MajorityBaseline(best, (double) hits / testGold.size(), testGold.size());
    }

    /**
     * The baseline as a {@link Score} named {@code "accuracy"}, in percent.
     *
     * @return the score with {@code n} test examples
     */
    public Score toScore() {
        return new Score("accuracy", 100.0 * accuracy, n);
    }
}
