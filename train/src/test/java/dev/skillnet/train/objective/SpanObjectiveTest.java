package dev.skillnet.train.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.tasks.kinds.Feature;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The span loss: mean of start and end cross entropy over the real (unpadded) tokens. */
class SpanObjectiveTest {

    private static final float LN2 = (float) Math.log(2);

    private final Objective objective = new SpanObjective();
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void averagesStartAndEndCrossEntropyIgnoringPadding() {
        // Example 0: 2 real tokens + 1 padding whose big logits must not count.
        //   start logits [0, ln2 | 100] -> p(start=1) = 2/3; end logits [0, 0 | 50] -> p(end=1) = 1/2.
        // Example 1: 3 real tokens, start [0, 0, 0] target 0 -> 1/3; end [ln2, 0, 0] target 0 -> 1/2.
        NDArray logits = manager.create(new float[] {
            0, 0, LN2, 0, 100, 50,
            0, LN2, 0, 0, 0, 0}, new Shape(2, 3, 2));
        NDArray targets = manager.create(new long[] {1, 1, 0, 0}, new Shape(2, 2));
        NDArray mask = manager.create(new long[] {1, 1, 0, 1, 1, 1}, new Shape(2, 3));
        double expected = (Math.log(1.5) + Math.log(2) + Math.log(3) + Math.log(2)) / 4;
        assertEquals(expected, objective.loss(logits, targets, mask).getFloat(), 1e-5);
    }

    @Test
    void targetsAreStartAndEndPerFeature() {
        Feature a = Features.of(3, new int[] {2, 5}, 0);
        Feature b = Features.of(3, new int[] {0, 0}, 1);
        NDArray t = objective.targets(List.of(a, b), 9, manager);
        assertEquals(new Shape(2, 2), t.getShape());
        assertArrayEquals(new long[] {2, 5, 0, 0}, t.toLongArray());
    }
}
