package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void roundTripsThroughItsFile(@TempDir Path dir) {
        Throughput t = new Throughput(3_000, 61.25, 231, 57.5);
        t.write(dir);
        assertEquals(t, Throughput.read(dir));
    }

    @Test
    void aMissingOrIncompleteFileIsNamed(@TempDir Path dir) throws Exception {
        UserInputException missing = assertThrows(UserInputException.class, () -> Throughput.read(dir));
        assertTrue(missing.getMessage().contains(Throughput.NAME), missing.getMessage());
        Files.writeString(dir.resolve(Throughput.NAME), "{\"train_inputs\": 3, \"train_seconds\": 1.0}");
        UserInputException partial = assertThrows(UserInputException.class, () -> Throughput.read(dir));
        assertTrue(partial.getMessage().contains("test_examples"), partial.getMessage());
    }
}
