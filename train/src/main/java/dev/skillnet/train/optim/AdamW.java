package dev.skillnet.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), applied only to the parameters it is
 * handed: a step for one task updates that task's parameters and leaves every other weight and
 * every other optimiser moment exactly as it was. Moments are created on first update; each
 * parameter keeps its own step count for bias correction.
 *
 * <pre>
 * g ← g · scale                     (global-norm clipping factor)
 * m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²
 * w ← w − lr · wd · w               (not for biases and LayerNorm)
 * w ← w − lr · (m / (1 − β1^t)) / (sqrt(v / (1 − β2^t)) + ε)
 * </pre>
 */
public final class AdamW implements AutoCloseable {

    /** How the update is computed. */
    public enum Pass {
        /**
         * One pass through the tensors' own memory where the engine lends it ({@link FusedAdamW}),
         * else the engine's kernel over the whole parameter: the default.
         */
        ONE_PASS,
        /** Always the engine's kernel, over cache-sized slices of large parameters (kept to measure against). */
        ENGINE_KERNEL
    }

    /** The kernel's elementwise gradient clamp, switched off: clipping is by global norm. */
    private static final float NO_CLAMP = -1f;

    /** Elements per slice of a large parameter's update: 1 MiB of fp32 per operand. */
    static final long DEFAULT_CHUNK = 1L << 18;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final long chunk;
    private final NDManager stateManager;
    private final Map<String, NDArray> mean = new LinkedHashMap<>();
    private final Map<String, NDArray> variance = new LinkedHashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();
    /** The moments' memory, lent once: the moments live as long as this optimiser (or until restored). */
    private final Map<String, FloatBuffer[]> lentMoments = new HashMap<>();
    /** Each parameter's memory, lent once per array: a parameter keeps its array from step to step. */
    private final Map<String, LentWeight> lentWeights = new HashMap<>();
    private final boolean fused;

    /**
     * @param weightDecay decoupled weight decay
     * @param parent manager under which the moments live
     */
    public AdamW(double weightDecay, NDManager parent) {
        this(0.9, 0.999, 1e-8, weightDecay, parent);
    }

    /**
     * @param weightDecay decoupled weight decay
     * @param pass how the update is computed
     * @param parent manager under which the moments live
     */
    public AdamW(double weightDecay, Pass pass, NDManager parent) {
        this(0.9, 0.999, 1e-8, weightDecay, DEFAULT_CHUNK, pass == Pass.ONE_PASS, parent);
    }

    /**
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param epsilon added to the denominator
     * @param weightDecay decoupled weight decay
     * @param parent manager under which the moments live
     */
    public AdamW(double beta1, double beta2, double epsilon, double weightDecay, NDManager parent) {
        this(beta1, beta2, epsilon, weightDecay, DEFAULT_CHUNK, parent);
    }

    /**
     * @param chunk elements per slice of a large parameter's update
     */
    AdamW(double beta1, double beta2, double epsilon, double weightDecay, long chunk, NDManager parent) {
        this(beta1, beta2, epsilon, weightDecay, chunk, true, parent);
    }

    /**
     * @param chunk elements per slice of a large parameter's update
     * @param fused whether to update in one pass through the tensors' own memory where the engine
     *     lends it ({@link FusedAdamW}); otherwise always through the engine's kernel
     */
    AdamW(double beta1, double beta2, double epsilon, double weightDecay, long chunk, boolean fused,
            NDManager parent) {
        this.fused = fused;
        this.chunk = chunk;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.stateManager = parent.newSubManager();
    }

    /**
     * Whether decay applies to a parameter: not to biases nor LayerNorm weights, as in BERT.
     *
     * @param name the parameter's name
     * @return whether it decays
     */
    public static boolean decays(String name) {
        return !name.endsWith(".bias") && !name.contains("LayerNorm");
    }

