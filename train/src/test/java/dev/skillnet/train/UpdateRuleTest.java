package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.inference.evaluate.ActiveSkills;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.optim.AdamW;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training step updates only the shared parameters, the active skills and the current task's
 * head; every other weight and every other optimiser moment stays bit-identical.
 */
class UpdateRuleTest {

    static Map<String, float[]> snapshot(Map<String, ?> arrays) {
        Map<String, float[]> out = new HashMap<>();
        arrays.forEach((k, v) -> out.put(k, (v instanceof Parameter p ? p.getArray() : (NDArray) v).toFloatArray()));
        return out;
    }

    static SkillNetModel tinyModel(List<Task<?, ?>> tasks, BertTokenizer tokenizer, NDManager manager) {
        return ModelFactory.fromScratch(SkillTable.defaults(), List.of(), tasks, ModelSize.parse("tiny"),
                tokenizer.vocabSize(), 5, manager);
    }

    @Test
    void aStepTouchesExactlyWhatRanAndLeavesTheRestBitIdentical(@TempDir Path tmp) {
        List<Task<?, ?>> tasks = BundledTasks.open("chnsenticorp", "tnews");
        Task<?, ?> sentiment = tasks.get(0);
        Task<?, ?> news = tasks.get(1);
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, 2, tmp);
                AdamW adam = new AdamW(0.01, manager)) {
            SkillNetModel model = tinyModel(tasks, tokenizer, manager);
            TrainConfig config = new TrainConfig(10, 8, 1e-3, 0.0, 0.01, 1.0, 0, 1, 8, 5, SamplingConfig.proportional());
            JointTrainer trainer = new JointTrainer(model, tasks, tokenizer, config, manager);
            Map<String, Parameter> all = model.namedParameters();

            int[] sentimentSkills = ActiveSkills.of(model, sentiment.declaration());
            Map<String, Parameter> ran = model.parametersFor(sentiment.name(), sentimentSkills);
            assertTrue(ran.containsKey("bert.encoder.layer.1.skills.sentiment.output.dense.weight"));
            assertTrue(ran.containsKey("heads.chnsenticorp.classifier.weight"));
            assertFalse(ran.containsKey("bert.encoder.layer.1.skills.token.output.dense.weight"));
            assertFalse(ran.containsKey("heads.tnews.classifier.weight"));

            Map<String, float[]> before = snapshot(all);
            trainer.step(sentiment, sentiment.features("train", tokenizer).features().subList(0, 8), sentimentSkills,
                    ran, adam, 1);
            Map<String, float[]> afterFirst = snapshot(all);
            for (String name : all.keySet()) {
                boolean changed = !Arrays.equals(before.get(name), afterFirst.get(name));
                assertEquals(ran.containsKey(name), changed, name + (changed ? " changed" : " did not change"));
            }
            assertEquals(ran.keySet(), adam.mean().keySet(), "moments exist only for what ran");

            Map<String, float[]> meanBefore = snapshot(adam.mean());
            Map<String, float[]> varianceBefore = snapshot(adam.variance());
            int[] newsSkills = ActiveSkills.of(model, news.declaration());
            Map<String, Parameter> newsRan = model.parametersFor(news.name(), newsSkills);
            trainer.step(news, news.features("train", tokenizer).features().subList(0, 8), newsSkills, newsRan, adam, 2);
            Map<String, float[]> afterSecond = snapshot(all);
            Set<String> untouched = new java.util.HashSet<>(ran.keySet());
            untouched.removeAll(newsRan.keySet());
            assertTrue(untouched.contains("bert.encoder.layer.0.skills.sentiment.intermediate.dense.weight"));
            assertTrue(untouched.contains("heads.chnsenticorp.classifier.bias"));
            for (String name : untouched) {
                assertArrayEquals(afterFirst.get(name), afterSecond.get(name), name);
                assertArrayEquals(meanBefore.get(name), adam.mean().get(name).toFloatArray(), "m of " + name);
                assertArrayEquals(varianceBefore.get(name), adam.variance().get(name).toFloatArray(), "v of " + name);
                assertEquals(1, adam.steps().get(name));
            }
            assertEquals(2, adam.steps().get("bert.encoder.layer.0.skills.sequence.intermediate.dense.weight"));
            assertEquals(2, adam.steps().get("bert.embeddings.word_embeddings.weight"));
        }
    }

    /**
     * With a head learning rate, a first step moves the head's biases by that rate and the encoder's
     * by the encoder's: Adam's first update of a weight is its learning rate times the sign of its
     * gradient (biases do not decay).
     */
    @Test
    void theHeadsStepAtTheirOwnLearningRate(@TempDir Path tmp) {
        List<Task<?, ?>> tasks = BundledTasks.open("chnsenticorp");
        Task<?, ?> sentiment = tasks.get(0);
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, 2, tmp);
                AdamW adam = new AdamW(0.01, manager)) {
            SkillNetModel model = tinyModel(tasks, tokenizer, manager);
            TrainConfig config = TrainConfig.builder(TrainDefaults.FINE_TUNING).optSteps(10).optBatchSize(8)
                    .optWarmupFraction(0.0).optLearningRate(1e-4).optHeadLearningRate(3e-3).optDropout(0.0).build();
            JointTrainer trainer = new JointTrainer(model, tasks, tokenizer, config, manager);
            int[] skills = ActiveSkills.of(model, sentiment.declaration());
            Map<String, Parameter> ran = model.parametersFor(sentiment.name(), skills);
            Map<String, float[]> before = snapshot(ran);
            trainer.step(sentiment, sentiment.features("train", tokenizer).features().subList(0, 8), skills, ran, adam, 1);
            Map<String, float[]> after = snapshot(ran);
            assertMovedBy(3e-3, before, after, "heads.chnsenticorp.classifier.bias");
            assertMovedBy(1e-4, before, after, "bert.encoder.layer.0.attention.output.dense.bias");
            assertMovedBy(1e-4, before, after, "bert.embeddings.LayerNorm.bias");
        }
    }

    private static void assertMovedBy(double lr, Map<String, float[]> before, Map<String, float[]> after, String name) {
        float[] b = before.get(name);
        float[] a = after.get(name);
        double largest = 0;
        for (int i = 0; i < b.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        assertEquals(lr, largest, lr * 1e-2, name);
    }
}
