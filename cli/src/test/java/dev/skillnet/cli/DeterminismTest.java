package dev.skillnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same command with the same seed gives byte-identical results.json and weights. (Across
 * processes, and across a SIGKILL and --resume, scripts/kill-and-resume.sh checks the same.)
 */
class DeterminismTest {

    @Test
    void sameSeedSameBytes(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        for (Path run : new Path[] {a, b}) {
            CliRun train = CliRun.of("train", "--out", run.toString(), "--data", TrainEvalPredictTest.SAMPLES,
                    "--tasks", TrainEvalPredictTest.DECLARATIONS, "--task", "chnsenticorp,msra_ner", "--size", "tiny",
                    "--steps", "60", "--batch-size", "16", "--eval-every", "30", "--log-every", "30", "--seed", "5");
            assertEquals(0, train.code(), train.err());
        }
        assertEquals(Files.readString(a.resolve("results.json")), Files.readString(b.resolve("results.json")));
        assertArrayEquals(Files.readAllBytes(a.resolve("best").resolve("model.safetensors")),
                Files.readAllBytes(b.resolve("best").resolve("model.safetensors")));
        assertArrayEquals(Files.readAllBytes(a.resolve("last").resolve("optimizer.safetensors")),
                Files.readAllBytes(b.resolve("last").resolve("optimizer.safetensors")));
    }
}
