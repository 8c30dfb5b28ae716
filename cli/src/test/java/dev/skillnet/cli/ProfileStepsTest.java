package dev.skillnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --profile-steps FIRST-LAST}: the chosen steps run under PyTorch's profiler and
 * {@code profile.json} says, per task, where their time went; a range the run cannot take is refused
 * before training.
 */
class ProfileStepsTest {

    private static CliRun train(Path out, String range) {
        return CliRun.of("train", "--out", out.toString(), "--data", TrainEvalPredictTest.SAMPLES, "--tasks",
                TrainEvalPredictTest.DECLARATIONS, "--task", "tnews,msra_ner", "--size", "tiny", "--steps", "6",
                "--batch-size", "8", "--eval-every", "0", "--dev-limit", "20", "--profile-steps", range);
    }

    @Test
    void theChosenStepsArePhasedAndTheirMatrixMultipliesCounted(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("run");
        CliRun r = train(run, "3-6");
        assertEquals(0, r.code(), r.err());
        JsonObject profile = JsonParser.parseString(Files.readString(run.resolve("profile.json"))).getAsJsonObject();
        assertEquals(3, profile.get("first_step").getAsInt());
        JsonObject all = profile.getAsJsonObject("all");
        assertEquals(4, all.get("steps").getAsInt());
        long steps = 0;
        for (var e : profile.getAsJsonObject("tasks").entrySet()) {
            JsonObject t = e.getValue().getAsJsonObject();
            steps += t.get("steps").getAsLong();
            assertTrue(t.get("real_tokens").getAsLong() <= t.get("padded_tokens").getAsLong(), e.getKey());
        }
        assertEquals(4, steps, "every profiled step belongs to one task");
        for (String phase : new String[] {"forward", "backward", "update"}) {
            JsonObject p = all.getAsJsonObject("phases").getAsJsonObject(phase);
            assertTrue(p.get("seconds").getAsDouble() > 0, phase);
            assertFalse(p.getAsJsonArray("top").isEmpty(), phase + " lists its operators");
        }
        assertTrue(all.getAsJsonObject("phases").getAsJsonObject("forward").get("matmul_seconds").getAsDouble() > 0);
        assertTrue(all.get("matmul_gflop").getAsDouble() > 0, "the matrix multiplies' operations are counted");
        assertTrue(Files.isRegularFile(run.resolve("results.json")), "the run itself completes");
    }

    @Test
    void aRangeBeyondTheRunIsRefusedBeforeTraining(@TempDir Path tmp) {
        CliRun r = train(tmp.resolve("run"), "7-9");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("--profile-steps 7-9: the run has only 6 steps"), r.err());
        assertFalse(Files.exists(tmp.resolve("run").resolve("results.json")));
        CliRun bad = train(tmp.resolve("bad"), "three");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("--profile-steps: expected FIRST-LAST"), bad.err());
    }
}
