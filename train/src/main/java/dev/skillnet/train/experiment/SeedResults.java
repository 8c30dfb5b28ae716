package dev.skillnet.train.experiment;

import dev.skillnet.eval.report.Report;
import dev.skillnet.eval.report.TaskResult;
import dev.skillnet.train.Throughput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects one variant's runs, one per seed, into a {@link VariantResult}. */
final class SeedResults {

    private final Map<String, List<Double>> scores = new LinkedHashMap<>();
    private final List<Double> averages = new ArrayList<>();
    private final List<Double> seconds = new ArrayList<>();
    private final List<Double> pretrain = new ArrayList<>();
    private final List<Throughput> throughput = new ArrayList<>();
    private final Map<String, List<Long>> activated = new LinkedHashMap<>();
    private final List<Long> stored = new ArrayList<>();

    /**
     * @param report the seed's test report
     * @param wall the seed's wall seconds (NaN when not recorded)
     * @param preWall the seed's pre-training wall seconds (0 without)
     * @param sizes the seed's model sizes
     * @param speed the seed's throughput
     */
    void add(Report report, double wall, double preWall, ModelSizes sizes, Throughput speed) {
        for (TaskResult r : report.results()) {
            scores.computeIfAbsent(r.task(), k -> new ArrayList<>()).add(r.score().value());
        }
        averages.add(report.average());
        seconds.add(wall);
        pretrain.add(preWall);
        throughput.add(speed);
        sizes.activated().forEach((task, n) -> activated.computeIfAbsent(task, k -> new ArrayList<>()).add(n));
        stored.add(sizes.stored());
    }

    /**
     * @param name the variant's name
     * @param withPretrain whether to report the pre-training seconds
     * @return the variant over its seeds; parameter counts are means over the seeds (a searched skill set
     *     differs by seed)
     */
    VariantResult result(String name, boolean withPretrain) {
        Map<String, Long> meanActivated = new LinkedHashMap<>();
        activated.forEach((task, counts) -> meanActivated.put(task, mean(counts)));
        return new VariantResult(name, scores, averages, meanActivated, mean(stored), seconds,
                withPretrain ? pretrain : List.of(), throughput);
    }

    private static long mean(List<Long> counts) {
        return Math.round(counts.stream().mapToLong(Long::longValue).average().orElse(0));
    }
}
