package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task weight moves a task's share of the steps; a weight naming no declared task stops the run first. */
class TaskWeightsTest {

    private static JobConfig job(Path out, Mode mode, Map<String, Double> weights) {
        return new JobConfig(out, BundledTasks.DECLARATIONS, null, BundledTasks.SAMPLES, List.of("chnsenticorp", "tnews"),
                null, ModelSize.parse("tiny"), new Routing(mode, List.of(), 0, 0), 2,
                new TrainConfig(40, 16, 1e-3, 0.1, 0.01, 1.0, 40, 40, 64, 5,
                        SamplingConfig.proportional().withTaskWeights(weights)));
    }

    @Test
    void aWeightNamingNoDeclaredTaskStopsTheRunBeforeItWritesAnything(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        UserInputException e = assertThrows(UserInputException.class,
                () -> new TrainingJob(job(out, Mode.DENSE, Map.of("tnew", 2.0))).run());
        assertTrue(e.getMessage().contains("'tnew'") && e.getMessage().contains("declared: ["), e.getMessage());
        assertTrue(e.getMessage().contains(BundledTasks.DECLARATIONS.toString()), "names the declarations folder");
        assertFalse(Files.exists(out), "nothing half-written");
    }

    @Test
    void aWeightTurnsTheSmallerTasksShareIntoTheLargerOne(@TempDir Path tmp) throws Exception {
        // Proportional sampling gives tnews more of the samples' steps than chnsenticorp (ModesTest);
        // chnsenticorp weighted 10 gets more than tnews. Task-specific runs make the shares visible
        // as each task's own step budget.
        new TrainingJob(job(tmp, Mode.SINGLE, Map.of("chnsenticorp", 10.0))).run();
        int chn = steps(tmp.resolve("single").resolve("chnsenticorp"));
        int tnews = steps(tmp.resolve("single").resolve("tnews"));
        assertEquals(40, chn + tnews);
        assertTrue(chn > tnews, chn + " / " + tnews);
    }

    private static int steps(Path run) throws Exception {
        Matcher m = Pattern.compile("\"steps\": (\\d+)").matcher(Files.readString(run.resolve("job.json")));
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }
}
