package dev.skillnet.train;

import dev.skillnet.core.UserInputException;

/** The loss or the gradient became NaN or infinite; the run stops and keeps its last good checkpoint. */
public final class TrainingDivergedException extends UserInputException {

    private static final long serialVersionUID = 1L;

    /**
     * @param step the step at which it happened
     * @param task the task of that step's batch
     * @param what what was not finite
     */
    public TrainingDivergedException(int step, String task, String what) {
        super("training diverged at step " + step + " (task " + task + "): " + what
                + " is not finite; the last good checkpoint is kept. Try a lower learning rate or a stronger clip norm");
    }
}
