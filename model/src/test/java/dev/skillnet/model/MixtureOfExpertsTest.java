package dev.skillnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.EncoderOutput;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.nn.ParameterInit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mixture of experts: HuggingFace-style names, top-k routing that reduces to known cases (a
 * uniform gate with k = N is the plain average, as skills are; a gate sure of one expert with
 * k = 1 is that expert alone; with k = 2, the gate-weighted sum of the two experts alone), no
 * gradient for an expert that no token chose, and the Switch load-balancing loss (1 when
 * perfectly balanced).
 */
class MixtureOfExpertsTest {

    static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    static BertModel model(int experts, int topK) {
        BertConfig config = BertConfig.of(20, 16, 2, 2, 32, 16);
        BertModel m = new BertModel(config, new SkillLayout(List.of(), List.of(1), experts, topK));
        ParameterInit.initialize(m, manager, 0.2, 3);
        return m;
    }

    static EncoderOutput run(BertModel m) {
        NDArray ids = manager.create(new long[][] {{2, 5, 9, 13, 3}, {2, 7, 3, 0, 0}});
        NDArray types = manager.zeros(new Shape(2, 5), ai.djl.ndarray.types.DataType.INT64);
        NDArray mask = manager.create(new long[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}});
        return m.forward(ids, types, mask, new int[0], false);
    }

    static void setGate(BertModel m, float[] biases) {
        Map<String, Parameter> p = m.namedParameters();
        NDArray w = p.get("encoder.layer.1.moe.gate.weight").getArray();
        w.set(new NDIndex("..."), 0f);
        p.get("encoder.layer.1.moe.gate.bias").getArray().set(new NDIndex("..."), manager.create(biases));
    }

    @Test
    void namesAndLayoutChecks() {
        Map<String, Parameter> p = model(3, 2).namedParameters();
        assertTrue(p.containsKey("encoder.layer.1.moe.gate.weight"));
        assertTrue(p.containsKey("encoder.layer.1.moe.experts.2.intermediate.dense.weight"));
        assertTrue(p.containsKey("encoder.layer.1.moe.experts.0.output.LayerNorm.bias"));
        assertTrue(p.containsKey("encoder.layer.0.intermediate.dense.weight"), "layer 0 stays plain");
        assertThrows(IllegalArgumentException.class, () -> new SkillLayout(List.of(), List.of(0), 3, 4));
        assertThrows(IllegalArgumentException.class, () -> new SkillLayout(List.of("a"), List.of(0), 3, 2));
    }

    @Test
    void uniformGateWithEveryExpertIsTheirAverageAndPerfectlyBalanced() {
        BertModel all = model(3, 3);
        setGate(all, new float[] {0, 0, 0});
        EncoderOutput out = run(all);
        assertNotNull(out.auxLoss());
        assertEquals(1.0, out.auxLoss().getFloat(), 1e-5, "N * sum(1/N * 1/N) = 1");
        // The same weights as skills a, b, c averaged: the layer output is their mean.
        BertConfig config = BertConfig.of(20, 16, 2, 2, 32, 16);
        BertModel skills = new BertModel(config, new SkillLayout(List.of("a", "b", "c"), List.of(1)));
        ParameterInit.initialize(skills, manager, 0.2, 3);
        Map<String, Parameter> from = all.namedParameters();
        skills.namedParameters().forEach((name, p) -> {
            String source = name.replace("skills.a.", "moe.experts.0.").replace("skills.b.", "moe.experts.1.")
                    .replace("skills.c.", "moe.experts.2.");
            ParameterInit.attach(p, from.get(source).getArray().duplicate());
        });
        float[] expected = skills.forward(manager.create(new long[][] {{2, 5, 9, 13, 3}, {2, 7, 3, 0, 0}}),
                manager.zeros(new Shape(2, 5), ai.djl.ndarray.types.DataType.INT64),
                manager.create(new long[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}}), new int[] {0, 1, 2}, false)
                .lastHiddenState().toFloatArray();
        float[] actual = out.lastHiddenState().toFloatArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5);
        }
    }

    @Test
    void aGateSureOfOneExpertWithTopOneIsThatExpertAloneAndMaximallyUnbalanced() {
        BertModel one = model(3, 1);
        setGate(one, new float[] {30, 0, 0});
        EncoderOutput out = run(one);
        assertEquals(3.0, out.auxLoss().getFloat(), 1e-3, "N * (1 * ~1) when every token goes to expert 0");
        BertModel onlyFirst = model(3, 1);
        setGate(onlyFirst, new float[] {30, 0, 0});
        onlyFirst.namedParameters().get("encoder.layer.1.moe.experts.1.output.dense.bias").getArray()
                .set(new NDIndex("..."), 5f);
        float[] a = out.lastHiddenState().toFloatArray();
        float[] b = run(onlyFirst).lastHiddenState().toFloatArray();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-6, "an unchosen expert does not touch the output");
        }
    }

    @Test
    void withTopTwoEachTokenIsTheGateWeightedSumOfItsTwoExperts() {
        // Gate biases 30, 29, 0 (weights zero): every token picks experts 0 and 1, weighted by
        // softmax(30, 29) = 0.731, 0.269 after renormalising over the two.
        BertModel two = model(3, 2);
        setGate(two, new float[] {30, 29, 0});
        BertModel onlyFirst = model(3, 1);
        setGate(onlyFirst, new float[] {60, 0, 0});
        BertModel onlySecond = model(3, 1);
        setGate(onlySecond, new float[] {0, 60, 0});
        double w0 = 1 / (1 + Math.exp(-1.0));
        float[] mixed = run(two).lastHiddenState().toFloatArray();
        float[] a = run(onlyFirst).lastHiddenState().toFloatArray();
        float[] b = run(onlySecond).lastHiddenState().toFloatArray();
        for (int i = 0; i < mixed.length; i++) {
            assertEquals(w0 * a[i] + (1 - w0) * b[i], mixed[i], 1e-5);
        }
    }

    @Test
    void anExpertNoTokenChoseGetsNoGradient() {
        BertModel m = model(3, 2);
        setGate(m, new float[] {30, 29, 0});
        Map<String, Parameter> p = m.namedParameters();
        try (NDManager step = manager.newSubManager();
                ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray ids = step.create(new long[][] {{2, 5, 9, 13, 3}});
            EncoderOutput out = m.forward(ids, step.zeros(new Shape(1, 5), ai.djl.ndarray.types.DataType.INT64),
                    step.ones(new Shape(1, 5), ai.djl.ndarray.types.DataType.INT64), new int[0], true);
            gc.backward(out.lastHiddenState().mul(out.lastHiddenState()).sum());
        }
        for (int e = 0; e < 3; e++) {
            NDArray g = p.get("encoder.layer.1.moe.experts." + e + ".intermediate.dense.weight").getArray().getGradient();
            float size = g.abs().sum().getFloat();
            if (e < 2) {
                assertTrue(size > 0, "expert " + e + " was chosen and learns");
            } else {
                assertEquals(0f, size, "expert 2 was chosen by no token");
            }
        }
    }

    @Test
    void withTopOneTheGateStillLearnsFromTheTask() {
        BertModel m = model(3, 1);
        NDArray gate = m.namedParameters().get("encoder.layer.1.moe.gate.weight").getArray();
        try (NDManager step = manager.newSubManager();
                ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray ids = step.create(new long[][] {{2, 5, 9, 13, 3}});
            EncoderOutput out = m.forward(ids, step.zeros(new Shape(1, 5), ai.djl.ndarray.types.DataType.INT64),
                    step.ones(new Shape(1, 5), ai.djl.ndarray.types.DataType.INT64), new int[0], true);
            gc.backward(out.lastHiddenState().mul(out.lastHiddenState()).sum()); // the task's loss only
        }
        NDArray g = gate.getGradient();
        assertTrue(g.abs().sum().getFloat() > 0, "the gate gets a gradient from the output");
        g.set(new NDIndex("..."), 0f);
    }

    @Test
    void paddingDoesNotCountInTheBalancingLoss() {
        BertModel m = model(3, 2);
        NDArray short1 = manager.create(new long[][] {{2, 5, 9, 3}});
        NDArray padded = manager.create(new long[][] {{2, 5, 9, 3, 0, 0, 0}});
        float a = m.forward(short1, manager.zeros(new Shape(1, 4), ai.djl.ndarray.types.DataType.INT64),
                manager.ones(new Shape(1, 4), ai.djl.ndarray.types.DataType.INT64), new int[0], false)
                .auxLoss().getFloat();
        float b = m.forward(padded, manager.zeros(new Shape(1, 7), ai.djl.ndarray.types.DataType.INT64),
                manager.create(new long[][] {{1, 1, 1, 1, 0, 0, 0}}), new int[0], false).auxLoss().getFloat();
        assertEquals(a, b, 1e-5, "the same real tokens give the same balancing loss, padded or not");
    }
}
