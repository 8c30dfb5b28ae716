package dev.skillnet.cli;

import dev.skillnet.core.UserInputException;
import dev.skillnet.train.JobConfig;
import dev.skillnet.train.Mode;
import dev.skillnet.train.TrainConfig;
import dev.skillnet.train.experiment.Experiment;
import dev.skillnet.train.experiment.ExperimentConfig;
import dev.skillnet.train.experiment.ExperimentReport;
import dev.skillnet.train.experiment.VariantResult;
import dev.skillnet.train.pretrain.PairObjective;
import dev.skillnet.train.pretrain.PretrainConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skillnet experiment}: the modes, and optionally sparse pre-training, compared on equal budgets. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run the modes (skill, single, dense, moe) with the same data, size, step budget and seeds",
                "through the same training and evaluation code, and optionally sparse pre-training followed by",
                "skill training ('skill+pretrain'). Writes OUT/experiment.md, OUT/experiment.json and",
                "OUT/experiment.png (test score per task and variant, spread over seeds, parameters activated",
                "per task, wall time); each run keeps its own folder under OUT."})
final class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Experiment folder.")
    Path out;

    @Option(names = "--modes", split = ",", defaultValue = "skill,single,dense,moe", paramLabel = "MODE",
            description = "Modes to compare; 'none' for none (default ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(names = "--seeds", split = ",", defaultValue = "13", paramLabel = "SEED",
            description = "Seeds; with more than one, the spread is reported (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--pretrain-steps", defaultValue = "0",
            description = {"Sparse pre-training steps before a 'skill+pretrain' variant, which is compared with skill",
                    "training at the same steps and, as 'skill, equal time', given pre-training's seconds as more",
                    "steps; 0 for none (default ${DEFAULT-VALUE})."})
    int pretrainSteps;

    @Option(names = "--pretrain-objective", defaultValue = "nsp", description = "Pair objective of pre-training: nsp, sop or none (default ${DEFAULT-VALUE}).")
    String pretrainObjective;

    @Option(names = "--extend", paramLabel = "TASK",
            description = {"Also run the extension experiment: hold TASK out of a skill and a dense base model; extend",
                    "the skill base with it (training all it runs, the head only, a new skill with everything old",
                    "frozen, all skills), fine-tune the dense base on it, and train it alone from the same start."})
    String extendTask;

    @Option(names = "--extend-steps", defaultValue = "0",
            description = "Steps of each extension and of the task trained alone (default: a quarter of --steps).")
    int extendSteps;

    @Option(names = "--extend-search-steps", defaultValue = "0", paramLabel = "N",
            description = {"With --extend, also search the skill base's skills for TASK (greedy forward selection,",
                    "trials of N steps scored on its dev split) and extend through the picked set; 0 for no",
                    "search (default ${DEFAULT-VALUE})."})
    int extendSearchSteps;

    @Option(names = "--size", defaultValue = "tiny", paramLabel = "SIZE", description = "Encoder size from scratch (default ${DEFAULT-VALUE}).")
    String size;

    @Mixin
    JobOptions job = new JobOptions();

    @Mixin
    TrainOptions train = new TrainOptions();

    @Override
    public Integer call() {
        if (seeds.isEmpty()) {
            throw new UserInputException("--seeds: give at least one seed");
        }
        List<Mode> parsed = modes.equals(List.of("none")) ? List.of() : modes.stream().map(Mode::parse).toList();
        JobConfig template = job.toJob(out, size, Mode.SKILL, train);
        TrainConfig t = template.train();
        PretrainConfig pretrain = pretrainSteps <= 0 ? null
                : PretrainConfig.builder().optSteps(pretrainSteps).optBatchSize(t.batchSize())
                        .optLearningRate(t.learningRate()).optWeightDecay(t.weightDecay()).optClipNorm(t.clipNorm())
                        .optPairObjective(PairObjective.parse(pretrainObjective)).optLogEvery(t.logEvery())
                        .optSeed(seeds.get(0)).build();
        Experiment experiment = new Experiment(ExperimentConfig.builder().setOut(out).setTemplate(template)
                .optModes(parsed).optSeeds(seeds).optPretrain(pretrain).optExtendTask(extendTask)
                .optExtendSteps(extendSteps).optExtendSearchSteps(extendSearchSteps).build());
        List<VariantResult> results = experiment.run();
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        String command = "./skillnet " + (args.isEmpty() || !args.get(0).equals("experiment") ? "experiment " : "")
                + String.join(" ", args);
        try {
            Files.createDirectories(out);
            ExperimentReport.write(out, results, seeds, command, experiment.searches());
            spec.commandLine().getOut().print(Files.readString(out.resolve("experiment.md")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the experiment report to " + out, e);
        }
        spec.commandLine().getOut().println("wrote " + out.resolve("experiment.md") + ", experiment.json and experiment.png");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
