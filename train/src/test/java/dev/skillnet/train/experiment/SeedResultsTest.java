package dev.skillnet.train.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skillnet.eval.metrics.Score;
import dev.skillnet.eval.report.Report;
import dev.skillnet.eval.report.TaskResult;
import dev.skillnet.train.Throughput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedResultsTest {

    private static Report report(double ocnli) {
        return new Report("test", List.of(new TaskResult("ocnli", List.of("token"),
                new Score("accuracy", ocnli, 592), null)));
    }

    @Test
    void parameterCountsAreMeansOverSeedsNotTheLastSeeds() {
        // a searched skill set: one skill at the first seed, two at the second and third
        SeedResults seeds = new SeedResults();
        seeds.add(report(40), 60, 0, new ModelSizes(Map.of("ocnli", 23_700_000L), 76_000_000L),
                new Throughput(100, 10, 50, 5));
        seeds.add(report(42), 61, 0, new ModelSizes(Map.of("ocnli", 27_900_000L), 76_000_000L),
                new Throughput(100, 10, 50, 5));
        seeds.add(report(44), 62, 0, new ModelSizes(Map.of("ocnli", 27_900_000L), 76_000_003L),
                new Throughput(100, 10, 50, 5));

        VariantResult v = seeds.result("searched", false);

        assertEquals(26_500_000L, v.activated().get("ocnli"));
        assertEquals(76_000_001L, v.stored());
        assertEquals(List.of(40.0, 42.0, 44.0), v.scores().get("ocnli"));
        assertEquals(List.of(60.0, 61.0, 62.0), v.seconds());
        assertEquals(List.of(), v.pretrainSeconds());
    }
}
