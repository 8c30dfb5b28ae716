package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's throughput record: rates worked out by hand, a round trip through its file, and bad files refused. */
class ThroughputTest {

    @Test
    void ratesAndSums() {
        Throughput a = new Throughput(1_600, 20.0, 500, 4.0);
        assertEquals(80.0, a.trainPerSecond(), 1e-12);
        assertEquals(125.0, a.testPerSecond(), 1e-12);
        Throughput both = a.plus(new Throughput(400, 5.0, 100, 1.0));
        assertEquals(new Throughput(2_000, 25.0, 600, 5.0), both);
        assertEquals(80.0, both.trainPerSecond(), 1e-12);
    }

    @Test
    void perTaskFiguresAddUpWhenRunsAreJoined() {
        Throughput a = new Throughput(48, 6.0, 10, 1.0, Map.of("tnews", new TaskTime(3, 48, 900, 6.0)));
        Throughput b = new Throughput(40, 9.0, 10, 1.0,
                Map.of("tnews", new TaskTime(2, 32, 600, 4.0), "cmrc2018", new TaskTime(1, 8, 4000, 5.0)));
        Throughput both = a.plus(b);
        assertEquals(new TaskTime(5, 80, 1500, 10.0), both.tasks().get("tnews"));
        assertEquals(new TaskTime(1, 8, 4000, 5.0), both.tasks().get("cmrc2018"));
        assertEquals(2.0, both.tasks().get("tnews").secondsPerBatch(), 1e-12);
        assertEquals(1.25, both.tasks().get("cmrc2018").millisPerToken(), 1e-12);
        assertEquals(0.0, TaskTime.NONE.secondsPerBatch());
        assertEquals(0.0, TaskTime.NONE.millisPerToken());
    }

    @Test
    void roundTripsThroughItsFile(@TempDir Path dir) {
        Throughput t = new Throughput(3_000, 61.25, 231, 57.5);
        t.write(dir);
        assertEquals(t, Throughput.read(dir));
        Throughput perTask = new Throughput(3_000, 61.25, 231, 57.5,
                Map.of("cmrc2018", new TaskTime(10, 80, 38_000, 40.5), "tnews", new TaskTime(50, 800, 19_000, 20.0)));
        perTask.write(dir);
        assertEquals(perTask, Throughput.read(dir));
    }

    @Test
    void aMissingOrIncompleteFileIsNamed(@TempDir Path dir) throws Exception {
        UserInputException missing = assertThrows(UserInputException.class, () -> Throughput.read(dir));
        assertTrue(missing.getMessage().contains(Throughput.NAME), missing.getMessage());
        Files.writeString(dir.resolve(Throughput.NAME), "{\"train_inputs\": 3, \"train_seconds\": 1.0}");
        UserInputException partial = assertThrows(UserInputException.class, () -> Throughput.read(dir));
        assertTrue(partial.getMessage().contains("test_examples"), partial.getMessage());
        Files.writeString(dir.resolve(Throughput.NAME), "{\"train_inputs\": 3, \"train_seconds\": 1.0,"
                + " \"test_examples\": 1, \"test_seconds\": 1.0,"
                + " \"tasks\": {\"tnews\": {\"batches\": 1, \"inputs\": 3, \"tokens\": 40}}}");
        UserInputException task = assertThrows(UserInputException.class, () -> Throughput.read(dir));
        assertTrue(task.getMessage().contains("tasks.tnews.seconds"), task.getMessage());
    }
}
