package dev.skillnet.train.experiment;

import java.util.List;
import java.util.Map;

/**
 * One variant of an experiment (a mode, or skill with pre-training) over every seed.
 *
 * @param name the variant's name
 * @param scores per task, the test main score of each seed, in seed order
 * @param averages the average main score of each seed
 * @param activated per task, parameters activated per token
 * @param stored parameters stored (for single: all the task models together)
 * @param seconds wall time of each seed's run (pre-training included where there is one)
 * @param pretrainSeconds wall time of each seed's pre-training (empty without)
 */
public record VariantResult(String name, Map<String, List<Double>> scores, List<Double> averages,
        Map<String, Long> activated, long stored, List<Double> seconds, List<Double> pretrainSeconds) {

    /**
     * @param values values
     * @return their mean
     */
    public static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /**
     * @param values values
     * @return their sample standard deviation (0 for one value)
     */
    public static double std(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double m = mean(values);
        double ss = values.stream().mapToDouble(v -> (v - m) * (v - m)).sum();
        return Math.sqrt(ss / (values.size() - 1));
    }
}
