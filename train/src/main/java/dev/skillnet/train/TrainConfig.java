package dev.skillnet.train;

import dev.skillnet.core.UserInputException;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.train.optim.LinearSchedule;
import dev.skillnet.train.sampling.SamplingConfig;
import dev.skillnet.train.sampling.TaskOrder;
import java.util.Map;

/**
 * How to train: steps, batch, optimiser, schedule, sampling, evaluation and logging.
 *
 * @param steps optimiser steps in all (one task's batch each)
 * @param batchSize examples per batch
 * @param learningRate peak learning rate
 * @param warmupFraction fraction of steps of linear warm-up from 0
 * @param weightDecay AdamW's decoupled weight decay (not applied to biases and LayerNorm)
 * @param clipNorm maximum global gradient norm (0 disables clipping)
 * @param evalEvery evaluate on dev every this many steps (and at the end); 0 only at the end
 * @param logEvery log progress every this many steps
 * @param evalBatchSize inputs per forward pass when evaluating
 * @param seed seeds sampling, batching, dropout and initialisation
 * @param sampling how the task of each batch is drawn
 * @param dropout the encoder's dropout probability (hidden and attention) while training, or null
 *     for the encoder's own ({@code hidden_dropout_prob} of a pretrained checkpoint, 0.1 from scratch)
 * @param devLimit evaluate on dev with at most this many examples per task (its first ones); 0 for
 *     the whole split. The test evaluation always uses the whole split.
 * @param frozenLayers how many of the encoder's lowest layers, with the embeddings, stay as they
 *     start (0: none; the embeddings alone cannot be frozen). Their weights get no gradient, so
 *     the backward pass stops at the first trained layer.
 * @param headLearningRate the task heads' ({@code heads.<task>.*}) peak learning rate, on the same
 *     schedule as the encoder's, or null for {@code learningRate}. A head starts from random weights
 *     and a joint run updates it only on its own task's batches, while the encoder starts trained.
 * @param skipDev evaluate nothing on dev: the last step's model is kept (as {@code best}) and
 *     {@code evalEvery} and {@code devLimit} go unused. For a run of fixed steps, where one dev
 *     evaluation at the end would choose nothing and cost its seconds (the demo).
 * @param labelPrior start each new classification and tagging head's output bias at the log of its
 *     training labels' frequencies ({@link LabelPrior}) instead of 0
 */
