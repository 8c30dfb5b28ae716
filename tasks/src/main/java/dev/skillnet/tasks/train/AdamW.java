package dev.skillnet.tasks.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

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

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final NDManager stateManager;
    private final Map<String, NDArray> mean = new LinkedHashMap<>();
    private final Map<String, NDArray> variance = new LinkedHashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();

    /**
     * @param weightDecay decoupled weight decay
     * @param parent manager under which the moments live
     */
    public AdamW(double weightDecay, NDManager parent) {
        this(0.9, 0.999, 1e-8, weightDecay, parent);
    }

    /**
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param epsilon added to the denominator
     * @param weightDecay decoupled weight decay
     * @param parent manager under which the moments live
     */
    public AdamW(double beta1, double beta2, double epsilon, double weightDecay, NDManager parent) {
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
     * Updates the given parameters from their gradients and zeroes those gradients.
     *
     * @param params the parameters this step touched
     * @param grads their gradients (owned by {@code scope})
     * @param learningRate this step's learning rate
     * @param scale factor applied to every gradient first (clipping)
     * @param scope a step-scoped manager for temporaries
     */
    public void step(Map<String, Parameter> params, Map<String, NDArray> grads, double learningRate, double scale,
            NDManager scope) {
        for (var e : params.entrySet()) {
            String name = e.getKey();
            NDArray w = e.getValue().getArray();
            NDArray g = grads.get(name);
            if (scale != 1.0) {
                g.muli((float) scale);
            }
            NDArray m = mean.computeIfAbsent(name, k -> stateManager.zeros(w.getShape()));
            NDArray v = variance.computeIfAbsent(name, k -> stateManager.zeros(w.getShape()));
            int t = steps.merge(name, 1, Integer::sum);
            m.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
            v.muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
            double c1 = 1 - Math.pow(beta1, t);
            double c2 = 1 - Math.pow(beta2, t);
            NDArray denom = scoped(v.sqrt(), scope).divi((float) Math.sqrt(c2)).addi((float) epsilon);
            NDArray update = scoped(m.div(denom), scope).muli((float) (learningRate / c1));
            if (weightDecay > 0 && decays(name)) {
                w.muli((float) (1 - learningRate * weightDecay));
            }
            w.subi(update);
            zero(g);
        }
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

    private static NDArray scoped(NDArray temporary, NDManager scope) {
        temporary.attach(scope);
        return temporary;
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
