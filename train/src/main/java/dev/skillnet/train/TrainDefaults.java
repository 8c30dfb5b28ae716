package dev.skillnet.train;

import dev.skillnet.train.sampling.SamplingConfig;

/**
 * The optimisation settings a run gets when it is not told otherwise: one set for an encoder
 * trained from scratch, one for fine-tuning a pretrained encoder ({@code --init}). The measurements
 * that chose them are in docs/RESULTS.md ("Defaults for fine-tuning").
 *
 * @param steps optimiser steps
 * @param batchSize examples per batch
 * @param learningRate peak learning rate
 * @param warmupFraction fraction of steps of linear warm-up
 * @param weightDecay AdamW's decoupled weight decay
 * @param clipNorm maximum global gradient norm
 * @param evalEvery steps between dev evaluations
 * @param dropout the encoder's dropout while training, or null for the encoder's own
 * @param sampling the task sampling
 * @param headLearningRateRatio the task heads' peak learning rate as a multiple of the encoder's,
 *     when no head learning rate is given
 * @param labelPrior whether new heads' output biases start at their training labels' log frequencies
 */
public record TrainDefaults(int steps, int batchSize, double learningRate, double warmupFraction, double weightDecay,
        double clipNorm, int evalEvery, Double dropout, SamplingConfig sampling, double headLearningRateRatio,
        boolean labelPrior) {

    /**
     * From scratch: a small encoder needs a high learning rate and many steps; heads and encoder
     * alike start random, so they share it, and the heads' biases start at 0.
     */
    public static final TrainDefaults FROM_SCRATCH = new TrainDefaults(3000, 32, 5e-4, 0.1, 0.01, 1.0, 500, null,
            SamplingConfig.proportional(), 1.0, false);

    /**
     * Fine-tuning a pretrained encoder: a lower peak learning rate, smaller batches (more updates for
     * the examples seen), tasks drawn with temperature 2 so that the small tasks get enough steps, and
     * the heads, which start random, at ten times the encoder's learning rate, their biases at their
     * training labels' log frequencies.
     */
    public static final TrainDefaults FINE_TUNING = new TrainDefaults(3000, 16, 2e-4, 0.1, 0.01, 1.0, 500, null,
            SamplingConfig.temperature(2), 10.0, true);

    /** Steps between progress lines, whatever the start. */
    public static final int LOG_EVERY = 50;

    /** Inputs per forward pass when evaluating, whatever the start. */
    public static final int EVAL_BATCH_SIZE = 64;

    /** The seed, whatever the start. */
    public static final long SEED = 13;

    /**
     * @param pretrained whether the run starts from a pretrained encoder
     * @return the defaults for that start
     */
    public static TrainDefaults forStart(boolean pretrained) {
        return pretrained ? FINE_TUNING : FROM_SCRATCH;
    }
}
