package dev.skillnet.cli;

import dev.skillnet.tasks.sampling.SamplingConfig;
import dev.skillnet.tasks.train.TrainConfig;
import picocli.CommandLine.Option;

/** The optimisation options shared by {@code train} and {@code demo}. */
final class TrainOptions {

    @Option(names = "--steps", defaultValue = "3000", description = "Optimiser steps, one task's batch each (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch-size", defaultValue = "32", description = "Examples per batch (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "5e-4", description = "Peak learning rate (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--warmup", defaultValue = "0.1", description = "Fraction of steps of linear warm-up (default ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW decoupled weight decay, not on biases and LayerNorm (default ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--clip-norm", defaultValue = "1.0", description = "Clip gradients to this global norm; 0 disables (default ${DEFAULT-VALUE}).")
    double clipNorm;

    @Option(names = "--eval-every", defaultValue = "500", description = "Evaluate on dev every N steps and keep the best (default ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--log-every", defaultValue = "50", description = "Log progress every N steps (default ${DEFAULT-VALUE}).")
    int logEvery;

    @Option(names = "--eval-batch-size", defaultValue = "64", description = "Inputs per forward pass when evaluating (default ${DEFAULT-VALUE}).")
    int evalBatchSize;

    @Option(names = "--seed", defaultValue = "13", description = "Seed for sampling, batching, dropout and initialisation (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sampling", defaultValue = "proportional",
            description = "Task sampling: proportional, temperature:T, capped:K or uniform (default ${DEFAULT-VALUE}).")
    String sampling;

    TrainConfig toConfig() {
        return new TrainConfig(steps, batchSize, learningRate, warmup, weightDecay, clipNorm, evalEvery, logEvery,
                evalBatchSize, seed, SamplingConfig.parse(sampling));
    }
}