public record TrainConfig(int steps, int batchSize, double learningRate, double warmupFraction, double weightDecay,
        double clipNorm, int evalEvery, int logEvery, int evalBatchSize, long seed, SamplingConfig sampling,
        Double dropout, int devLimit, int frozenLayers, Double headLearningRate, boolean skipDev,
        boolean labelPrior) {

    /** Rejects values that cannot work. */
    public TrainConfig {
        require(steps > 0, "steps must be positive, got " + steps);
        require(batchSize > 0, "batch size must be positive, got " + batchSize);
        require(learningRate > 0 && learningRate < 1, "learning rate must be in (0, 1), got " + learningRate);
        require(warmupFraction >= 0 && warmupFraction < 1, "warm-up fraction must be in [0, 1), got " + warmupFraction);
        require(weightDecay >= 0 && weightDecay < 1, "weight decay must be in [0, 1), got " + weightDecay);
        require(clipNorm >= 0, "clip norm must be >= 0, got " + clipNorm);
        require(evalEvery >= 0, "eval every must be >= 0, got " + evalEvery);
        require(logEvery > 0, "log every must be positive, got " + logEvery);
        require(evalBatchSize > 0, "eval batch size must be positive, got " + evalBatchSize);
        require(dropout == null || (dropout >= 0 && dropout < 1), "dropout must be in [0, 1), got " + dropout);
        require(devLimit >= 0, "dev limit must be >= 0, got " + devLimit);
        require(frozenLayers >= 0, "frozen layers must be >= 0, got " + frozenLayers);
        require(headLearningRate == null || (headLearningRate > 0 && headLearningRate < 1),
                "head learning rate must be in (0, 1), got " + headLearningRate);
    }

    /**
     * A configuration that freezes nothing.
     *
     * @param steps optimiser steps
     * @param batchSize examples per batch
     * @param learningRate peak learning rate
     * @param warmupFraction fraction of warm-up steps
     * @param weightDecay AdamW's weight decay
     * @param clipNorm maximum global gradient norm, 0 for none
     * @param evalEvery steps between dev evaluations, 0 for the end only
     * @param logEvery steps between progress lines
     * @param evalBatchSize inputs per forward pass when evaluating
     * @param seed the seed
     * @param sampling the task sampling
     * @param dropout the encoder's dropout while training, or null for its own
     * @param devLimit dev examples per task at each evaluation, 0 for all
     */
    public TrainConfig(int steps, int batchSize, double learningRate, double warmupFraction, double weightDecay,
            double clipNorm, int evalEvery, int logEvery, int evalBatchSize, long seed, SamplingConfig sampling,
            Double dropout, int devLimit) {
        this(steps, batchSize, learningRate, warmupFraction, weightDecay, clipNorm, evalEvery, logEvery, evalBatchSize,
                seed, sampling, dropout, devLimit, 0, null, false, false);
    }

    /**
     * A configuration that keeps the encoder's own dropout and evaluates on the whole dev split.
     *
     * @param steps optimiser steps
     * @param batchSize examples per batch
     * @param learningRate peak learning rate
     * @param warmupFraction fraction of warm-up steps
     * @param weightDecay AdamW's weight decay
     * @param clipNorm maximum global gradient norm, 0 for none
     * @param evalEvery steps between dev evaluations, 0 for the end only
     * @param logEvery steps between progress lines
     * @param evalBatchSize inputs per forward pass when evaluating
     * @param seed the seed
     * @param sampling the task sampling
     */
    public TrainConfig(int steps, int batchSize, double learningRate, double warmupFraction, double weightDecay,
            double clipNorm, int evalEvery, int logEvery, int evalBatchSize, long seed, SamplingConfig sampling) {
        this(steps, batchSize, learningRate, warmupFraction, weightDecay, clipNorm, evalEvery, logEvery, evalBatchSize,
                seed, sampling, null, 0, 0, null, false, false);
    }

    /**
     * A builder whose every value starts at the library's defaults for a start.
     *
     * @param defaults {@link TrainDefaults#FINE_TUNING} or {@link TrainDefaults#FROM_SCRATCH}
     * @return the builder
     */
    public static Builder builder(TrainDefaults defaults) {
        return new Builder(defaults);
    }

    /**
     * Builds a {@link TrainConfig}: each {@code opt*} value is optional and starts at the defaults
     * given to {@link #builder}, or at {@link TrainDefaults}' constants for logging, evaluation
     * batches and the seed; dev evaluations read whole splits and nothing is frozen unless told. The
     * heads' learning rate, unless told, is the defaults' multiple of the learning rate built with.
     */
    public static final class Builder {

        private int steps;
        private int batchSize;
        private double learningRate;
        private double warmupFraction;
        private double weightDecay;
        private double clipNorm;
        private int evalEvery;
        private int logEvery = TrainDefaults.LOG_EVERY;
        private int evalBatchSize = TrainDefaults.EVAL_BATCH_SIZE;
        private long seed = TrainDefaults.SEED;
        private SamplingConfig sampling;
        private Double dropout;
        private int devLimit;
        private int frozenLayers;
        private Double headLearningRate;
        private Map<String, Double> taskWeights = Map.of();
        private TaskOrder taskOrder;
        private boolean skipDev;
        private boolean labelPrior;
        private final double headLearningRateRatio;

        private Builder(TrainDefaults d) {
            steps = d.steps();
            batchSize = d.batchSize();
            learningRate = d.learningRate();
            warmupFraction = d.warmupFraction();
            weightDecay = d.weightDecay();
            clipNorm = d.clipNorm();
            evalEvery = d.evalEvery();
            sampling = d.sampling();
            dropout = d.dropout();
            headLearningRateRatio = d.headLearningRateRatio();
            labelPrior = d.labelPrior();
        }

        /** @param v optimiser steps @return this builder */
        public Builder optSteps(int v) {
            steps = v;
            return this;
        }

        /** @param v examples per batch @return this builder */
        public Builder optBatchSize(int v) {
            batchSize = v;
            return this;
        }

        /** @param v the peak learning rate @return this builder */
        public Builder optLearningRate(double v) {
            learningRate = v;
            return this;
        }

        /** @param v the fraction of steps of warm-up @return this builder */
        public Builder optWarmupFraction(double v) {
            warmupFraction = v;
            return this;
        }

        /** @param v AdamW's weight decay @return this builder */
        public Builder optWeightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /** @param v the global gradient norm to clip to, 0 for none @return this builder */
        public Builder optClipNorm(double v) {
            clipNorm = v;
            return this;
        }

        /** @param v steps between dev evaluations, 0 for the end only @return this builder */
        public Builder optEvalEvery(int v) {
            evalEvery = v;
            return this;
        }

        /** @param v steps between progress lines @return this builder */
        public Builder optLogEvery(int v) {
            logEvery = v;
            return this;
        }

        /** @param v inputs per forward pass when evaluating @return this builder */
        public Builder optEvalBatchSize(int v) {
            evalBatchSize = v;
            return this;
        }

        /** @param v the seed @return this builder */
        public Builder optSeed(long v) {
            seed = v;
            return this;
        }

        /** @param v the task sampling @return this builder */
        public Builder optSampling(SamplingConfig v) {
            sampling = v;
            return this;
        }

        /** @param v the encoder's dropout while training, or null for its own @return this builder */
        public Builder optDropout(Double v) {
            dropout = v;
            return this;
        }

        /** @param v dev examples per task at each evaluation, 0 for all @return this builder */
        public Builder optDevLimit(int v) {
            devLimit = v;
            return this;
        }

        /**
         * @param v true to evaluate nothing on dev and keep the last step's model (default false)
         * @return this builder
         */
        public Builder optSkipDev(boolean v) {
            skipDev = v;
            return this;
        }

        /**
         * @param v true to start new heads' output biases at their training labels' log frequencies
         *     (default: the defaults' {@link TrainDefaults#labelPrior})
         * @return this builder
         */
        public Builder optLabelPrior(boolean v) {
            labelPrior = v;
            return this;
        }

        /** @param v layers to freeze with the embeddings, 0 for none @return this builder */
        public Builder optFrozenLayers(int v) {
            frozenLayers = v;
            return this;
        }

        /**
         * @param v the task heads' peak learning rate, or null for the defaults' multiple of the
         *     encoder's ({@link TrainDefaults#headLearningRateRatio})
         * @return this builder
         */
        public Builder optHeadLearningRate(Double v) {
            headLearningRate = v;
            return this;
        }

        /**
         * @param v multipliers of the sampling's task probabilities by task name, applied to
         *     whichever sampling the builder ends with; empty for none
         * @return this builder
         */
        public Builder optTaskWeights(Map<String, Double> v) {
            taskWeights = Map.copyOf(v);
            return this;
        }

        /**
         * @param v the order of the sampling's batches, applied to whichever sampling the builder
         *     ends with; null keeps that sampling's own
         * @return this builder
         */
        public Builder optTaskOrder(TaskOrder v) {
            taskOrder = v;
            return this;
        }

        /**
         * @return the configuration
         * @throws UserInputException when a value cannot work (naming its option)
         */
        public TrainConfig build() {
            SamplingConfig weighted = taskWeights.isEmpty() ? sampling : sampling.withTaskWeights(taskWeights);
            if (taskOrder != null) {
                weighted = weighted.withOrder(taskOrder);
            }
            Double head = headLearningRate;
            if (head == null && headLearningRateRatio != 1.0) {
                head = headLearningRateRatio * learningRate;
                if (head >= 1 && learningRate < 1) {
                    throw new UserInputException("the heads' default learning rate, " + headLearningRateRatio
                            + " x the learning rate " + learningRate + ", is " + head + "; it must be below 1: "
                            + "give the heads their own");
                }
            }
            return new TrainConfig(steps, batchSize, learningRate, warmupFraction, weightDecay, clipNorm, evalEvery,
                    logEvery, evalBatchSize, seed, weighted, dropout, devLimit, frozenLayers, head, skipDev, labelPrior);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new UserInputException(message);
        }
    }

    /**
     * @param newSeed the seed
     * @return this configuration with another seed
     */
    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(steps, batchSize, learningRate, warmupFraction, weightDecay, clipNorm, evalEvery,
                logEvery, evalBatchSize, newSeed, sampling, dropout, devLimit, frozenLayers, headLearningRate, skipDev,
                labelPrior);
    }

    /**
     * @param newSteps the step budget
     * @return this configuration with another budget (evaluating at most every {@code newSteps})
     */
    public TrainConfig withSteps(int newSteps) {
        return new TrainConfig(newSteps, batchSize, learningRate, warmupFraction, weightDecay, clipNorm,
                Math.min(evalEvery, newSteps), logEvery, evalBatchSize, seed, sampling, dropout, devLimit, frozenLayers,
                headLearningRate, skipDev, labelPrior);
    }

    /** @return the number of warm-up steps */
    public int warmupSteps() {
        return (int) Math.round(steps * warmupFraction);
    }

    /**
     * Linear warm-up to the peak, then linear decay to 0 at the last step.
     *
     * @param step the 1-based step
     * @return the learning rate for that step
     */
    public double learningRateAt(int step) {
        return LinearSchedule.at(learningRate, steps, warmupSteps(), step);
    }

    /**
     * The learning rate of one parameter at one step: the heads' peak for {@code heads.*}, the
     * encoder's for everything else, both on {@link #learningRateAt}'s schedule.
     *
     * @param parameter the parameter's name
     * @param step the 1-based step
     * @return its learning rate for that step
     */
    public double learningRateAt(String parameter, int step) {
        boolean head = parameter.startsWith(SkillNetModel.HEADS_PREFIX) && headLearningRate != null;
        return LinearSchedule.at(head ? headLearningRate : learningRate, steps, warmupSteps(), step);
    }
}
