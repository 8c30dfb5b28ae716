package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** job.json keeps every option a resumed run needs, and a broken one is a user error naming the file. */
class JobFileTest {

    @Test
    void roundTrip(@TempDir Path tmp) throws Exception {
        JobConfig job = new JobConfig(tmp, tmp.resolve("decl"), null, tmp.resolve("data"), List.of("a", "b"), null,
                ModelSize.parse("tiny"), new Routing(Mode.MOE, List.of(1), 4, 2), 3,
                new TrainConfig(100, 8, 1e-3, 0.1, 0.01, 1.0, 50, 10, 32, 9, SamplingConfig.parse("temperature:2")));
        JobFile.write(job);
        JobConfig back = JobFile.read(tmp);
        assertEquals(job.taskNames(), back.taskNames());
        assertEquals(job.routing(), back.routing());
        assertEquals(job.train(), back.train());
        assertEquals(job.size(), back.size());
        assertEquals(3, back.vocabMinCount());
        assertEquals(tmp.resolve("decl").toAbsolutePath(), back.tasksDir());
    }

    @Test
    void theHeadsLearningRateIsKeptAndAnOlderFileWithoutItReadsAsTheEncoders(@TempDir Path tmp) throws Exception {
        TrainConfig train = TrainConfig.builder(TrainDefaults.FINE_TUNING).optLearningRate(5e-5)
                .optHeadLearningRate(1e-3).build();
        JobConfig job = new JobConfig(tmp, tmp.resolve("decl"), null, tmp.resolve("data"), List.of("a"), null,
                ModelSize.parse("tiny"), new Routing(Mode.DENSE, List.of(), 0, 0), 2, train);
        JobFile.write(job);
        String written = Files.readString(tmp.resolve("job.json"));
        assertTrue(written.contains("\"headLearningRate\": 0.001"), written);
        assertEquals(1e-3, JobFile.read(tmp).train().headLearningRate());
        Files.writeString(tmp.resolve("job.json"), written.replaceAll(",\\s*\"headLearningRate\": 0.001", ""));
        assertEquals(null, JobFile.read(tmp).train().headLearningRate());
    }

    @Test
    void taskWeightsAreKeptAndAnOlderFileWithoutThemReadsAsNone(@TempDir Path tmp) throws Exception {
        TrainConfig train = TrainConfig.builder(TrainDefaults.FINE_TUNING).optTaskWeights(Map.of("msra_ner", 3.0))
                .build();
        JobConfig job = new JobConfig(tmp, tmp.resolve("decl"), null, tmp.resolve("data"), List.of(), null,
                ModelSize.parse("tiny"), new Routing(Mode.DENSE, List.of(), 0, 0), 2, train);
        JobFile.write(job);
        String written = Files.readString(tmp.resolve("job.json"));
        assertEquals(train, JobFile.read(tmp).train());
        String older = written.replaceAll(",\\s*\"taskWeights\": \\{[^}]*\\}", "");
        assertTrue(!older.contains("taskWeights") && older.contains("\"cap\""), older);
        Files.writeString(tmp.resolve("job.json"), older);
        assertEquals(Map.of(), JobFile.read(tmp).train().sampling().taskWeights());
    }

    @Test
    void missingOrBrokenJobFilesAreUserErrors(@TempDir Path tmp) throws Exception {
        UserInputException none = assertThrows(UserInputException.class, () -> JobFile.read(tmp));
        assertTrue(none.getMessage().contains("job.json") && none.getMessage().contains("not a run folder"));
        Files.writeString(tmp.resolve("job.json"), "{\"out\": 3");
        UserInputException broken = assertThrows(UserInputException.class, () -> JobFile.read(tmp));
        assertTrue(broken.getMessage().contains("malformed job file"), broken.getMessage());
    }
}
