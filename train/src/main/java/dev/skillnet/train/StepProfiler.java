package dev.skillnet.train;

/**
 * Watches chosen training steps closely: the trainer tells it where each phase of a chosen step
 * begins, so an implementation can time the phases or run them under an engine's profiler. One
 * job: observe; it changes nothing the step computes.
 */
public interface StepProfiler {

    /** The parts of an optimiser step, in order. */
    enum Phase {
        /** Padding the batch, the forward pass and the loss (read back, which waits for it). */
        FORWARD,
        /** The backward pass. */
        BACKWARD,
        /** Gathering the gradients, clipping them by their global norm and AdamW's update. */
        UPDATE
    }

    /** Watches no step. */
    StepProfiler NONE = step -> false;

    /**
     * @param step a training step (1-based)
     * @return whether this step is watched; only then are the other methods called for it
     */
    boolean profiles(int step);

    /**
     * A phase of a watched step begins (and the one before it, if any, ends).
     *
     * @param step the step
     * @param phase the phase that begins
     */
    default void begin(int step, Phase phase) {}

    /**
     * A watched step ended (its last phase with it).
     *
     * @param step the step
     * @param task the task whose batch it trained on
     * @param inputs the batch's inputs
     * @param paddedTokens inputs times the padded length
     * @param realTokens the inputs' real tokens
     */
    default void end(int step, String task, int inputs, int paddedTokens, int realTokens) {}
}
