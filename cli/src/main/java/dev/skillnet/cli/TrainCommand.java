package dev.skillnet.cli;

import dev.skillnet.eval.report.Report;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import dev.skillnet.core.UserInputException;
import dev.skillnet.tasks.train.JobConfig;
import dev.skillnet.tasks.train.JobFile;
import dev.skillnet.tasks.train.Mode;
import dev.skillnet.tasks.train.ModelSize;
import dev.skillnet.tasks.train.Routing;
import dev.skillnet.tasks.train.TrainingJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code skillnet train}: joint multitask training, then test evaluation of the best checkpoint. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train all declared tasks jointly (one task per batch, drawn by the sampler), keep the",
                "best checkpoint by average dev score in OUT/best, then evaluate it on every task's test",
                "split and write OUT/results.json and OUT/results.md."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder to write (replaces an earlier run there).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in this folder from its last saved state (saved at every evaluation), "
                    + "with the options it started with; no other option may be given.")
    Path resume;

    @Option(names = "--tasks", paramLabel = "DIR", description = "Folder of task declarations (default: the bundled declarations/).")
    Path tasksDir;

    @Option(names = "--task", split = ",", paramLabel = "NAME", description = "Train only these tasks (default: all declared).")
    List<String> taskNames = new ArrayList<>();

    @Option(names = "--skills", paramLabel = "FILE", description = "A skill table (default: the seven built-in skills).")
    Path skillsFile;

    @Option(names = "--data", paramLabel = "DIR", description = "Data root holding each task's folder (default: ../shared/data).")
    Path dataRoot;

    @Option(names = "--init", paramLabel = "DIR", description = "Start from a pretrained HuggingFace BERT directory; every skill starts as its feed-forward.")
    Path init;

    @Option(names = "--size", defaultValue = "small", paramLabel = "SIZE",
            description = "Encoder size when training from scratch: tiny, small, base or H,L,A,I (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--skill-layers", split = ",", paramLabel = "N",
            description = "Layers (0-based) whose feed-forward holds the skills; the others keep one shared feed-forward (default: every layer).")
    List<Integer> skillLayers = new ArrayList<>();

    @Option(names = "--mode", defaultValue = "skill",
            description = "skill (declared skills, averaged), single (one model per task), dense (one shared "
                    + "feed-forward) or moe (mixture of experts, top-k gate) (default ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--experts", defaultValue = "0", description = "moe: experts per layer (default: as many as skills).")
    int experts;

    @Option(names = "--top-k", defaultValue = "2", description = "moe: experts per token (default ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--vocab-min-count", defaultValue = "2", description = "From scratch: a character enters the vocabulary after this many occurrences (default ${DEFAULT-VALUE}).")
    int vocabMinCount;

    @Mixin
    TrainOptions train = new TrainOptions();

    @Override
    public Integer call() {
        if (resume != null) {
            return resume();
        }
        if (out == null) {
            throw new UserInputException("give --out DIR for a new run, or --resume DIR to continue one");
        }
        if (init != null) {
            BertCheckpoint.requireModelDirectory(init);
        }
        return finish(new TrainingJob(new JobConfig(out, tasksDir == null ? Home.declarations() : tasksDir,
                skillsFile, dataRoot == null ? Home.data() : dataRoot, taskNames, init, ModelSize.parse(size),
                new Routing(Mode.parse(mode), skillLayers, experts, topK), vocabMinCount, train.toConfig())).run(), out);
    }

    private int resume() {
        var matched = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(o -> o.longestName()).filter(n -> !n.equals("--resume") && !n.equals("--verbose")).toList();
        if (!matched.isEmpty()) {
            throw new UserInputException("--resume continues a run with the options it started with (saved in "
                    + resume.resolve(JobFile.NAME) + "); drop " + String.join(", ", matched));
        }
        return finish(TrainingJob.resuming(resume).run(), resume);
    }

    private int finish(Report report, Path out) {
        spec.commandLine().getOut().print(report.toTable());
        spec.commandLine().getOut().println("wrote " + out.resolve("results.json") + ", " + out.resolve("results.md")
                + " and the best checkpoint " + out.resolve("best"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
