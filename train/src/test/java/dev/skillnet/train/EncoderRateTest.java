package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's {@code "encoder_rate"} scales how far its steps move everything outside its head. The
 * oracle is Adam's first step, which moves each weight by the learning rate times g / (|g| + eps)
 * (no decay, no clipping here): at a quarter of the rate, the same batch moves every encoder weight
 * a quarter as far, and the head's weights as far as before.
 */
class EncoderRateTest {

    private static final double RATE = 0.25;

    @Test
    void theEncoderMovesAtTheTasksRateAndTheHeadAtTheRunsRate(@TempDir Path tmp) {
        Task<?, ?> full = BundledTasks.open("chnsenticorp").get(0);
        TaskDeclaration d = full.declaration();
        assertEquals(1.0, d.encoderRate(), "the bundled declaration keeps the default");
        Task<?, ?> gentle = Task.open(new TaskDeclaration(d.name(), d.type(), d.description(), d.skills(), d.labels(),
                d.metric(), d.maxLength(), d.docStride(), d.maxAnswerLength(), d.pooling(), RATE, d.data(), d.file()),
                BundledTasks.SAMPLES);
        Map<String, float[]> atFullRate = deltas(tmp.resolve("a"), full);
        Map<String, float[]> atQuarterRate = deltas(tmp.resolve("b"), gentle);
        int encoder = 0;
        int head = 0;
        for (String name : atFullRate.keySet()) {
            float[] a = atFullRate.get(name);
            float[] b = atQuarterRate.get(name);
            double expected = name.startsWith(SkillNetModel.HEADS_PREFIX) ? 1.0 : RATE;
            int moved = 0;
            for (int i = 0; i < a.length; i++) {
                if (Math.abs(a[i]) > 1e-4) { // moved by about the learning rate (1e-2)
                    assertEquals(expected * a[i], b[i], 2e-6, name + "[" + i + "]");
                    moved++;
                }
            }
            if (moved > 0) {
                if (expected == 1.0) {
                    head++;
                } else {
                    encoder++;
                }
            }
        }
        assertTrue(encoder > 20 && head == 2, encoder + " encoder and " + head + " head parameters moved");
    }

    /** @return each parameter's change over one step of lr 1e-2, no warm-up, decay or clipping (seed 3) */
    private static Map<String, float[]> deltas(Path tmp, Task<?, ?> task) {
        List<Task<?, ?>> tasks = List.of(task);
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, 2, tmp)) {
            SkillNetModel model = ModelFactory.fromScratch(SkillTable.defaults(), List.of(), tasks,
                    ModelSize.parse("tiny"), tokenizer.vocabSize(), 3, manager);
            Map<String, float[]> before = new LinkedHashMap<>();
            model.namedParameters().forEach((name, p) -> before.put(name, p.getArray().toFloatArray()));
            TrainConfig config = new TrainConfig(1, 8, 1e-2, 0.0, 0.0, 0.0, 0, 1, 64, 3, SamplingConfig.proportional(),
                    0.0, 0, 0, null, false, false);
            new JointTrainer(model, tasks, tokenizer, config, manager).train((s, d, a) -> { }, (s, o) -> { }, null);
            Map<String, float[]> out = new LinkedHashMap<>();
            model.namedParameters().forEach((name, p) -> {
                float[] now = p.getArray().toFloatArray();
                float[] was = before.get(name);
                for (int i = 0; i < now.length; i++) {
                    now[i] -= was[i];
                }
                out.put(name, now);
            });
            return out;
        }
    }
}