    /**
     * Updates the given parameters from their gradients and zeroes the parameters' gradients.
     *
     * <p>Where the engine lends a parameter's, gradient's and moments' memory (PyTorch, contiguous
     * float32 on the CPU: every parameter here), the update is {@link FusedAdamW}'s single pass
     * over slices of {@link #DEFAULT_CHUNK} elements, the slices of all parameters spread over the
     * cores; it computes the same rule as the kernel below in less time (inside mbert-zh6's
     * training steps 0.12 s against 0.33 s for its 59 M parameters; alone, alternated on the same
     * parameters, 1.7 to 1.9 times faster: docs/PERFORMANCE.md).
     *
     * <p>Otherwise each parameter's update is one call into the engine's Adam kernel (DJL's
     * {@code adamUpdate}), which frees its temporaries before the next parameter's. Written as
     * elementwise {@code NDArray} operations, the same update kept four full-size temporaries per
     * parameter alive until the step's scope closed (1.6 GB at BERT-base), all freshly allocated
     * and page-faulted in every step. The kernel computes {@code w − lr·√c2/c1 · m / (√v + ε√c2)},
     * which is the rule above exactly, with ε rescaled.
     *
     * @param params the parameters this step touched
     * @param grads their gradients (owned by {@code scope})
     * @param learningRate this step's learning rate
     * @param scale factor applied to every gradient first (clipping)
     */
    public void step(Map<String, Parameter> params, Map<String, NDArray> grads, double learningRate, double scale) {
        step(params, grads, name -> learningRate, scale);
    }

    /**
     * As {@link #step(Map, Map, double, double)}, with each parameter's own learning rate (as
     * PyTorch's parameter groups give).
     *
     * @param params the parameters this step touched
     * @param grads their gradients (owned by {@code scope})
     * @param learningRates this step's learning rate for a parameter, by its name
     * @param scale factor applied to every gradient first (clipping)
     */
    public void step(Map<String, Parameter> params, Map<String, NDArray> grads, ToDoubleFunction<String> learningRates,
            double scale) {
        List<Runnable> slices = new ArrayList<>();
        for (var e : params.entrySet()) {
            String name = e.getKey();
            double learningRate = learningRates.applyAsDouble(name);
            NDArray w = e.getValue().getArray();
            NDArray g = grads.get(name);
            NDArray m = mean.computeIfAbsent(name, k -> stateManager.zeros(w.getShape()));
            NDArray v = variance.computeIfAbsent(name, k -> stateManager.zeros(w.getShape()));
            int t = steps.merge(name, 1, Integer::sum);
            double c1 = 1 - Math.pow(beta1, t);
            double sqrtC2 = Math.sqrt(1 - Math.pow(beta2, t));
            float decay = weightDecay > 0 && decays(name) ? (float) weightDecay : 0f;
            Rates rates = new Rates((float) learningRate, (float) (learningRate * sqrtC2 / c1), decay, (float) scale,
                    (float) (epsilon * sqrtC2));
            FloatBuffer[] lent = fused ? lend(name, w, g, m, v) : null;
            if (lent != null) {
                float decayFactor = 1f - rates.lr() * rates.decay();
                int n = lent[0].capacity();
                for (int start = 0; start < n; start += (int) chunk) {
                    int from = start;
                    int to = (int) Math.min(n, start + chunk);
                    slices.add(() -> FusedAdamW.update(lent[0], lent[1], lent[2], lent[3], from, to, (float) beta1,
                            (float) beta2, decayFactor, rates.correctedLr(), rates.scale(), rates.epsilon()));
                }
            } else if (w.size() <= chunk || fused) {
                // memory the engine does not lend may be a strided view, which flat slices would copy
                kernel(w, g, m, v, rates);
            } else {
                chunked(w, g, m, v, rates);
            }
        }
        slices.parallelStream().forEach(Runnable::run);
    }

    /**
     * @return the memory of a parameter, its gradient and its moments, or null when the engine
     *     cannot lend all four (then the engine's kernel updates it)
     */
    private FloatBuffer[] lend(String name, NDArray w, NDArray g, NDArray m, NDArray v) {
        FloatBuffer[] moments = lentMoments.computeIfAbsent(name, k -> new FloatBuffer[] {LentMemory.of(m),
                LentMemory.of(v)});
        if (moments[0] == null || moments[1] == null) {
            return null;
        }
        LentWeight lentWeight = lentWeights.get(name);
        if (lentWeight == null || lentWeight.array() != w) { // a new array (first step, or set anew): lend again
            lentWeight = new LentWeight(w, LentMemory.of(w));
            lentWeights.put(name, lentWeight);
        }
        FloatBuffer wb = lentWeight.buffer();
        FloatBuffer gb = wb == null ? null : LentMemory.of(g);
        if (gb == null || gb.capacity() != wb.capacity() || moments[0].capacity() != wb.capacity()) {
            return null;
        }
        return new FloatBuffer[] {wb.duplicate(), gb, moments[0].duplicate(), moments[1].duplicate()};
    }

