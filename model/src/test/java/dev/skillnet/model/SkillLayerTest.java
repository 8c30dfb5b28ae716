package dev.skillnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.EncoderOutput;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.nn.ParameterInit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Skill layers compute only the active skills and average them; inactive skills get no gradient. */
class SkillLayerTest {

    static NDManager manager;
    static final long[][] IDS = {{2, 5, 9, 13, 3}, {2, 7, 3, 0, 0}};
    static final long[][] TYPES = {{0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}};
    static final long[][] MASK = {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}};

    @BeforeAll
    static void engine() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /** Two layers, skills a and b in the last layer only, with b's weights unlike a's. */
    static BertModel twoSkillModel() {
        BertConfig config = BertConfig.of(20, 16, 2, 2, 32, 16);
        BertModel model = new BertModel(config, new SkillLayout(List.of("a", "b"), List.of(1)));
        ParameterInit.initialize(model, manager, 0.2, 3);
        return model;
    }

    @Test
    void skillNamesMirrorHuggingFaceLayout() {
        Map<String, Parameter> p = twoSkillModel().namedParameters();
        assertTrue(p.containsKey("encoder.layer.0.intermediate.dense.weight"));
        assertTrue(p.containsKey("encoder.layer.0.output.LayerNorm.bias"));
        assertTrue(p.containsKey("encoder.layer.1.skills.a.intermediate.dense.weight"));
        assertTrue(p.containsKey("encoder.layer.1.skills.b.output.LayerNorm.weight"));
        assertTrue(p.containsKey("encoder.layer.1.attention.self.query.bias"));
        assertTrue(!p.containsKey("encoder.layer.1.intermediate.dense.weight"));
    }

    @Test
    void twoActiveSkillsGiveTheMeanOfEachAlone() {
        BertModel model = twoSkillModel();
        float[][] a = EncoderRunner.run(model, manager, IDS, TYPES, MASK, Set.of("a")).hidden();
        float[][] b = EncoderRunner.run(model, manager, IDS, TYPES, MASK, Set.of("b")).hidden();
        float[][] ab = EncoderRunner.run(model, manager, IDS, TYPES, MASK, Set.of("a", "b")).hidden();
        double largestGap = 0;
        for (int i = 0; i < ab.length; i++) {
            for (int j = 0; j < ab[i].length; j++) {
                assertEquals((a[i][j] + b[i][j]) / 2, ab[i][j], 1e-5);
                largestGap = Math.max(largestGap, Math.abs(a[i][j] - b[i][j]));
            }
        }
        assertTrue(largestGap > 0.1, "skills a and b should differ, gap " + largestGap);
    }

    @Test
    void anInactiveSkillReceivesNoGradientAndActiveOnesDo() {
        BertModel model = twoSkillModel();
        Map<String, Parameter> params = model.namedParameters();
        try (NDManager step = manager.newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            EncoderOutput out = model.forward(step.create(IDS), step.create(TYPES), step.create(MASK),
                    Set.of("a"), true);
            gc.backward(out.lastHiddenState().square().sum().add(out.poolerOutput().sum()));
            for (var e : params.entrySet()) {
                NDArray grad = e.getValue().getArray().getGradient();
                double norm = grad.abs().sum().getFloat();
                grad.close();
                if (e.getKey().contains(".skills.b.")) {
                    assertEquals(0.0, norm, "inactive " + e.getKey());
                } else if (!e.getKey().startsWith("embeddings.token_type")) {
                    assertTrue(norm > 0, "active " + e.getKey() + " got no gradient");
                }
            }
        }
    }

    @Test
    void unknownSkillIsRejectedWithTheModelsSkills() {
        BertModel model = twoSkillModel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EncoderRunner.run(model, manager, IDS, TYPES, MASK, Set.of("a", "c")));
        assertEquals("unknown skill(s) [c]; the model has [a, b]", e.getMessage());
    }

    @Test
    void sameSeedGivesSameInitialWeightsAndAddingASkillLeavesOthersUnchanged() {
        BertConfig config = BertConfig.of(20, 16, 1, 2, 32, 16);
        BertModel one = new BertModel(config, new SkillLayout(List.of("a"), List.of(0)));
        BertModel two = new BertModel(config, new SkillLayout(List.of("a", "b"), List.of(0)));
        ParameterInit.initialize(one, manager, 0.02, 9);
        ParameterInit.initialize(two, manager, 0.02, 9);
        String name = "encoder.layer.0.skills.a.intermediate.dense.weight";
        assertArrayEquals(one.namedParameters().get(name).getArray().toFloatArray(),
                two.namedParameters().get(name).getArray().toFloatArray());
    }
}
