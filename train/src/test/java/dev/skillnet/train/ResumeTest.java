package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.optim.AdamW;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped after a saved state and continued from it ends with bit-identical weights to the
 * run that never stopped: weights, AdamW moments and step counts, sampler, batch streams and
 * dropout all pick up exactly where they were.
 */
class ResumeTest {

    private static final TrainConfig CONFIG = new TrainConfig(60, 16, 2e-3, 0.1, 0.01, 1.0, 20, 20, 64, 7,
            SamplingConfig.proportional());

    @Test
    void resumedRunEndsWithTheSameWeightsAsAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        Path saved = tmp.resolve("last");
        Map<String, float[]> uninterrupted;
        List<LearningCurve.Point> curve = new ArrayList<>();
        List<LearningCurve.Point> resumedCurve = new ArrayList<>();
        List<Task<?, ?>> tasks = BundledTasks.open("chnsenticorp", "tnews");
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, 2, tmp.resolve("tokenizer"))) {
            SkillNetModel model = ModelFactory.fromScratch(SkillTable.defaults(), List.of(), tasks,
                    ModelSize.parse("tiny"), tokenizer.vocabSize(), 7, manager);
            new JointTrainer(model, tasks, tokenizer, CONFIG, manager).optEvaluationSink(curve::add)
                    .train((step, dev, avg) -> { },
                    (state, optimizer) -> {
                        if (state.step() == 20) {
                            TrainedModel.save(saved, tasks, SkillTable.defaults(), model, tokenizer, new JsonObject(),
                                    dir -> RunState.write(dir, optimizer, state));
                        }
                    }, null);
            uninterrupted = weights(model);
        }
        try (NDManager manager = NDManager.newBaseManager(); TrainedModel trained = TrainedModel.load(saved, manager)) {
            TrainState state = RunState.readState(saved);
            assertEquals(20, state.step());
            Map<String, Shape> shapes = trained.model().namedShapes();
            JointTrainer.Result result = new JointTrainer(trained.model(),
                    trained.tasks(BundledTasks.SAMPLES, List.of()), trained.tokenizer(), CONFIG, manager)
                    .optEvaluationSink(resumedCurve::add)
                    .train((step, dev, avg) -> { }, (s, o) -> { }, new JointTrainer.Resume(state,
                            optimizer -> RunState.restoreOptimizer(saved, optimizer, shapes, state.adamSteps())));
            assertEquals(21, result.firstStep());
            assertEquals(40, result.losses().length);
            Map<String, float[]> resumed = weights(trained.model());
            assertEquals(uninterrupted.keySet(), resumed.keySet());
            for (String name : uninterrupted.keySet()) {
                assertArrayEquals(uninterrupted.get(name), resumed.get(name), 0f, name);
            }
        }
        // the learning curve: one point per evaluation, and the resumed run's points are the uninterrupted run's
        assertEquals(List.of(20, 40, 60), curve.stream().map(LearningCurve.Point::step).toList());
        long seenAt20 = curve.get(0).inputsSeen().values().stream().mapToLong(Long::longValue).sum();
        assertTrue(seenAt20 > 19 * 16 && seenAt20 <= 20 * 16, "20 batches of at most 16 inputs, at most one short: "
                + seenAt20);
        assertEquals(2, resumedCurve.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(curve.get(i + 1).inputsSeen(), resumedCurve.get(i).inputsSeen());
            assertEquals(curve.get(i + 1).dev(), resumedCurve.get(i).dev());
        }
    }

    @Test
    void stateSurvivesJsonWithEveryBitOfTheSamplerState() {
        TrainState state = new TrainState(120, 55.5, 100, 0xF00DFACE12345678L, new long[] {70, 50},
                List.of("a", "b"), new int[] {1, 0}, new int[] {3, 49}, Map.of("x.weight", 120, "y.bias", 50));
        TrainState back = TrainState.fromJson(state.toJson());
        assertEquals(120, back.step());
        assertEquals(100, back.bestStep());
        assertEquals(state.samplerState(), back.samplerState());
        assertEquals(state.tasks(), back.tasks());
        assertArrayEquals(state.samplerCounts(), back.samplerCounts());
        assertArrayEquals(state.streamEpochs(), back.streamEpochs());
        assertArrayEquals(state.streamPositions(), back.streamPositions());
        assertEquals(state.adamSteps(), back.adamSteps());
        assertEquals(55.5, back.bestDevAverage());
        TrainState before = TrainState.fromJson(new TrainState(0, Double.NEGATIVE_INFINITY, 0, 1, new long[0],
                List.of(), new int[0], new int[0], Map.of()).toJson());
        assertTrue(Double.isInfinite(before.bestDevAverage()));
    }

    @Test
    void everyStepOfEverySeedGetsItsOwnNonNegativeDropoutSeed() {
        // A resumed run must draw the same dropout masks as the uninterrupted one (the first test),
        // so the seed is a function of (seed, step) only; distinct steps and seeds must not share
        // masks, and PyTorch takes only non-negative seeds.
        for (long seed = -3; seed <= 20; seed++) {
            java.util.Set<Integer> steps = new java.util.HashSet<>();
            for (int step = 1; step <= 3000; step++) {
                int s = JointTrainer.dropoutSeed(seed, step);
                assertTrue(s >= 0, "seed " + seed + ", step " + step + ": " + s);
                steps.add(s);
            }
            assertEquals(3000, steps.size(), "two steps of seed " + seed + " share a dropout seed");
        }
        for (int step = 1; step <= 3000; step += 299) {
            java.util.Set<Integer> seeds = new java.util.HashSet<>();
            for (long seed = -3; seed <= 20; seed++) {
                seeds.add(JointTrainer.dropoutSeed(seed, step));
            }
            assertEquals(24, seeds.size(), "two seeds share step " + step + "'s dropout seed");
        }
    }

    private static Map<String, float[]> weights(SkillNetModel model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> out.put(name, p.getArray().toFloatArray()));
        return out;
    }
}
