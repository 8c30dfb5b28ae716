package dev.skillnet.cli;

import dev.skillnet.bench.TraceStepProfiler;
import dev.skillnet.core.UserInputException;
import dev.skillnet.eval.report.Report;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import dev.skillnet.train.JobConfig;
import dev.skillnet.train.JobFile;
import dev.skillnet.train.Mode;
import dev.skillnet.train.TrainingJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Option(names = "--size", defaultValue = JobConfig.DEFAULT_SIZE, paramLabel = "SIZE",
            description = "Encoder size when training from scratch: tiny, small, base or H,L,A,I (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--mode", defaultValue = "skill",
            description = "skill (declared skills, averaged), single (one model per task), dense (one shared "
                    + "feed-forward) or moe (mixture of experts, top-k gate) (default ${DEFAULT-VALUE}).")
    String mode;

    @Mixin
    JobOptions job = new JobOptions();

    @Mixin
    TrainOptions train = new TrainOptions();

    @Mixin
    TestEngineOption testEngine = new TestEngineOption();

    @Option(names = "--profile-steps", paramLabel = "FIRST-LAST",
            description = "Run these training steps under PyTorch's profiler and write OUT/profile.json: per task, "
                    + "the wall time of forward, backward and update, each operator's self time, and the matrix "
                    + "multiplies' GFLOP/s (e.g. 101-140; profiled steps run a little slower).")
    String profileSteps;

    @Override
    public Integer call() {
        if (resume != null) {
            return resume();
        }
        if (out == null) {
            throw new UserInputException("give --out DIR for a new run, or --resume DIR to continue one");
        }
        JobConfig config = job.toJob(out, size, Mode.parse(mode), train); // imports a named encoder once
        if (config.init() != null) {
            BertCheckpoint.requireModelDirectory(config.init());
        }
        TrainingJob trainingJob = new TrainingJob(config).optCommit(Home.commit()).optTestEngine(testEngine.engine());
        if (profileSteps == null) {
            return finish(trainingJob.run(), out);
        }
        TraceStepProfiler profiler = TraceStepProfiler.parse(profileSteps);
        if (profiler.firstStep() > config.train().steps()) {
            throw new UserInputException("--profile-steps " + profileSteps + ": the run has only "
                    + config.train().steps() + " steps");
        }
        Report report = trainingJob.optStepProfiler(profiler).run();
        try {
            profiler.write(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + out.resolve(TraceStepProfiler.FILE), e);
        }
        return finish(report, out);
    }

    private int resume() {
        var matched = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(o -> o.longestName()).filter(n -> !n.equals("--resume") && !n.equals("--verbose")).toList();
        if (!matched.isEmpty()) {
            throw new UserInputException("--resume continues a run with the options it started with (saved in "
                    + resume.resolve(JobFile.NAME) + "); drop " + String.join(", ", matched));
        }
        return finish(TrainingJob.resuming(resume).optCommit(Home.commit()).optTestEngine(testEngine.engine()).run(),
                resume);
    }

    private int finish(Report report, Path out) {
        spec.commandLine().getOut().print(report.toTable());
        spec.commandLine().getOut().println("wrote " + out.resolve("results.json") + ", " + out.resolve("results.md")
                + " and the best checkpoint " + out.resolve("best"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