    /**
     * A parameter's array and its lent memory (null when the engine would not lend it).
     *
     * @param array the array lent
     * @param buffer its memory
     */
    private record LentWeight(NDArray array, FloatBuffer buffer) {}

    /**
     * Updates a large parameter one cache-sized slice at a time. The kernel makes about fifteen
     * elementwise passes; over a whole BERT-base weight matrix each pass goes to main memory,
     * over a slice of {@link #DEFAULT_CHUNK} elements they stay in cache.
     */
    private void chunked(NDArray w, NDArray g, NDArray m, NDArray v, Rates rates) {
        try (NDManager views = stateManager.newSubManager()) {
            NDArray detached = w.stopGradient(); // made under the parameter's manager: moved to close with the views
            detached.attach(views);
            NDArray wf = flat(detached, views);
            NDArray gf = flat(g, views);
            NDArray mf = flat(m, views);
            NDArray vf = flat(v, views);
            long n = wf.size();
            for (long start = 0; start < n; start += chunk) {
                NDIndex slice = new NDIndex("{}:{}", start, Math.min(n, start + chunk));
                try (NDArray wc = wf.get(slice); NDArray gc = gf.get(slice); NDArray mc = mf.get(slice);
                        NDArray vc = vf.get(slice)) {
                    kernel(wc, gc, mc, vc, rates);
                    zero(gc);
                }
            }
        }
    }

    /**
     * @return a one-dimensional view of {@code x}; parameters, moments and (by PyTorch's gradient
     *     layout contract) gradients are contiguous, so this never copies
     */
    private static NDArray flat(NDArray x, NDManager views) {
        NDArray flat = x.reshape(-1);
        flat.attach(views);
        return flat;
    }

    /**
     * The numbers one step hands the kernel.
     *
     * @param lr the learning rate (for the decoupled decay)
     * @param correctedLr lr × √c2 / c1, the bias corrections folded in
     * @param decay weight decay (0 for biases and LayerNorm)
     * @param scale the clipping factor applied to the gradient
     * @param epsilon ε × √c2
     */
    private record Rates(float lr, float correctedLr, float decay, float scale, float epsilon) {}

    /** One call into DJL's {@code adamUpdate}, which also zeroes {@code w}'s gradient (if it has one). */
    private void kernel(NDArray w, NDArray g, NDArray m, NDArray v, Rates r) {
        w.getNDArrayInternal().adamUpdate(new NDList(w, g, m, v), new NDList(w), r.lr(), r.correctedLr(), r.decay(),
                r.scale(), NO_CLAMP, (float) beta1, (float) beta2, r.epsilon(), false, true);
    }

    /**
     * Sets a gradient to zero in place. Unlike {@code g.subi(g)}, this also clears an infinite
     * entry (inf − inf is NaN, which would poison every later step).
     *
     * @param g the gradient
     */
    public static void zero(NDArray g) {
        g.set(new NDIndex("..."), 0f);
    }

    /**
     * Puts back one parameter's moments and step count, as saved from {@link #mean()},
     * {@link #variance()} and {@link #steps()}.
     *
     * @param name the parameter's name
     * @param m its first moment (copied)
     * @param v its second moment (copied)
     * @param shape the parameter's shape
     * @param t its step count
     */
    public void restore(String name, float[] m, float[] v, Shape shape, int t) {
        lentMoments.remove(name);
        close(mean.put(name, owned(m, shape)));
        close(variance.put(name, owned(v, shape)));
        steps.put(name, t);
    }

    private NDArray owned(float[] values, Shape shape) {
        try (NDArray borrowed = stateManager.create(values, shape)) {
            return borrowed.duplicate();
        }
    }

    private static void close(NDArray replaced) {
        if (replaced != null) {
            replaced.close();
        }
    }

    /** @return the first moments by parameter name (only parameters updated at least once) */
    public Map<String, NDArray> mean() {
        return mean;
    }

    /** @return the second moments by parameter name */
    public Map<String, NDArray> variance() {
        return variance;
    }

    /** @return each updated parameter's step count */
    public Map<String, Integer> steps() {
        return steps;
    }

    @Override
    public void close() {
        lentMoments.clear();
        lentWeights.clear();
        stateManager.close();
    }
}
