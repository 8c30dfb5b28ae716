package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run accounts for each task's batches, inputs and step seconds, and they add up to the run's. */
class TaskTimeTest {

    @Test
    void perTaskFiguresAddUpToTheRun(@TempDir Path tmp) {
        JointTrainer.Result result = TinyJointRun.run(tmp, 30, StepProfiler.NONE);
        assertEquals(List.of("chnsenticorp", "tnews"), List.copyOf(result.taskTimes().keySet()));
        long batches = 0;
        long inputs = 0;
        double seconds = 0;
        for (String name : result.taskTimes().keySet()) {
            TaskTime t = result.taskTimes().get(name);
            assertEquals(result.taskCounts().get(name), t.batches(), name + "'s batches");
            assertTrue(t.inputs() >= t.batches() && t.inputs() <= 8 * t.batches(), name + ": " + t);
            assertTrue(t.tokens() > 2 * t.inputs(), name + " has [CLS], [SEP] and text in every input: " + t);
            batches += t.batches();
            inputs += t.inputs();
            seconds += t.seconds();
        }
        assertEquals(30, batches);
        assertEquals(result.inputs(), inputs);
        assertTrue(seconds > 0 && seconds <= result.trainSeconds(),
                "step seconds " + seconds + " against the run's training seconds " + result.trainSeconds());
    }
}
