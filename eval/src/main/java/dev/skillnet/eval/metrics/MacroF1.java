package dev.skillnet.eval.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Macro-averaged F1 as sklearn's {@code f1_score(y_true, y_pred, average="macro")}: the unweighted
 * mean of per-class F1 over the union of gold and predicted labels. A class with zero precision
 * and recall (zero division) counts as F1 = 0; a class occurring in neither list is not averaged.
 */
public final class MacroF1 {

    private MacroF1() {}

    /**
     * Computes macro-F1 as a fraction.
     *
     * @param gold gold labels
     * @param predicted predicted labels, same length as {@code gold}
     * @return the macro-averaged F1, in [0, 1]
     * @throws IllegalArgumentException if the lists are empty, contain {@code null} or differ in
     *     length
     */
    public static double compute(List<String> gold, List<String> predicted) {
        return mean(ClassReport.compute(gold, predicted), Prf::f1);
    }

    /**
     * Macro-F1 as a {@link Score} named {@code "macro_f1"}, in percent, with extras {@code
     * accuracy}, {@code macro_precision} and {@code macro_recall}.
     *
     * @param gold gold labels
     * @param predicted predicted labels, same length as {@code gold}
     * @return the score with {@code n = gold.size()}
     * @throws IllegalArgumentException as {@link #compute(List, List)}
     */
    public static Score score(List<String> gold, List<String> predicted) {
        Map<String, Prf> report = ClassReport.compute(gold, predicted);
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put("accuracy", 100.0 * Accuracy.compute(gold, predicted));
        extras.put("macro_precision", 100.0 * mean(report, Prf::precision));
        extras.put("macro_recall", 100.0 * mean(report, Prf::recall));
        return new Score("macro_f1", 100.0 * mean(report, Prf::f1), gold.size(), extras);
    }

    private static double mean(
            Map<String, Prf> report, java.util.function.ToDoubleFunction<Prf> metric) {
        double sum = 0.0;
        for (Prf prf : report.values()) {
            sum += metric.applyAsDouble(prf);
        }
        return sum / report.size();
    }
}
