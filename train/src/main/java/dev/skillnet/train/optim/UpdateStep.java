package dev.skillnet.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The update after a backward pass, shared by joint training and pre-training: collect the
 * gradients of exactly the parameters that ran, clip them by their global norm, and let AdamW
 * update those parameters only. A non-finite norm skips the update (weights and moments untouched,
 * gradients cleared), as PyTorch's GradScaler does.
 */
public final class UpdateStep {

    private UpdateStep() {}

    /**
     * @param params the parameters that ran this step
     * @param optimizer the optimiser
     * @param learningRate this step's learning rate
     * @param clipNorm the global norm to clip to (0: no clipping)
     * @param scope the step's manager, which takes the gradients' handles
     * @return null when the update was applied, else why it was skipped
     */
    public static String apply(Map<String, Parameter> params, AdamW optimizer, double learningRate, double clipNorm,
            NDManager scope) {
        return apply(params, optimizer, name -> learningRate, clipNorm, scope);
    }

    /**
     * As {@link #apply(Map, AdamW, double, double, NDManager)}, with each parameter's own learning rate.
     *
     * @param params the parameters that ran this step
     * @param optimizer the optimiser
     * @param learningRates this step's learning rate for a parameter, by its name
     * @param clipNorm the global norm to clip to (0: no clipping)
     * @param scope the step's manager, which takes the gradients' handles
     * @return null when the update was applied, else why it was skipped
     */
    public static String apply(Map<String, Parameter> params, AdamW optimizer, ToDoubleFunction<String> learningRates,
            double clipNorm, NDManager scope) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        for (var e : params.entrySet()) {
            NDArray g = e.getValue().getArray().getGradient();
            g.attach(scope);
            grads.put(e.getKey(), g);
        }
        double norm = GradientNorm.of(grads.values(), scope);
        if (!Double.isFinite(norm)) {
            String culprits = GradientNorm.nonFinite(grads, 5);
            grads.values().forEach(AdamW::zero);
            return "gradient norm " + norm + "; first parameters at fault: " + culprits;
        }
        double scale = clipNorm > 0 && norm > clipNorm ? clipNorm / (norm + 1e-6) : 1.0;
        optimizer.step(params, grads, learningRates, scale);
        return null;
    }
}
