package dev.skillnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.skillnet.model.nn.Scalars;
import org.junit.jupiter.api.Test;

/** Scalars for recorded arithmetic: 0-d, the operand's type, and still right in the backward pass. */
class ScalarsTest {

    @Test
    void aZeroDimensionalScalarOfTheOperandsType() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray s = Scalars.of(m.ones(new ai.djl.ndarray.types.Shape(2)), 2.5f);
            assertEquals(0, s.getShape().dimension());
            assertEquals(DataType.FLOAT32, s.getDataType());
            assertEquals(2.5f, s.getFloat());
        }
    }

    @Test
    void theBackwardPassSeesTheScalarAfterGarbageCollection() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1f, 2f, 3f});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = x.div(Scalars.of(x, 4f)).sum();
                // churn: whatever Java memory the forward touched may be collected and reused here
                for (int i = 0; i < 20; i++) {
                    byte[][] junk = new byte[64][];
                    for (int j = 0; j < junk.length; j++) {
                        junk[j] = new byte[1 << 16];
                    }
                    System.gc();
                }
                gc.backward(y);
            }
            assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, x.getGradient().toFloatArray());
        }
    }
}
