package dev.skillnet.model.nn;

import ai.djl.pytorch.jni.JniUtils;

/**
 * A scope in which PyTorch records no autograd graph on this thread (its {@code torch.no_grad()}):
 * operations on parameters that require gradients then keep no inputs alive for a backward pass.
 * Closing the scope restores the mode it found.
 */
public final class NoGradient implements AutoCloseable {

    private final boolean previous;

    private NoGradient() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    /** @return the scope; close it (try-with-resources) to record gradients again */
    public static NoGradient enter() {
        return new NoGradient();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
