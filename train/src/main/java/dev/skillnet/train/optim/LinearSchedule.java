package dev.skillnet.train.optim;

/** The learning-rate schedule of joint training and pre-training: linear warm-up, then linear decay. */
public final class LinearSchedule {

    private LinearSchedule() {}

    /**
     * Linear warm-up to a peak, then linear decay to zero at the last step.
     *
     * @param peak the peak learning rate
     * @param steps steps in the run
     * @param warmup warm-up steps
     * @param step the step, from 1
     * @return the learning rate at that step
     */
    public static double at(double peak, int steps, int warmup, int step) {
        if (step <= warmup) {
            return peak * step / Math.max(1, warmup);
        }
        return peak * Math.max(0.0, (double) (steps - step + 1) / Math.max(1, steps - warmup));
    }
}
