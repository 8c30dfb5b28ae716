package dev.skillnet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.UnaryOperator;

/**
 * Runs a sub-layer in an NDManager scope of its own, so that its intermediate arrays are freed as
 * soon as its output exists; only the output leaves the scope. For inference only: in training,
 * autograd needs the intermediates for the backward pass.
 */
public final class OwnScope {

    private OwnScope() {}

    /**
     * @param x the sub-layer's input; stays with its own manager
     * @param body the sub-layer, applied to {@code x}
     * @return its output, owned by {@code x}'s manager
     */
    public static NDArray run(NDArray x, UnaryOperator<NDArray> body) {
        NDManager owner = x.getManager();
        try (NDManager scope = owner.newSubManager()) {
            x.tempAttach(scope);
            NDArray y = body.apply(x);
            y.attach(owner);
            return y;
        }
    }
}
