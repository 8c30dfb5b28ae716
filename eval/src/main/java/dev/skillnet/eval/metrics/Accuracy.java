package dev.skillnet.eval.metrics;

import java.util.List;

/** Classification accuracy: the fraction of positions where the prediction equals the gold label. */
public final class Accuracy {

    private Accuracy() {}

    /**
     * Computes accuracy as a fraction.
     *
     * @param gold gold labels
     * @param predicted predicted labels, same length as {@code gold}
     * @return the fraction of exact matches, in [0, 1]
     * @throws IllegalArgumentException if the lists are empty, contain {@code null} or differ in
     *     length
     */
    public static double compute(List<String> gold, List<String> predicted) {
        Inputs.checkPaired(gold, predicted);
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        return (double) correct / gold.size();
    }

    /**
     * Accuracy as a {@link Score} named {@code "accuracy"}, in percent.
     *
     * @param gold gold labels
     * @param predicted predicted labels, same length as {@code gold}
     * @return the score with {@code n = gold.size()}
     * @throws IllegalArgumentException as {@link #compute(List, List)}
     */
    public static Score score(List<String> gold, List<String> predicted) {
        return new Score("accuracy", 100.0 * compute(gold, predicted), gold.size());
    }
}
