package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code learning_curve.json}: written at every evaluation, cut back to the resumed step, bad files named. */
class LearningCurveTest {

    private static LearningCurve.Point at(int step, double score) {
        return new LearningCurve.Point(step, step * 1.5, Map.of("tnews", step * 16L), Map.of("tnews", step * 16 / 2700.0),
                Map.of("tnews", score), score);
    }

    @Test
    void everyEvaluationIsOnDiskAndAResumedRunKeepsThoseUpToItsStep(@TempDir Path run) {
        LearningCurve curve = LearningCurve.fresh(run);
        curve.add(at(100, 30.0));
        curve.add(at(200, 41.5));
        curve.add(at(300, 44.0));
        assertEquals(List.of(at(100, 30.0), at(200, 41.5), at(300, 44.0)), LearningCurve.read(run.resolve(LearningCurve.NAME)));

        LearningCurve resumed = LearningCurve.resumed(run, 200); // the state saved at 200; 300 is to be redone
        assertEquals(List.of(at(100, 30.0), at(200, 41.5)), resumed.points());
        resumed.add(at(300, 45.0));
        assertEquals(45.0, LearningCurve.read(run.resolve(LearningCurve.NAME)).get(2).devAverage());
    }

    @Test
    void aRunWithoutACurveResumesWithAnEmptyOne(@TempDir Path run) {
        assertTrue(LearningCurve.resumed(run, 500).points().isEmpty());
    }

    @Test
    void aFileThatIsNotACurveIsNamed(@TempDir Path run) throws Exception {
        Path file = run.resolve(LearningCurve.NAME);
        Files.writeString(file, "{\"step\": 3}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LearningCurve.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
