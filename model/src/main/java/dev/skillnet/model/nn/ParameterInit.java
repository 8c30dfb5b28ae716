package dev.skillnet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Gives every parameter of a block tree its first array, as HuggingFace's {@code _init_weights}
 * does: linear and embedding weights ~ N(0, range²), biases 0, LayerNorm weight 1 and bias 0.
 *
 * <p>Values are drawn in Java from a generator seeded by the model seed and the parameter's
 * name, so a parameter's initial value does not depend on which other parameters exist (adding a
 * skill leaves the others unchanged) nor on the engine's random state.
 */
public final class ParameterInit {

    private ParameterInit() {}

    /**
     * Attaches freshly initialised arrays to every parameter below {@code root}.
     *
     * @param root the block tree
     * @param manager owns the arrays (the model's long-lived manager)
     * @param range the standard deviation of weights ({@code initializer_range})
     * @param seed the model seed
     */
    public static void initialize(HfBlock root, NDManager manager, double range, long seed) {
        Map<String, Parameter> params = root.namedParameters();
        root.visit((prefix, block) -> {
            for (var e : block.declaredShapes().entrySet()) {
                String name = prefix + e.getKey();
                Shape shape = e.getValue();
                float[] values = new float[Math.toIntExact(shape.size())];
                boolean isNorm = block instanceof LayerNorm;
                if (e.getKey().equals("weight") && isNorm) {
                    java.util.Arrays.fill(values, 1f);
                } else if (e.getKey().equals("weight")) {
                    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + hash(name));
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) (random.nextGaussian() * range);
                    }
                }
                attach(params.get(name), manager.create(values, shape));
            }
        });
    }

    /**
     * Replaces (or sets) a parameter's array and marks it trainable unless it is a statistic
     * ({@link HfBlock#statistic}, which no gradient reaches). The values are copied into
     * memory that PyTorch allocates and owns: an array made from a Java buffer is only borrowed
     * ({@code from_blob}), lives as long as the buffer, and sits at whatever alignment the JVM
     * gave it, which changes the summation order inside vectorised kernels from run to run.
     *
     * @param parameter the parameter
     * @param array its new value; closed here
     */
    public static void attach(Parameter parameter, NDArray array) {
        if (parameter.isInitialized()) {
            NDArray target = parameter.getArray();
            target.set(new NDIndex("..."), array);
            array.close();
        } else {
            NDArray owned = array.duplicate();
            array.close();
            owned.setRequiresGradient(parameter.requiresGradient());
            parameter.setArray(owned);
        }
    }

    private static long hash(String name) {
        long h = 1125899906842597L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return h;
    }
}
