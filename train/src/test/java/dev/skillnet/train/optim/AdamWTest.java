package dev.skillnet.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AdamW follows the decoupled-weight-decay update rule, step by step, and only for what it is given. */
class AdamWTest {

    static Parameter param(NDManager m, String name, float... values) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        p.setArray(m.create(values));
        return p;
    }

    @Test
    void twoStepsMatchTheRuleComputedByHand() {
        try (NDManager m = NDManager.newBaseManager(); AdamW adam = new AdamW(0.9, 0.999, 1e-8, 0.1, m)) {
            Parameter w = param(m, "encoder.dense.weight", 1f, -2f);
            Parameter b = param(m, "encoder.dense.bias", 0.5f);
            double[] wv = {1, -2};
            double[] bv = {0.5};
            double[][] gw = {{0.5, -1}, {0.25, 2}};
            double[][] gb = {{3}, {-1}};
            double[] mw = new double[2];
            double[] vw = new double[2];
            double[] mb = new double[1];
            double[] vb = new double[1];
            double lr = 0.01;
            for (int t = 1; t <= 2; t++) {
                try (NDManager scope = m.newSubManager()) {
                    Map<String, Parameter> params = new LinkedHashMap<>();
                    params.put("encoder.dense.weight", w);
                    params.put("encoder.dense.bias", b);
                    Map<String, NDArray> grads = new LinkedHashMap<>();
                    grads.put("encoder.dense.weight", scope.create(new float[] {(float) gw[t - 1][0], (float) gw[t - 1][1]}));
                    grads.put("encoder.dense.bias", scope.create(new float[] {(float) gb[t - 1][0]}));
                    adam.step(params, grads, lr, 0.5);
                }
                expect(wv, mw, vw, gw[t - 1], t, lr, 0.1);
                expect(bv, mb, vb, gb[t - 1], t, lr, 0.0);
                float[] gotW = w.getArray().toFloatArray();
                for (int i = 0; i < 2; i++) {
                    assertEquals(wv[i], gotW[i], 1e-6);
                }
                assertEquals(bv[0], b.getArray().toFloatArray()[0], 1e-6);
            }
            assertEquals(2, adam.steps().get("encoder.dense.weight"));
        }
    }

    /** The rule, with the gradient scaled by 0.5 (clipping); decay only where wd > 0. */
    static void expect(double[] w, double[] m, double[] v, double[] g, int t, double lr, double wd) {
        for (int i = 0; i < w.length; i++) {
            double gi = g[i] * 0.5;
            m[i] = 0.9 * m[i] + 0.1 * gi;
            v[i] = 0.999 * v[i] + 0.001 * gi * gi;
            double mhat = m[i] / (1 - Math.pow(0.9, t));
            double vhat = v[i] / (1 - Math.pow(0.999, t));
            w[i] = w[i] * (1 - lr * wd) - lr * mhat / (Math.sqrt(vhat) + 1e-8);
        }
    }

    @Test
    void biasesAndLayerNormDoNotDecay() {
        assertTrue(AdamW.decays("bert.encoder.layer.0.attention.self.query.weight"));
        assertFalse(AdamW.decays("bert.encoder.layer.0.attention.self.query.bias"));
        assertFalse(AdamW.decays("bert.embeddings.LayerNorm.weight"));
    }

    @Test
    void theParametersGradientsAreZeroedAfterTheUpdate() {
        try (NDManager m = NDManager.newBaseManager(); AdamW adam = new AdamW(0.01, m);
                NDManager scope = m.newSubManager()) {
            Parameter w = param(m, "w.weight", 1f, 2f);
            w.getArray().setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(w.getArray().mul(3f).sum());
            }
            NDArray g = w.getArray().getGradient();
            g.attach(scope);
            assertArrayEquals(new float[] {3f, 3f}, g.toFloatArray());
            adam.step(Map.of("w.weight", w), Map.of("w.weight", g), 0.1, 1.0);
            assertArrayEquals(new float[] {0f, 0f}, w.getArray().getGradient().toFloatArray());
        }
    }

    @Test
    void aLargeParameterUpdatedSliceBySliceMatchesTheWholeUpdate() {
        float[] w0 = new float[10];
        float[][] g = new float[3][10];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < w0.length; i++) {
            w0[i] = (float) r.nextGaussian();
            for (float[] gt : g) {
                gt[i] = (float) r.nextGaussian();
            }
        }
        try (NDManager m = NDManager.newBaseManager();
                AdamW whole = new AdamW(0.9, 0.999, 1e-8, 0.1, 1000, m);
                AdamW sliced = new AdamW(0.9, 0.999, 1e-8, 0.1, 4, m)) {
            Parameter a = param(m, "a.weight", w0.clone());
            Parameter b = param(m, "a.weight", w0.clone());
            a.getArray().setRequiresGradient(true);
            b.getArray().setRequiresGradient(true);
            int alive = -1;
            for (float[] gt : g) {
                for (var pair : Map.of(whole, a, sliced, b).entrySet()) {
                    Parameter p = pair.getValue();
                    try (NDManager scope = m.newSubManager()) {
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            gc.backward(scope.create(gt).mul(p.getArray()).sum());
                        }
                        NDArray grad = p.getArray().getGradient();
                        grad.attach(scope);
                        pair.getKey().step(Map.of("a.weight", p), Map.of("a.weight", grad), 0.01, 0.5);
                        NDArray after = p.getArray().getGradient();
                        after.attach(scope);
                        assertArrayEquals(new float[10], after.toFloatArray(),
                                "slices of 4 over 10 elements leave the gradient zeroed");
                    }
                }
                int now = m.getManagedArrays().size();
                if (alive >= 0) {
                    assertEquals(alive, now, "the slices' views are freed with each step");
                }
                alive = now;
            }
            assertArrayEquals(a.getArray().toFloatArray(), b.getArray().toFloatArray(), 1e-7f);
            assertArrayEquals(whole.mean().get("a.weight").toFloatArray(),
                    sliced.mean().get("a.weight").toFloatArray(), 1e-7f);
            assertArrayEquals(whole.variance().get("a.weight").toFloatArray(),
                    sliced.variance().get("a.weight").toFloatArray(), 1e-7f);
            assertFalse(java.util.Arrays.equals(w0, b.getArray().toFloatArray()), "the weights moved");
        }
    }
    /** Three steps of both paths on the same parameters and gradients; returns the weights and both moments. */
    private static float[][] threeSteps(boolean fused, boolean transposedWeight) {
        java.util.Random r = new java.util.Random(5);
        float[] w0 = new float[1000];
        float[][] g = new float[3][1000];
        for (int i = 0; i < w0.length; i++) {
            w0[i] = (float) r.nextGaussian();
            for (float[] gt : g) {
                gt[i] = (float) r.nextGaussian();
            }
        }
        try (NDManager m = NDManager.newBaseManager();
                AdamW adam = new AdamW(0.9, 0.999, 1e-8, 0.01, 64, fused, m)) {
            Parameter w = Parameter.builder().setName("a.weight").setType(Parameter.Type.WEIGHT).build();
            NDArray base = m.create(w0, new ai.djl.ndarray.types.Shape(25, 40));
            w.setArray(transposedWeight ? base.transpose() : base);
            for (float[] gt : g) {
                try (NDManager scope = m.newSubManager()) {
                    NDArray grad = scope.create(gt, new ai.djl.ndarray.types.Shape(25, 40));
                    NDArray gradient = transposedWeight ? grad.transpose() : grad;
                    adam.step(Map.of("a.weight", w), Map.of("a.weight", gradient), 1e-3, 0.7);
                    if (fused && !transposedWeight) {
                        // the kernel zeroes the parameter's own gradient, the one pass the gradient it reads
                        assertArrayEquals(new float[1000], gradient.toFloatArray(), "the gradient is zeroed");
                    }
                }
            }
            NDArray weights = transposedWeight ? w.getArray().transpose() : w.getArray();
            NDArray mean = adam.mean().get("a.weight");
            NDArray variance = adam.variance().get("a.weight");
            return new float[][] {weights.toFloatArray(),
                    (transposedWeight ? mean.transpose() : mean).toFloatArray(),
                    (transposedWeight ? variance.transpose() : variance).toFloatArray(), w0};
        }
    }

    @Test
    void theOnePassUpdateMatchesTheEngineKernel() {
        float[][] fused = threeSteps(true, false);
        float[][] kernel = threeSteps(false, false);
        assertArrayEquals(kernel[1], fused[1], 1e-7f, "first moments");
        assertArrayEquals(kernel[2], fused[2], 1e-7f, "second moments");
        assertArrayEquals(kernel[0], fused[0], 1e-6f, "weights");
        assertFalse(java.util.Arrays.equals(fused[3], fused[0]), "the weights moved");
    }

    @Test
    void aParameterWhoseMemoryCannotBeLentGoesThroughTheKernel() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray contiguous = m.arange(0f, 12f).reshape(3, 4);
            java.nio.FloatBuffer lent = LentMemory.of(contiguous);
            lent.put(5, -1f);
            assertEquals(-1f, contiguous.get(1, 1).getFloat(), "the buffer is the tensor's memory");
            assertEquals(null, LentMemory.of(contiguous.transpose()), "a transposed view is not contiguous");
            assertEquals(null, LentMemory.of(m.create(new int[] {1, 2})), "not float32");
        }
        float[][] viaView = threeSteps(true, true);
        float[][] plain = threeSteps(false, false);
        assertArrayEquals(plain[0], viaView[0], 1e-6f);
        assertArrayEquals(plain[1], viaView[1], 1e-7f);
    }
}
