package dev.skillnet.cli;

import dev.skillnet.eval.report.Report;
import dev.skillnet.tasks.sampling.SamplingConfig;
import dev.skillnet.tasks.train.JobConfig;
import dev.skillnet.tasks.train.ModelSize;
import dev.skillnet.tasks.train.TrainConfig;
import dev.skillnet.tasks.train.TrainingJob;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code skillnet demo}: the main job on the bundled samples — a tiny model (H 64, 2 layers)
 * trained from scratch on all six tasks jointly for 6000 steps, then all six evaluated in one run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Train a small SkillNet model from scratch on the bundled samples of all six tasks",
                "(data/samples, see data/NOTICE.md) and evaluate all six in one run. Writes runs/demo/results.json,",
                "runs/demo/results.md and the best checkpoint runs/demo/best."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "runs/demo", paramLabel = "DIR", description = "Run folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--steps", defaultValue = "6000", description = "Optimiser steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seed", defaultValue = "13", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        TrainConfig train = new TrainConfig(steps, 32, 1e-3, 0.06, 0.01, 1.0, 1000, 250, 64, seed,
                SamplingConfig.proportional());
        Report report = new TrainingJob(new JobConfig(out, Home.declarations(), null, Home.samples(), List.of(), null,
                ModelSize.parse("tiny"), List.of(), 2, train)).run();
        spec.commandLine().getOut().print(report.toTable());
        spec.commandLine().getOut().println("wrote " + out.resolve("results.json") + " and " + out.resolve("results.md"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
