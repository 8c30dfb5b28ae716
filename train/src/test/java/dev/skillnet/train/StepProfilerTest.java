package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step profiler hears, for exactly the steps it chooses, where forward, backward and update
 * begin and what batch the step trained on; and watching changes nothing the run computes.
 */
class StepProfilerTest {

    /** Records what it hears. */
    private static final class Recorder implements StepProfiler {
        final List<String> heard = new ArrayList<>();
        final List<int[]> batches = new ArrayList<>();

        @Override
        public boolean profiles(int step) {
            return step >= 4 && step <= 6;
        }

        @Override
        public void begin(int step, Phase phase) {
            heard.add(step + " " + phase);
        }

        @Override
        public void end(int step, String task, int inputs, int paddedTokens, int realTokens) {
            heard.add(step + " end " + task);
            batches.add(new int[] {inputs, paddedTokens, realTokens});
        }
    }

    private static JointTrainer.Result run(Path tmp, StepProfiler profiler) {
        List<Task<?, ?>> tasks = BundledTasks.open("chnsenticorp", "tnews");
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, 2, tmp)) {
            SkillNetModel model = ModelFactory.fromScratch(SkillTable.defaults(), List.of(), tasks,
                    ModelSize.parse("tiny"), tokenizer.vocabSize(), 7, manager);
            TrainConfig config = new TrainConfig(8, 8, 1e-3, 0.1, 0.01, 1.0, 0, 100, 64, 7,
                    SamplingConfig.uniform());
            return new JointTrainer(model, tasks, tokenizer, config, manager).optStepProfiler(profiler)
                    .train((step, dev, avg) -> { });
        }
    }

    @Test
    void hearsThePhasesOfTheChosenStepsInOrder(@TempDir Path tmp) {
        Recorder recorder = new Recorder();
        JointTrainer.Result watched = run(tmp.resolve("a"), recorder);

        assertEquals(12, recorder.heard.size(), recorder.heard.toString());
        for (int i = 0; i < 3; i++) {
            int step = 4 + i;
            assertEquals(step + " FORWARD", recorder.heard.get(4 * i));
            assertEquals(step + " BACKWARD", recorder.heard.get(4 * i + 1));
            assertEquals(step + " UPDATE", recorder.heard.get(4 * i + 2));
            assertTrue(recorder.heard.get(4 * i + 3).matches(step + " end (chnsenticorp|tnews)"),
                    recorder.heard.get(4 * i + 3));
            int[] b = recorder.batches.get(i);
            assertTrue(b[0] >= 1 && b[0] <= 8, "inputs " + b[0]);
            assertTrue(b[2] > 2 * b[0] && b[2] <= b[1], "real tokens " + b[2] + " within padded " + b[1]);
        }

        JointTrainer.Result unwatched = run(tmp.resolve("b"), StepProfiler.NONE);
        assertArrayEquals(unwatched.losses(), watched.losses(), "watching changed a loss");
    }
}
