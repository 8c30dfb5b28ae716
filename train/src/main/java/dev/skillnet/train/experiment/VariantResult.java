package dev.skillnet.train.experiment;

import dev.skillnet.train.Throughput;
import java.util.List;
import java.util.Map;

/**
 * One variant of an experiment (a mode, or skill with pre-training) over every seed.
 *
 * @param name the variant's name
 * @param scores per task, the test main score of each seed, in seed order
 * @param averages the average main score of each seed
 * @param activated per task, parameters activated per token (the mean over seeds)
 * @param stored parameters stored (for single: all the task models together; the mean over seeds)
 * @param seconds wall time of each seed's run (pre-training included where there is one), NaN where not recorded
 * @param pretrainSeconds wall time of each seed's pre-training (empty without)
 * @param throughput each seed's training inputs and test examples per second (empty when not measured)
 */
public record VariantResult(String name, Map<String, List<Double>> scores, List<Double> averages,
        Map<String, Long> activated, long stored, List<Double> seconds, List<Double> pretrainSeconds,
        List<Throughput> throughput) {

    /** Copies the lists. */
    public VariantResult {
        averages = List.copyOf(averages);
        seconds = List.copyOf(seconds);
        pretrainSeconds = List.copyOf(pretrainSeconds);
        throughput = List.copyOf(throughput);
    }

    /** @return the mean over seeds of training inputs per second (NaN when not measured) */
    public double trainPerSecond() {
        return mean(throughput.stream().map(Throughput::trainPerSecond).toList());
    }

    /** @return the mean over seeds of test examples per second (NaN when not measured) */
    public double testPerSecond() {
        return mean(throughput.stream().map(Throughput::testPerSecond).toList());
    }

    /**
     * @param values values
     * @return their mean
     */
    public static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /**
     * @param values values, NaN where unknown (a wall time not recorded)
     * @return the mean of the known ones, NaN when none is known
     */
    public static double meanOfKnown(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).average().orElse(Double.NaN);
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
