package dev.skillnet.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.inference.RandomModel;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.inference.evaluate.ModelLogits;
import dev.skillnet.inference.evaluate.TaskEvaluator;
import dev.skillnet.inference.evaluate.TaskLogits;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.model.heads.HeadSpec;
import dev.skillnet.model.heads.Pooling;
import dev.skillnet.model.nn.ParameterInit;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.kinds.Feature;
import dev.skillnet.tasks.run.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exported task graph, run by ONNX Runtime, computes what the model's own forward path (DJL
 * and PyTorch, a separate implementation) computes: in fp32 to rounding, for every head kind and
 * pooling, skill layers and plain ones, padded batches of several lengths; with int8 weights
 * close to it.
 */
class TaskGraphTest {

    private static final Path SAMPLES = Path.of("..", "data", "samples");

    @TempDir
    static Path dir;

    static NDManager manager;
    static TrainedModel trained;
    static List<Task<?, ?>> tasks;

    @BeforeAll
    static void load() throws Exception {
        manager = NDManager.newBaseManager();
        trained = TrainedModel.load(RandomModel.save(dir.resolve("model"), 7), manager);
        tasks = trained.tasks(SAMPLES, List.of());
    }

    @AfterAll
    static void close() {
        trained.close();
        manager.close();
    }

    /** Up to 12 test inputs of a task, from the shortest to the longest, as one padded batch. */
    private static List<Encoded> batch(Task<?, ?> task) {
        List<Feature> features = task.features("test", trained.tokenizer()).features();
        List<Encoded> batch = new ArrayList<>();
        for (int i = 0; i < features.size() && batch.size() < 12; i += Math.max(1, features.size() / 12)) {
            batch.add(features.get(i).encoded());
        }
        return batch;
    }

