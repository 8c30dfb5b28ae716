package dev.skillnet.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.skillnet.core.SkillNetVersion;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicDirectory;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.eval.report.Report;
import dev.skillnet.eval.report.TaskResult;
import dev.skillnet.inference.checkpoint.Provenance;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.inference.evaluate.EvaluateAll;
import dev.skillnet.inference.evaluate.LogitsEngine;
import dev.skillnet.inference.evaluate.TaskLogits;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.Declared;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.declare.TaskDeclarations;
import dev.skillnet.tasks.run.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole training run: read the declarations and every split of the data (so that a bad row
 * anywhere stops the run before the first step), build (or load) the tokenizer and the model,
 * train all tasks jointly keeping the best checkpoint by dev average, then evaluate that
 * checkpoint on every task's test split and write {@code results.json} and {@code results.md}.
 */
public final class TrainingJob {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingJob.class);

    /** Every split is read and featurized before the first step, so bad data fails fast. */
    private static final List<String> SPLITS = List.of("train", "dev", "test");

    /** The resumable checkpoint inside a run folder, rewritten at every evaluation. */
    public static final String LAST = "last";

    private final JobConfig config;
    private final boolean resume;
    private String commit = "unknown";
    private LogitsEngine testEngine = LogitsEngine.PYTORCH;
    private StepProfiler profiler = StepProfiler.NONE;

    /** @param config what to train and how */
    public TrainingJob(JobConfig config) {
        this(config, false);
    }

    private TrainingJob(JobConfig config, boolean resume) {
        this.config = config;
        this.resume = resume;
    }

    /**
     * @param gitCommit the commit the running code was built from, recorded in {@value
     *     Provenance#FILE} (default {@code unknown})
     * @return this job
     */
    public TrainingJob optCommit(String gitCommit) {
        this.commit = gitCommit;
        return this;
    }

    /**
     * @param engine what runs the best checkpoint's test evaluation at the end (default {@link
     *     LogitsEngine#PYTORCH}, the model's own forward path; dev evaluations during training always
     *     use it)
     * @return this job
     */
    public TrainingJob optTestEngine(LogitsEngine engine) {
        this.testEngine = java.util.Objects.requireNonNull(engine, "engine");
        return this;
    }

    /**
     * @param stepProfiler watches the training steps it chooses (default {@link StepProfiler#NONE})
     * @return this job
     */
    public TrainingJob optStepProfiler(StepProfiler stepProfiler) {
        this.profiler = java.util.Objects.requireNonNull(stepProfiler, "stepProfiler");
        return this;
    }

    /**
     * A job that continues the run in a folder from its last saved state, with the configuration
     * the run started with ({@code job.json}).
     *
     * @param runDir the run folder
     * @return the job
     */
    public static TrainingJob resuming(Path runDir) {
        JobConfig config = JobFile.read(runDir);
        try {
            AtomicDirectory.recover(runDir.resolve(LAST));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover " + runDir.resolve(LAST), e);
        }
        RunState.readState(runDir.resolve(LAST));
        return new TrainingJob(config, true);
    }

    /**
     * Runs the job.
     *
     * @return the test report of the best checkpoint
     */
    public Report run() {
        if (config.routing().mode() == Mode.SINGLE) {
            return runSingle();
        }
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<Provenance.DataSplit> data = new ArrayList<>();
        JointTrainer.Result result;
        try (NDManager manager = NDManager.newBaseManager()) {
            Path best = config.out().resolve("best");
            // The trained model, its gradients and the optimiser's moments live in their own scope,
            // freed before the best checkpoint is loaded for the test evaluation.
            try (NDManager trainingScope = manager.newSubManager()) {
                Path last = config.out().resolve(LAST);
                SkillNetModel model;
                BertTokenizer tokenizer;
                SkillTable skills; // the table as given, saved with the model; tasks' new_skills extend it on load
                SkillTable modelSkills = null;
                List<Task<?, ?>> tasks;
                JointTrainer.Resume from = null;
                if (resume) {
                    TrainedModel trained = TrainedModel.load(last, trainingScope);
                    model = trained.model();
                    tokenizer = trained.tokenizer();
                    skills = SkillTable.load(last.resolve("skills.json"));
                    tasks = trained.tasks(config.dataRoot(), config.taskNames());
                    TrainState state = RunState.readState(last);
                    Map<String, Shape> shapes = model.namedShapes();
                    from = new JointTrainer.Resume(state,
                            optimizer -> RunState.restoreOptimizer(last, optimizer, shapes, state.adamSteps()));
                } else {
                    skills = config.skillsFile() == null ? SkillTable.defaults() : SkillTable.load(config.skillsFile());
                    Declared declared = TaskDeclarations.load(config.tasksDir(), skills);
                    modelSkills = declared.skills();
                    tasks = openTasks(declared);
                    startFresh();
                    tokenizer = tokenizer(tasks);
                    model = null;
                }
                for (Task<?, ?> t : tasks) {
                    for (String split : SPLITS) {
                        t.examples(split);
                        t.features(split, tokenizer);
                    }
                }
                data.addAll(dataSplits(tasks));
                if (model == null) {
                    model = model(modelSkills, tasks, tokenizer, trainingScope);
                    if (config.train().labelPrior()) {
                        LabelPrior.apply(model, tasks, tokenizer);
                    }
                }
                LOG.info("model: {} parameters, {} skills in {} layers, {} task heads", count(model),
                        model.bert().layout().skills().size(), model.bert().layout().skillLayers().size(), tasks.size());
                SkillNetModel trainedModel = model;
                LearningCurve curve = from == null ? LearningCurve.fresh(config.out())
                        : LearningCurve.resumed(config.out(), from.state().step());
                JointTrainer trainer = new JointTrainer(model, tasks, tokenizer, config.train(), trainingScope)
                        .optEvaluationSink(curve::add).optStepProfiler(profiler);
                result = trainer.train((step, dev, avg) -> {
                    TrainedModel.save(best, tasks, skills, trainedModel, tokenizer,
                            training(step, avg, dev.isEmpty() ? null : dev));
                    if (dev.isEmpty()) {
                        LOG.info("saved the model after step {}, not evaluated on dev, to {}", step, best);
                    } else {
                        LOG.info("saved best checkpoint (dev average {}) to {}", String.format("%.2f", avg), best);
                    }
                }, (state, optimizer) -> {
                    TrainedModel.save(last, tasks, skills, trainedModel, tokenizer,
                            training(state.step(), state.bestDevAverage(), null),
                            dir -> RunState.write(dir, optimizer, state));
                    LOG.info("saved the training state after step {} to {}", state.step(), last);
                }, from);
                LOG.info("trained to step {} in {} s; {}; batches per task {}", result.steps(),
                        String.format("%.0f", result.seconds()), Double.isFinite(result.bestDevAverage())
                                ? String.format("best dev average %.2f at step %d", result.bestDevAverage(),
                                        result.bestStep())
                                : "no dev evaluation, the last step's model kept",
                        result.taskCounts());
                tokenizer.close();
            }
            long testStart = System.nanoTime();
            Report report = evaluateBest(best, manager);
            Throughput.of(result, report, (System.nanoTime() - testStart) / 1e9).write(config.out());
            Provenance provenance = new Provenance(SkillNetVersion.get(), commit, Engine.getDjlVersion(),
                    Engine.getEngine("PyTorch").getVersion(), started,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Provenance.Machine.current(), data);
            try {
                provenance.write(config.out());
                provenance.write(best);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + Provenance.FILE + " into " + config.out(), e);
            }
            return report;
        }
    }

    /** Every split the tasks read, with its example count and its files' SHA-256 (each file hashed once). */
    private static List<Provenance.DataSplit> dataSplits(List<Task<?, ?>> tasks) {
        Map<Path, String> hashes = new HashMap<>();
        List<Provenance.DataSplit> out = new ArrayList<>();
        for (Task<?, ?> t : tasks) {
            t.readSummaries().forEach((split, summary) -> {
                List<Provenance.HashedFile> files = new ArrayList<>();
                for (Path f : summary.files()) {
                    files.add(new Provenance.HashedFile(f.toString(), hashes.computeIfAbsent(f, Provenance::sha256)));
                }
                out.add(new Provenance.DataSplit(t.name(), split, summary.examples(), files));
            });
        }
        return out;
    }

    /**
     * Task-specific fine-tuning: one plain model per task, trained on that task alone for its share
     * of the step budget (its sampling probability times the steps, so the total equals a joint
     * run's), each in {@code OUT/single/<task>}; then one report over all tasks.
     */
    private Report runSingle() {
        if (resume) {
            throw new UserInputException(config.out(), "resuming a 'single' run: resume each task's folder under "
                    + config.out().resolve("single"));
        }
        SkillTable skills = config.skillsFile() == null ? SkillTable.defaults() : SkillTable.load(config.skillsFile());
        List<Task<?, ?>> tasks = openTasks(TaskDeclarations.load(config.tasksDir(), skills));
        long[] sizes = tasks.stream().mapToLong(t -> t.examples("train").size()).toArray();
        double[] p = config.train().sampling().probabilities(tasks.stream().map(Task::name).toList(), sizes);
        startFresh();
        List<TaskResult> results = new ArrayList<>();
        Throughput throughput = new Throughput(0, 0, 0, 0);
        for (int i = 0; i < tasks.size(); i++) {
            String name = tasks.get(i).name();
            int steps = Math.max(1, (int) Math.round(config.train().steps() * p[i]));
            TrainConfig ownConfig = config.train().withSteps(steps);
            LOG.info("single-task fine-tuning of {}: {} of {} steps", name, steps, config.train().steps());
            Path own = config.out().resolve("single").resolve(name);
            Report report = new TrainingJob(config.with(own, List.of(name), config.init(),
                    new Routing(Mode.DENSE, List.of(), 0, 0), ownConfig)).optCommit(commit).optStepProfiler(profiler)
                    .run();
            results.addAll(report.results());
            throughput = throughput.plus(Throughput.read(own));
        }
        Report report = new Report("test", results);
        writeReport(report, config.out());
        throughput.write(config.out());
        return report;
    }

    private JsonObject training(int step, double average, Map<String, Score> dev) {
        JsonObject training = new JsonObject();
        training.addProperty("step", step);
        if (Double.isFinite(average)) {
            training.addProperty("dev_average", average);
        }
        if (dev != null) {
            training.add("dev", new Gson().toJsonTree(dev));
        }
        training.add("config", new Gson().toJsonTree(config.train()));
        return training;
    }

    /** A fresh run replaces whatever an earlier run left in its folder, then records its job. */
    private void startFresh() {
        try {
            for (String stale : List.of(LAST, "best")) {
                Path p = config.out().resolve(stale);
                if (Files.exists(p)) {
                    LOG.warn("replacing {} from an earlier run in {}", stale, config.out());
                    TrainedModel.delete(p);
                }
            }
            Files.deleteIfExists(config.out().resolve("results.json"));
            Files.deleteIfExists(config.out().resolve("results.md"));
            Files.deleteIfExists(config.out().resolve(LearningCurve.NAME));
            Files.deleteIfExists(config.out().resolve(Throughput.NAME));
            JobFile.write(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the run folder " + config.out(), e);
        }
    }

    private Report evaluateBest(Path best, NDManager parent) {
        try (NDManager manager = parent.newSubManager();
                TrainedModel trained = TrainedModel.load(best, manager)) {
            LOG.info("test evaluation of {} with {}", best, testEngine.label());
            Report report;
            try (TaskLogits logits = testEngine.open(trained.model(), trained.tokenizer().padId(), manager)) {
                report = EvaluateAll.run(trained.tasks(config.dataRoot(), config.taskNames()), "test", logits,
                        trained.tokenizer(), config.train().evalBatchSize());
            }
            writeReport(report, config.out());
            return report;
        }
    }

    /**
     * Writes {@code results.json} and {@code results.md} into a folder, atomically.
     *
     * @param report the report
     * @param dir the folder
     */
    public static void writeReport(Report report, Path dir) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.writeString(dir.resolve("results.json"), report.toJson());
            AtomicFiles.writeString(dir.resolve("results.md"), report.toMarkdown());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir, e);
        }
    }

    private List<Task<?, ?>> openTasks(Declared declared) {
        for (String n : config.taskNames()) {
            if (declared.find(n).isEmpty()) {
                throw new UserInputException(config.tasksDir(), "no task named '" + n + "'; declared: " + declared.names());
            }
        }
        for (String n : config.train().sampling().taskWeights().keySet()) {
            if (declared.find(n).isEmpty()) {
                throw new UserInputException(config.tasksDir(), "a task weight names '" + n + "', which is not a task; "
                        + "declared: " + declared.names());
            }
        }
        List<Task<?, ?>> tasks = new ArrayList<>();
        for (TaskDeclaration d : declared.tasks()) {
            if (config.taskNames().isEmpty() || config.taskNames().contains(d.name())) {
                Task<?, ?> t = Task.open(d, config.dataRoot());
                for (String split : SPLITS) {
                    if (!t.splits().contains(split)) {
                        throw new UserInputException(d.file(), "task " + d.name() + " declares no '" + split
                                + "' split; training needs train, dev and test");
                    }
                    t.examples(split);
                }
                tasks.add(t);
            }
        }
        return tasks;
    }

    private BertTokenizer tokenizer(List<Task<?, ?>> tasks) {
        if (config.init() != null) {
            return BertTokenizer.fromDirectory(config.init());
        }
        BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, config.vocabMinCount(),
                config.out().resolve("tokenizer"));
        LOG.info("built a {}-token character vocabulary from the training data", tokenizer.vocabSize());
        return tokenizer;
    }

    private SkillNetModel model(SkillTable skills, List<Task<?, ?>> tasks, BertTokenizer tokenizer,
            NDManager manager) {
        long seed = config.train().seed();
        return config.init() != null
                ? ModelFactory.fromPretrained(config.init(), skills, config.routing(), tasks, seed,
                        config.train().dropout(), manager)
                : ModelFactory.fromScratch(skills, config.routing(), tasks, config.size(), tokenizer.vocabSize(),
                        seed, config.train().dropout(), manager);
    }

    private static long count(SkillNetModel model) {
        return model.namedShapes().values().stream().mapToLong(s -> s.size()).sum();
    }
}
