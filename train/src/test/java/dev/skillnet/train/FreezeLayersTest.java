package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --freeze-layers N: the embeddings and the lowest N layers keep their starting weights; the rest train. */
class FreezeLayersTest {

    private static TrainConfig config(int frozen) {
        return new TrainConfig(6, 8, 1e-2, 0.0, 0.0, 1.0, 0, 6, 64, 3, SamplingConfig.proportional(), null, 0, frozen, null, false, false);
    }

    @Test
    void frozenWeightsStayAndTheOthersMove(@TempDir Path tmp) {
        List<Task<?, ?>> tasks = BundledTasks.open("chnsenticorp", "msra_ner");
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, 2, tmp)) {
            SkillNetModel model = ModelFactory.fromScratch(SkillTable.defaults(), List.of(), tasks,
                    ModelSize.parse("tiny"), tokenizer.vocabSize(), 3, manager);
            assertEquals(2, model.bert().config().numHiddenLayers());
            Map<String, float[]> before = weights(model);
            new JointTrainer(model, tasks, tokenizer, config(1), manager).train((s, d, a) -> { }, (s, o) -> { }, null);
            Map<String, float[]> after = weights(model);
            int frozen = 0;
            int moved = 0;
            for (String name : before.keySet()) {
                boolean same = Arrays.equals(before.get(name), after.get(name));
                if (name.startsWith("bert.embeddings.") || name.startsWith("bert.encoder.layer.0.")) {
                    assertTrue(same, name + " is frozen but changed");
                    frozen++;
                } else if (name.startsWith("bert.encoder.layer.1.attention.")) {
                    assertFalse(same, name + " trains but did not change");
                    moved++;
                }
            }
            assertTrue(frozen > 10 && moved >= 8, frozen + " frozen, " + moved + " moved");
        }
    }

    @Test
    void freezingMoreLayersThanTheEncoderHasIsRefused(@TempDir Path tmp) {
        List<Task<?, ?>> tasks = BundledTasks.open("chnsenticorp");
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, 2, tmp)) {
            SkillNetModel model = ModelFactory.fromScratch(SkillTable.defaults(), List.of(), tasks,
                    ModelSize.parse("tiny"), tokenizer.vocabSize(), 3, manager);
            UserInputException e = assertThrows(UserInputException.class, () -> new JointTrainer(model, tasks,
                    tokenizer, config(3), manager).train((s, d, a) -> { }, (s, o) -> { }, null));
            assertEquals("frozen layers 3 exceeds the encoder's 2 layers", e.getMessage());
        }
        assertThrows(UserInputException.class, () -> config(-1));
    }

    private static Map<String, float[]> weights(SkillNetModel model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> out.put(name, p.getArray().toFloatArray()));
        return out;
    }
}
