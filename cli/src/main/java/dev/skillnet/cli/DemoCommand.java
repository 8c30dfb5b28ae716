package dev.skillnet.cli;

import dev.skillnet.eval.report.Report;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.declare.TaskDeclarations;
import dev.skillnet.tasks.pretrain.PairObjective;
import dev.skillnet.tasks.pretrain.PretrainConfig;
import dev.skillnet.tasks.pretrain.PretrainCorpus;
import dev.skillnet.tasks.pretrain.PretrainJob;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.tasks.sampling.SamplingConfig;
import dev.skillnet.tasks.train.JobConfig;
import dev.skillnet.tasks.train.ModelSize;
import dev.skillnet.tasks.train.Routing;
import dev.skillnet.tasks.train.TrainConfig;
import dev.skillnet.tasks.train.TrainingJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code skillnet demo}: the main job on the bundled samples. A tiny encoder (H 64, 2 layers) is
 * trained from scratch on all six tasks jointly, and all six are evaluated in one run. With
 * {@code --pretrain-steps N} it is first pre-trained sparsely on the samples' training texts
 * (masked-LM on token+general, next sentence on sequence+pair+general).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Train a tiny SkillNet model on the bundled samples of all six tasks jointly (data/samples,",
                "see data/NOTICE.md) and evaluate all six in one run; with --pretrain-steps, pre-train it sparsely",
                "on the samples' training texts first. Writes runs/demo/results.json, runs/demo/results.md and",
                "the best checkpoint runs/demo/best."})
final class DemoCommand implements Callable<Integer> {

    /**
     * p_i proportional to the square root of n_i: cmrc2018's 234 training questions would get 2.5%
     * of proportional steps, too few for its score to settle (docs/RESULTS.md, section 1).
     */
    static final SamplingConfig SAMPLING = SamplingConfig.temperature(2);

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "runs/demo", paramLabel = "DIR", description = "Run folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--pretrain-steps", defaultValue = "0",
            description = "Sparse pre-training steps before joint training; 0 skips it (default ${DEFAULT-VALUE}: "
                    + "2000 steps took 3.5 minutes and did not lift afqmc above its baseline, see docs/RESULTS.md).")
    int pretrainSteps;

    @Option(names = "--steps", defaultValue = "6000", description = "Joint training steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seed", defaultValue = "13", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Path init = null;
        if (pretrainSteps > 0) {
            init = out.resolve("pretrained");
            List<Task<?, ?>> tasks = new ArrayList<>();
            for (TaskDeclaration d : TaskDeclarations.load(Home.declarations(), SkillTable.defaults()).tasks()) {
                tasks.add(Task.open(d, Home.samples()));
            }
            PretrainConfig pretrain = new PretrainConfig(pretrainSteps, 32, 1e-3, 0.06, 0.01, 1.0, 128, 0.15, 0.5,
                    PairObjective.NSP, List.of("token", "general"), List.of("sequence", "pair", "general"), 250, seed);
            new PretrainJob(new PretrainJob.Config(init, null, ModelSize.parse("tiny"), SkillTable.defaults(),
                    PretrainCorpus.fromTasks(tasks), 2, pretrain)).run();
        }
        TrainConfig train = new TrainConfig(steps, 32, 1e-3, 0.06, 0.01, 1.0, 1000, 250, 64, seed, SAMPLING);
        Report report = new TrainingJob(new JobConfig(out, Home.declarations(), null, Home.samples(), List.of(), init,
                ModelSize.parse("tiny"), Routing.skills(List.of()), 2, train)).run();
        spec.commandLine().getOut().print(report.toTable());
        spec.commandLine().getOut().println("wrote " + out.resolve("results.json") + " and " + out.resolve("results.md"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
