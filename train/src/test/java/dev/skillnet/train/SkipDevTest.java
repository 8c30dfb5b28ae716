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
 * {@link TrainConfig#skipDev}: nothing is evaluated on dev, the model after the last step goes to
 * the best-model sink once (with no dev scores) and the state after it to the state sink once, and
 * the steps are those of the same run with a dev evaluation at the end.
 */
class SkipDevTest {

    private record Saved(int step, int devScores, double average) {}

    private record Run(JointTrainer.Result result, List<Saved> best, List<Integer> states, int evaluations) {}

    private static Run run(Path tmp, boolean skipDev) {
        List<Task<?, ?>> tasks = BundledTasks.open("chnsenticorp", "tnews");
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, 2, tmp)) {
            SkillNetModel model = ModelFactory.fromScratch(SkillTable.defaults(), List.of(), tasks,
                    ModelSize.parse("tiny"), tokenizer.vocabSize(), 7, manager);
            TrainConfig config = TrainConfig.builder(TrainDefaults.FROM_SCRATCH).optSteps(12).optBatchSize(8)
                    .optEvalEvery(0).optDevLimit(20).optSeed(7).optSampling(SamplingConfig.uniform())
                    .optSkipDev(skipDev).build();
            List<Saved> best = new ArrayList<>();
            List<Integer> states = new ArrayList<>();
            int[] evaluations = {0};
            JointTrainer.Result result = new JointTrainer(model, tasks, tokenizer, config, manager)
                    .optEvaluationSink(point -> evaluations[0]++)
                    .train((step, dev, avg) -> best.add(new Saved(step, dev.size(), avg)),
                            (state, optimizer) -> states.add(state.step()), null);
            return new Run(result, best, states, evaluations[0]);
        }
    }

    @Test
    void theLastStepsModelIsKeptWithoutADevEvaluation(@TempDir Path tmp) {
        Run skipped = run(tmp.resolve("skip"), true);
        assertEquals(List.of(new Saved(12, 0, Double.NEGATIVE_INFINITY)), skipped.best());
        assertEquals(List.of(12), skipped.states());
        assertEquals(0, skipped.evaluations());
        assertEquals(12, skipped.result().bestStep());
        assertEquals(Double.NEGATIVE_INFINITY, skipped.result().bestDevAverage());

        Run evaluated = run(tmp.resolve("dev"), false);
        assertEquals(1, evaluated.evaluations());
        assertEquals(1, evaluated.best().size());
        assertEquals(2, evaluated.best().get(0).devScores());
        assertTrue(Double.isFinite(evaluated.best().get(0).average()));
        // the dev evaluation at the end changes no step
        assertArrayEquals(evaluated.result().losses(), skipped.result().losses());
        assertEquals(evaluated.result().taskCounts(), skipped.result().taskCounts());
    }

    @Test
    void aConfigurationKeepsTheChoiceThroughNewSeedsAndBudgets() {
        TrainConfig c = TrainConfig.builder(TrainDefaults.FINE_TUNING).optSkipDev(true).build();
        assertTrue(c.skipDev());
        assertTrue(c.withSeed(14).skipDev());
        assertTrue(c.withSteps(50).skipDev());
    }
}