    /** @return the largest |a - b| over all rows, which must have the same lengths */
    private static double maxDifference(List<float[]> a, List<float[]> b) {
        assertEquals(a.size(), b.size());
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).length, b.get(i).length, "row " + i);
            for (int j = 0; j < a.get(i).length; j++) {
                max = Math.max(max, Math.abs(a.get(i)[j] - b.get(i)[j]));
            }
        }
        return max;
    }

    /** @return the mean |a - b| over all values of rows of equal lengths */
    private static double meanDifference(List<float[]> a, List<float[]> b) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.get(i).length; j++) {
                sum += Math.abs(a.get(i)[j] - b.get(i)[j]);
                n++;
            }
        }
        return sum / n;
    }

    private static double meanAbs(List<float[]> rows) {
        double sum = 0;
        long n = 0;
        for (float[] r : rows) {
            for (float v : r) {
                sum += Math.abs(v);
                n++;
            }
        }
        return sum / n;
    }

    private static double maxAbs(List<float[]> rows) {
        double max = 0;
        for (float[] r : rows) {
            for (float v : r) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    @Test
    void fp32GraphsMatchTheModelForEveryTask() {
        TaskLogits djl = new ModelLogits(trained.model(), trained.tokenizer().padId(), manager);
        try (OrtTaskLogits ort = new OrtTaskLogits(trained.model(), trained.tokenizer().padId(), Precision.FP32, 2)) {
            for (Task<?, ?> t : tasks) {
                List<Encoded> batch = batch(t);
                List<float[]> expected = djl.logits(t.declaration(), batch);
                List<float[]> actual = ort.logits(t.declaration(), batch);
                double diff = maxDifference(expected, actual);
                assertTrue(diff < 1e-4 * Math.max(1, maxAbs(expected)), t.name() + ": max difference " + diff
                        + " (logits up to " + maxAbs(expected) + ")");
            }
        }
    }

    @Test
    void fp32EvaluationScoresAsTheModelDoes() {
        try (OrtTaskLogits ort = new OrtTaskLogits(trained.model(), trained.tokenizer().padId(), Precision.FP32, 2)) {
            for (Task<?, ?> t : tasks) {
                var expected = TaskEvaluator.evaluate(t, "test", 40, trained.model(), trained.tokenizer(), manager, 8);
                var actual = TaskEvaluator.evaluate(t, "test", 40, ort, trained.tokenizer(), 8);
                // labels, tags and spans decide the score; probabilities differ in the 7th digit
                assertEquals(expected.score(), actual.score(), t.name());
            }
        }
    }

    @Test
    void int8GraphsStayCloseToTheModel() {
        TaskLogits djl = new ModelLogits(trained.model(), trained.tokenizer().padId(), manager);
        try (OrtTaskLogits ort = new OrtTaskLogits(trained.model(), trained.tokenizer().padId(), Precision.INT8, 2)) {
            for (Task<?, ?> t : tasks) {
                List<Encoded> batch = batch(t);
                List<float[]> expected = djl.logits(t.declaration(), batch);
                List<float[]> actual = ort.logits(t.declaration(), batch);
                double diff = meanDifference(expected, actual);
                // 7-bit weights and uint8 inputs round each matrix multiply's inputs by up to half a
                // step (1/126 and 1/510 of the largest magnitude); over this random model's 2 layers
                // at width 32 the logits move by 0.5-5.3% of their mean size (AMD EPYC, AVX2)
                System.out.printf("%s int8: mean |difference| %.4f, mean |logit| %.4f%n", t.name(), diff,
                        meanAbs(expected));
                assertTrue(diff < 0.08 * meanAbs(expected), t.name() + ": mean difference " + diff
                        + " against a mean logit size of " + meanAbs(expected));
                assertTrue(diff > 0, t.name() + ": int8 cannot be exact");
            }
        }
    }

    @Test
    void poolerHeadsAndPlainLayersMatchTheModel() {
        Task<?, ?> tnews = tasks.stream().filter(t -> t.name().equals("tnews")).findFirst().orElseThrow();
        BertConfig config = trained.model().bert().config();
        List<String> skills = trained.model().bert().layout().skills();
        // skills in layer 1 only: layer 0 is a plain BERT layer
        SkillNetModel model = new SkillNetModel(new BertModel(config, new SkillLayout(skills, List.of(1))),
                List.of(new HeadSpec("tnews", HeadKind.SEQUENCE, tnews.labels().size(), Pooling.CLS)));
        try (NDManager m = NDManager.newBaseManager();
                OrtTaskLogits ort = new OrtTaskLogits(model, trained.tokenizer().padId(), Precision.FP32, 1)) {
            ParameterInit.initialize(model, m, 0.5, 11);
            List<Encoded> batch = batch(tnews);
            List<float[]> expected = new ModelLogits(model, trained.tokenizer().padId(), m)
                    .logits(tnews.declaration(), batch);
            double diff = maxDifference(expected, ort.logits(tnews.declaration(), batch));
            assertTrue(diff < 1e-4 * Math.max(1, maxAbs(expected)), "max difference " + diff);
        }
    }

    @Test
    void siameseHeadsMatchTheModel() {
        textsApartMatchTheModel(Pooling.SIAMESE, null);
    }

    @Test
    void cosineHeadsMatchTheModelBeforeAndAfterTheirStandardisationIsSet() {
        textsApartMatchTheModel(Pooling.COSINE, null);
        textsApartMatchTheModel(Pooling.COSINE, new float[] {0.6f, 0.2f});
    }

    /**
     * @param pooling siamese or cosine
     * @param standardize a cosine head's mean and std, or null to leave them as initialised (unset)
     */
    private void textsApartMatchTheModel(Pooling pooling, float[] standardize) {
        Task<?, ?> afqmc = tasks.stream().filter(t -> t.name().equals("afqmc")).findFirst().orElseThrow();
        BertConfig config = trained.model().bert().config();
        List<String> skills = trained.model().bert().layout().skills();
        SkillNetModel model = new SkillNetModel(new BertModel(config, new SkillLayout(skills, List.of(0, 1))),
                List.of(new HeadSpec("afqmc", HeadKind.SEQUENCE, 2, pooling)));
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterInit.initialize(model, m, 0.5, 11);
            if (standardize != null) {
                model.namedParameters().get("heads.afqmc.standardize.mean").getArray()
                        .set(new NDIndex("..."), m.create(new float[] {standardize[0]}));
                model.namedParameters().get("heads.afqmc.standardize.std").getArray()
                        .set(new NDIndex("..."), m.create(new float[] {standardize[1]}));
            }
            List<Encoded> batch = batch(afqmc);
            List<float[]> expected = new ModelLogits(model, trained.tokenizer().padId(), m)
                    .logits(afqmc.declaration(), batch);
            assertEquals(batch.size(), expected.size(), "one row of logits per pair");
            for (Precision precision : List.of(Precision.FP32, Precision.INT8)) {
                try (OrtTaskLogits ort = new OrtTaskLogits(model, trained.tokenizer().padId(), precision, 1)) {
                    List<float[]> actual = ort.logits(afqmc.declaration(), batch);
                    if (precision == Precision.FP32) {
                        double diff = maxDifference(expected, actual);
                        assertTrue(diff < 1e-4 * Math.max(1, maxAbs(expected)), "max difference " + diff);
                    } else {
                        assertTrue(meanDifference(expected, actual) < 0.08 * meanAbs(expected), "int8");
                    }
                }
            }
        }
    }

    @Test
    void refusesWhatItCannotExport() {
        TaskDeclaration tnews = trained.declared().find("tnews").orElseThrow();
        IllegalArgumentException noHead = assertThrows(IllegalArgumentException.class,
                () -> TaskGraph.export(trained.model(), "weibo", new int[] {0}, Precision.FP32));
        assertTrue(noHead.getMessage().contains("no head for task 'weibo'"), noHead.getMessage());
        IllegalArgumentException noSkill = assertThrows(IllegalArgumentException.class,
                () -> TaskGraph.export(trained.model(), "tnews", new int[0], Precision.FP32));
        assertTrue(noSkill.getMessage().contains("holds skills but the task activates none"), noSkill.getMessage());
        BertConfig config = trained.model().bert().config();
        SkillNetModel moe = new SkillNetModel(new BertModel(config, SkillLayout.mixture(4, 2, 2)),
                List.of(new HeadSpec("tnews", HeadKind.SEQUENCE, 15, Pooling.MEAN)));
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterInit.initialize(moe, m, 0.5, 11);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TaskGraph.export(moe, tnews.name(), new int[0], Precision.FP32));
            assertTrue(e.getMessage().contains("mixture of experts"), e.getMessage());
        }
    }
}
