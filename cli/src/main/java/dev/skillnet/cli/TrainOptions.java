package dev.skillnet.cli;

import dev.skillnet.core.UserInputException;
import dev.skillnet.train.TrainConfig;
import dev.skillnet.train.TrainDefaults;
import dev.skillnet.train.sampling.SamplingConfig;
import dev.skillnet.train.sampling.TaskOrder;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The optimisation options shared by {@code train}, {@code experiment} and {@code extend}. An
 * option not given takes its value from {@link TrainDefaults}: one set from scratch, another when
 * the run starts from a pretrained encoder ({@code --init}). The help text names both;
 * {@code TrainOptionsTest} checks it against the library.
 */
final class TrainOptions {

    @Option(names = "--steps", description = "Optimiser steps, one task's batch each (default 3000).")
    Integer steps;

    @Option(names = "--batch-size", description = "Examples per batch (default 32 from scratch, 16 with --init).")
    Integer batchSize;

    @Option(names = "--lr", description = "Peak learning rate (default 5e-4 from scratch, 2e-4 with --init).")
    Double learningRate;

    @Option(names = "--head-lr", description = "Peak learning rate of the task heads, which start from random weights "
            + "(default: 10 x the --lr with --init, the --lr from scratch).")
    Double headLearningRate;

    @Option(names = "--warmup", description = "Fraction of steps of linear warm-up (default 0.1).")
    Double warmup;

    @Option(names = "--weight-decay", description = "AdamW decoupled weight decay, not on biases and LayerNorm (default 0.01).")
    Double weightDecay;

    @Option(names = "--clip-norm", description = "Clip gradients to this global norm; 0 disables (default 1.0).")
    Double clipNorm;

    @Option(names = "--dropout", description = "Encoder dropout while training (default: the encoder's own, 0.1 from scratch).")
    Double dropout;

    @Option(names = "--eval-every", description = "Evaluate on dev every N steps and keep the best (default 500).")
    Integer evalEvery;

    @Option(names = "--dev-limit",
            description = "Evaluate on at most this many dev examples per task (their first ones); 0 for all (default 0).")
    Integer devLimit;

    @Option(names = "--skip-dev", description = "Evaluate nothing on dev and keep the last step's model, for a run "
            + "of fixed steps where a dev score would choose nothing (the demo does); not with --eval-every or "
            + "--dev-limit.")
    boolean skipDev;

    @Option(names = "--label-prior", negatable = true, description = "Start each new classification and tagging "
            + "head's output bias at the log of its training labels' frequencies, so it first predicts their prior "
            + "(default on with --init, off from scratch; --no-label-prior for a bias of 0).")
    Boolean labelPrior;

    @Option(names = "--freeze-layers", paramLabel = "N", description = "Keep the embeddings and the encoder's "
            + "lowest N layers as they start; backward stops above them (default 0: train everything).")
    Integer freezeLayers;

    @Option(names = "--log-every", description = "Log progress every N steps (default 50).")
    Integer logEvery;

    @Option(names = "--eval-batch-size", description = "Inputs per forward pass when evaluating (default 64).")
    Integer evalBatchSize;

    @Option(names = "--seed", description = "Seed for sampling, batching, dropout and initialisation (default 13).")
    Long seed;

    @Option(names = "--sampling",
            description = "Task sampling: proportional, temperature:T, capped:K or uniform (default proportional from "
                    + "scratch, temperature:2 with --init).")
    String sampling;

    @Option(names = "--task-weight", paramLabel = "TASK=W", description = "Multiply TASK's sampling probability by W "
            + "(then renormalise); repeat for more tasks (default: no weights).")
    Map<String, Double> taskWeights;

    @Option(names = "--task-order", paramLabel = "ORDER", description = "random: each batch's task drawn at random "
            + "with the sampling's probabilities, as the SkillNet paper; even: each task's batches spread evenly, so "
            + "that after t batches task i is fewer than two batches from p_i t (default random).")
    String taskOrder;

    /**
     * @param pretrained whether the run starts from a pretrained encoder (which picks the defaults)
     * @return the configuration: the options given, the defaults for the others
     */
    TrainConfig toConfig(boolean pretrained) {
        TrainConfig.Builder b = TrainConfig.builder(TrainDefaults.forStart(pretrained));
        Optional.ofNullable(steps).ifPresent(b::optSteps);
        Optional.ofNullable(batchSize).ifPresent(b::optBatchSize);
        Optional.ofNullable(learningRate).ifPresent(b::optLearningRate);
        Optional.ofNullable(headLearningRate).ifPresent(b::optHeadLearningRate);
        Optional.ofNullable(warmup).ifPresent(b::optWarmupFraction);
        Optional.ofNullable(weightDecay).ifPresent(b::optWeightDecay);
        Optional.ofNullable(clipNorm).ifPresent(b::optClipNorm);
        Optional.ofNullable(evalEvery).ifPresent(b::optEvalEvery);
        Optional.ofNullable(logEvery).ifPresent(b::optLogEvery);
        Optional.ofNullable(evalBatchSize).ifPresent(b::optEvalBatchSize);
        Optional.ofNullable(seed).ifPresent(b::optSeed);
        Optional.ofNullable(sampling).map(SamplingConfig::parse).ifPresent(b::optSampling);
        Optional.ofNullable(taskWeights).ifPresent(b::optTaskWeights);
        Optional.ofNullable(taskOrder).map(TaskOrder::parse).ifPresent(b::optTaskOrder);
        if (dropout != null) {
            b.optDropout(dropout);
        }
        Optional.ofNullable(devLimit).ifPresent(b::optDevLimit);
        Optional.ofNullable(freezeLayers).ifPresent(b::optFrozenLayers);
        Optional.ofNullable(labelPrior).ifPresent(b::optLabelPrior);
        if (skipDev && (evalEvery != null || devLimit != null)) {
            throw new UserInputException("--skip-dev evaluates nothing on dev, so "
                    + (evalEvery != null ? "--eval-every" : "--dev-limit") + " would change nothing");
        }
        b.optSkipDev(skipDev);
        return b.build();
    }
}
