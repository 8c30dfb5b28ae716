package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.heads.Pooling;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cosine-pooled head (afqmc's declaration with {@code "pooling": "cosine"}) gets its
 * standardisation from the first training batch and keeps it: the steps after, weight decay
 * included, leave it as it was while its classifier learns.
 */
class CosineHeadTrainingTest {

    private static final String MEAN = "heads.afqmc.standardize.mean";
    private static final String STD = "heads.afqmc.standardize.std";
    private static final String WEIGHT = "heads.afqmc.classifier.weight";

    @Test
    void theFirstBatchSetsTheStandardisationAndTheOptimiserNeverMovesIt(@TempDir Path tmp) {
        Map<String, float[]> one = headAfter(tmp.resolve("one"), 1);
        Map<String, float[]> four = headAfter(tmp.resolve("four"), 4);
        assertEquals(1, one.get(STD).length);
        assertTrue(one.get(STD)[0] > 0, "set by the first batch");
        assertArrayEquals(one.get(MEAN), four.get(MEAN), "three more steps keep the mean");
        assertArrayEquals(one.get(STD), four.get(STD), "and the spread");
        assertFalse(Arrays.equals(one.get(WEIGHT), four.get(WEIGHT)), "the classifier learns");
    }

    /** @return afqmc's head after this many steps of lr 1e-2 with weight decay 0.1 (seed 5) */
    private static Map<String, float[]> headAfter(Path tmp, int steps) {
        Task<?, ?> bundled = BundledTasks.open("afqmc").get(0);
        TaskDeclaration d = bundled.declaration();
        Task<?, ?> afqmc = Task.open(new TaskDeclaration(d.name(), d.type(), d.description(), d.skills(), d.labels(),
                d.metric(), d.maxLength(), d.docStride(), d.maxAnswerLength(), Pooling.COSINE, d.encoderRate(),
                d.data(), d.file()), BundledTasks.SAMPLES);
        List<Task<?, ?>> tasks = List.of(afqmc);
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, 2, tmp)) {
            SkillNetModel model = ModelFactory.fromScratch(SkillTable.defaults(), List.of(), tasks,
                    ModelSize.parse("tiny"), tokenizer.vocabSize(), 5, manager);
            assertEquals(0f, model.namedParameters().get(STD).getArray().toFloatArray()[0], "unset before training");
            TrainConfig config = new TrainConfig(steps, 8, 1e-2, 0.0, 0.1, 1.0, 0, 1, 64, 5, SamplingConfig.proportional(),
                    0.0, 0, 0, null, true, false);
            new JointTrainer(model, tasks, tokenizer, config, manager).train((s, dev, a) -> { }, (s, o) -> { }, null);
            Map<String, float[]> head = new LinkedHashMap<>();
            for (String name : List.of(MEAN, STD, WEIGHT)) {
                head.put(name, model.namedParameters().get(name).getArray().toFloatArray());
            }
            return head;
        }
    }
}
