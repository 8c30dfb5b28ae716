package dev.skillnet.train;

/**
 * What one task's training steps cost in a run: the figures a user needs to set task shares by
 * the time they take ({@code --task-weight}), since a batch of long inputs (reading
 * comprehension's windows of 512) costs many times a batch of short ones.
 *
 * @param batches the task's batches this process trained on
 * @param inputs the inputs in them (windows, for reading comprehension)
 * @param tokens the real tokens in those inputs, padding not counted
 * @param seconds wall time of those optimiser steps: forward, backward and update
 */
public record TaskTime(long batches, long inputs, long tokens, double seconds) {

    /** Nothing trained yet. */
    public static final TaskTime NONE = new TaskTime(0, 0, 0, 0);

    /** @return seconds per batch, 0 before the first */
    public double secondsPerBatch() {
        return batches == 0 ? 0 : seconds / batches;
    }

    /** @return milliseconds per real token, 0 before the first */
    public double millisPerToken() {
        return tokens == 0 ? 0 : 1000 * seconds / tokens;
    }

    /**
     * @param other more of the same task's steps
     * @return both together
     */
    public TaskTime plus(TaskTime other) {
        return new TaskTime(batches + other.batches, inputs + other.inputs, tokens + other.tokens,
                seconds + other.seconds);
    }
}
