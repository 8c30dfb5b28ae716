package dev.skillnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skillnet extend --search-skills}: the search's report, then an extension through the set it
 * picked, which the saved model routes through; bad search settings are refused before anything is
 * written.
 */
class ExtendSearchTest {

    @Test
    void searchesThenExtendsThroughThePickedSet(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        CliRun train = CliRun.of("train", "--out", run.toString(), "--data", TrainEvalPredictTest.SAMPLES,
                "--tasks", TrainEvalPredictTest.DECLARATIONS, "--task", "chnsenticorp", "--size", "tiny", "--steps",
                "10", "--batch-size", "8", "--eval-every", "0", "--log-every", "10");
        assertEquals(0, train.code(), train.err());
        JsonObject speed = JsonParser.parseString(Files.readString(run.resolve("throughput.json"))).getAsJsonObject();
        assertTrue(speed.get("train_inputs").getAsLong() > 0 && speed.get("train_inputs").getAsLong() <= 80, speed.toString());
        assertEquals(500, speed.get("test_examples").getAsLong(), "chnsenticorp's test sample");

        Path ext = tmp.resolve("ext");
        CliRun extend = CliRun.of("extend", "--model", run.resolve("best").toString(), "--task",
                Path.of(TrainEvalPredictTest.DECLARATIONS, "tnews.json").toString(), "--out", ext.toString(),
                "--data", TrainEvalPredictTest.SAMPLES, "--search-skills", "--search-steps", "3",
                "--search-max-skills", "1", "--steps", "4", "--batch-size", "8", "--eval-every", "0");
        assertEquals(0, extend.code(), extend.err());
        JsonObject search = JsonParser.parseString(Files.readString(ext.resolve("search.json"))).getAsJsonObject();
        assertEquals(1 + 7, search.getAsJsonArray("trials").size(), "the declared set, then each of seven skills alone");
        JsonArray picked = search.getAsJsonArray("picked");
        JsonObject saved = JsonParser.parseString(Files.readString(ext.resolve("best").resolve("tasks")
                .resolve("tnews.json"))).getAsJsonObject();
        assertEquals(picked, saved.getAsJsonArray("skills"), "the saved model routes tnews through the picked set");
        assertTrue(extend.out().contains("(picked)"), extend.out());
        assertTrue(Files.isRegularFile(ext.resolve("results.json")));
        assertTrue(Files.isRegularFile(ext.resolve("throughput.json")));
    }

    @Test
    void badSearchSettingsAreRefusedBeforeAnythingIsWritten(@TempDir Path tmp) {
        CliRun run = CliRun.of("extend", "--model", tmp.resolve("missing").toString(), "--task",
                Path.of(TrainEvalPredictTest.DECLARATIONS, "tnews.json").toString(), "--out",
                tmp.resolve("out").toString(), "--search-skills", "--search-steps", "0");
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("steps per search trial must be positive"), run.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
