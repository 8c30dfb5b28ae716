package dev.skillnet.eval.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CMRC 2018 results as the official script reports them, in percent.
 *
 * @param f1 mean over all questions of the best F1 against any gold answer, in percent
 * @param em percentage of questions whose prediction exactly matches some gold answer
 * @param total the number of questions, answered or not
 * @param skipped the number of questions without a prediction (they score 0 on both metrics)
 */
public record CmrcResult(double f1, double em, int total, int skipped) {

    /** @return the script's {@code AVERAGE}: the mean of EM and F1, in percent */
    public double average() {
        return (em + f1) / 2.0;
    }

    /**
     * The result as a {@link Score} named {@code "f1"}, with extras {@code em} and {@code average}.
     *
     * @return the score with {@code n} = number of questions
     */
    public Score toScore() {
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put("em", em);
        extras.put("average", average());
        return new Score("f1", f1, total, extras);
    }
}
