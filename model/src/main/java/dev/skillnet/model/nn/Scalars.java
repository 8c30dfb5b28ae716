package dev.skillnet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars for arithmetic that autograd records.
 *
 * <p>DJL's {@code mul(Number)} and {@code div(Number)} wrap the number in a 0-d tensor over a
 * Java direct buffer, run the op, and close the wrapper at once. Autograd keeps that tensor to
 * compute the backward pass ({@code MulBackward} and {@code DivBackward} save the other operand),
 * but nothing keeps the Java buffer alive: if the garbage collector frees it between forward and
 * backward and the memory is reused, backward reads garbage. That was the rare non-finite
 * gradient (norms of 1e27 or NaN with a finite loss, at random steps) and the occasional
 * divergence between identical runs in separate processes. A scalar made here lives in memory
 * PyTorch owns, which autograd's reference keeps alive.
 */
public final class Scalars {

    private Scalars() {}

    /**
     * @param like an array whose manager, data type and device the scalar takes
     * @param value the number
     * @return a 0-d array holding {@code value} in PyTorch-owned memory
     */
    public static NDArray of(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }
}
