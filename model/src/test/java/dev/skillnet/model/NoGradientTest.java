package dev.skillnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.EncoderOutput;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.nn.NoGradient;
import dev.skillnet.model.nn.ParameterInit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Evaluation records no autograd graph: DJL records one only inside a gradient collector, and
 * {@link NoGradient} (which evaluation enters) turns recording off even there, computing the same
 * values.
 */
class NoGradientTest {

    @Test
    void noGraphIsRecordedInsideTheScopeEvenInACollectorAndTheModeIsRestoredAfter() {
        BertConfig config = BertConfig.of(30, 16, 2, 2, 32, 16);
        BertModel model = new BertModel(config, SkillLayout.everyLayer(List.of("a", "b"), 2));
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterInit.initialize(model, manager, config.initializerRange(), 5);
            long[][] ids = {{2, 5, 7, 3, 0}, {2, 9, 3, 0, 0}};
            long[][] mask = {{1, 1, 1, 1, 0}, {1, 1, 1, 0, 0}};
            try (NDManager step = manager.newSubManager()) {
                NDArray types = step.zeros(new ai.djl.ndarray.types.Shape(2, 5), ai.djl.ndarray.types.DataType.INT64);
                assertFalse(JniUtils.isGradMode(), "outside a gradient collector DJL records no graph (how evaluation runs)");
                float[] expected = model.forward(step.create(ids), types, step.create(mask), Set.of("a"), false)
                        .lastHiddenState().toFloatArray();
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    assertTrue(JniUtils.isGradMode(), "a collector turns recording on");
                    EncoderOutput recorded = model.forward(step.create(ids), types, step.create(mask), Set.of("a"), false);
                    assertEquals("NativeLayerNormBackward0", JniUtils.getGradientFunctionNames(
                            (PtNDArray) recorded.lastHiddenState()), "inside a collector the graph is recorded");
                    try (NoGradient scope = NoGradient.enter()) {
                        assertFalse(JniUtils.isGradMode(), "inside the scope nothing is recorded, even in a collector");
                        EncoderOutput free = model.forward(step.create(ids), types, step.create(mask), Set.of("a"), false);
                        assertArrayEquals(expected, free.lastHiddenState().toFloatArray(), "same values either way");
                        try (NoGradient nested = NoGradient.enter()) {
                            assertFalse(JniUtils.isGradMode());
                        }
                        assertFalse(JniUtils.isGradMode(), "a nested scope restores the mode it found");
                    }
                    assertTrue(JniUtils.isGradMode(), "closing the scope records gradients again");
                }
                assertFalse(JniUtils.isGradMode());
            }
        }
    }
}
