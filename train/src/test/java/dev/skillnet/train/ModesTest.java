package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.skillnet.eval.report.Report;
import dev.skillnet.eval.report.TaskResult;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four modes run through the same job and give the model each one promises. */
class ModesTest {

    static JobConfig job(Path out, Mode mode, int steps) {
        return new JobConfig(out, BundledTasks.DECLARATIONS, null, BundledTasks.SAMPLES, List.of("chnsenticorp", "tnews"),
                null, ModelSize.parse("tiny"), new Routing(mode, List.of(), 3, 2), 2,
                new TrainConfig(steps, 16, 1e-3, 0.1, 0.01, 1.0, steps, steps, 64, 5, SamplingConfig.proportional()));
    }

    static Set<String> names(Path best) {
        try (NDManager manager = NDManager.newBaseManager(); TrainedModel trained = TrainedModel.load(best, manager)) {
            return trained.model().namedParameters().keySet();
        }
    }

    static Set<String> tasks(Report r) {
        return r.results().stream().map(TaskResult::task).collect(Collectors.toSet());
    }

    @Test
    void denseHasOneSharedFeedForwardAndNoSkills(@TempDir Path tmp) {
        Report r = new TrainingJob(job(tmp, Mode.DENSE, 20)).run();
        assertEquals(Set.of("chnsenticorp", "tnews"), tasks(r));
        Set<String> names = names(tmp.resolve("best"));
        assertTrue(names.contains("bert.encoder.layer.1.intermediate.dense.weight"));
        assertFalse(names.stream().anyMatch(n -> n.contains(".skills.") || n.contains(".moe.")));
    }

    @Test
    void moeHasGatedExpertsAndItsCheckpointKeepsTheRouting(@TempDir Path tmp) {
        Report r = new TrainingJob(job(tmp, Mode.MOE, 20)).run();
        try (NDManager manager = NDManager.newBaseManager();
                TrainedModel trained = TrainedModel.load(tmp.resolve("best"), manager)) {
            var layout = trained.model().bert().layout();
            assertEquals(3, layout.experts());
            assertEquals(2, layout.topK());
        }
        Set<String> names = names(tmp.resolve("best"));
        assertTrue(names.contains("bert.encoder.layer.0.moe.gate.weight"));
        assertTrue(names.contains("bert.encoder.layer.1.moe.experts.2.output.dense.weight"));
        assertFalse(names.stream().anyMatch(n -> n.contains(".skills.")));
        assertTrue(Files.isRegularFile(tmp.resolve("results.json")));
        assertEquals(2, r.results().size());
    }

    @Test
    void singleTrainsOneModelPerTaskOnItsShareOfTheSteps(@TempDir Path tmp) throws Exception {
        Report r = new TrainingJob(job(tmp, Mode.SINGLE, 40)).run();
        assertEquals(Set.of("chnsenticorp", "tnews"), tasks(r));
        for (String task : List.of("chnsenticorp", "tnews")) {
            Path best = tmp.resolve("single").resolve(task).resolve("best");
            assertTrue(Files.isRegularFile(best.resolve("model.safetensors")), best.toString());
            assertEquals(Set.of(task), Files.list(best.resolve("tasks")).map(p -> p.getFileName().toString()
                    .replace(".json", "")).collect(Collectors.toSet()));
        }
        String chn = Files.readString(tmp.resolve("single").resolve("chnsenticorp").resolve("job.json"));
        String tnews = Files.readString(tmp.resolve("single").resolve("tnews").resolve("job.json"));
        int a = steps(chn);
        int b = steps(tnews);
        assertEquals(40, a + b, "the budget is shared, not multiplied");
        assertTrue(b > a, "tnews has more training data than chnsenticorp in the samples, so more steps: " + a + "/" + b);
        assertTrue(Files.isRegularFile(tmp.resolve("results.json")));
    }

    private static int steps(String jobJson) {
        var m = java.util.regex.Pattern.compile("\"steps\": (\\d+)").matcher(jobJson);
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }
}
