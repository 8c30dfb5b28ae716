package dev.skillnet.train.experiment;

import ai.djl.ndarray.NDManager;
import dev.skillnet.eval.report.Report;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.inference.evaluate.ActivatedParameters;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.declare.TaskDeclarations;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.JobConfig;
import dev.skillnet.train.Mode;
import dev.skillnet.train.Routing;
import dev.skillnet.train.Throughput;
import dev.skillnet.train.TrainConfig;
import dev.skillnet.train.TrainingJob;
import dev.skillnet.train.extend.SkillSearch;
import dev.skillnet.train.pretrain.PretrainConfig;
import dev.skillnet.train.pretrain.PretrainCorpus;
import dev.skillnet.train.pretrain.PretrainJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every variant of an experiment through the same training and evaluation code, one after
 * another (never two at once: they would share the cores), in {@code OUT/<variant>/seed-<s>}.
 * Run again into the same folder with the same settings, it reads back the runs that have
 * finished ({@link FinishedRun}) and runs only the rest: an experiment stopped midway continues,
 * and more seeds add to the seeds already run.
 */
public final class Experiment {

    /** The variant that trains skills without pre-training for as long as pre-training and fine-tuning took. */
    public static final String EQUAL_TIME = "skill, equal time";

    private static final Logger LOG = LoggerFactory.getLogger(Experiment.class);

    private final ExperimentConfig config;
    private final List<SkillSearch.Result> searches = new ArrayList<>();

    /** @param config the experiment */
    public Experiment(ExperimentConfig config) {
        this.config = config;
    }

    /** @return the skill-set searches the extension experiment ran, in seed order (after {@link #run}) */
    public List<SkillSearch.Result> searches() {
        return List.copyOf(searches);
    }

    /** @return each variant's results, in run order */
    public List<VariantResult> run() {
        Map<String, SeedResults> acc = new LinkedHashMap<>();
        JobConfig t = config.template();
        ExperimentSettings.claim(config);
        for (long seed : config.seeds()) {
            for (Mode mode : config.modes()) {
                Routing routing = new Routing(mode, t.routing().skillLayers(), t.routing().experts(), t.routing().topK());
                Path dir = config.out().resolve(mode.label()).resolve("seed-" + seed);
                FinishedRun run = FinishedRun.findOrRun(dir, mode.label(), seed, () -> new TrainingJob(
                        t.with(dir, t.taskNames(), t.init(), routing, t.train().withSeed(seed))).run());
                acc.computeIfAbsent(mode.label(), k -> new SeedResults()).add(run.report(), run.seconds(), 0,
                        activated(dir, mode), Throughput.read(dir));
            }
            if (config.pretrain() != null) {
                Path dir = config.out().resolve("skill+pretrain").resolve("seed-" + seed);
                FinishedRun run = FinishedRun.find(dir, "skill+pretrain", seed).filter(r -> Double.isFinite(r.pretrainSeconds()))
                        .orElseGet(() -> pretrainThenFineTune(seed, dir));
                Throughput fineTuning = Throughput.read(dir);
                acc.computeIfAbsent("skill+pretrain", k -> new SeedResults()).add(run.report(), run.seconds(),
                        run.pretrainSeconds(), activated(dir, Mode.SKILL), fineTuning);
                equalTime(seed, run.pretrainSeconds(), fineTuning, acc);
            }
        }
        if (config.extendTask() != null) {
            ExtensionExperiment extension = new ExtensionExperiment(config, skills());
            for (long seed : config.seeds()) {
                for (ExtensionExperiment.Run r : extension.run(seed)) {
                    acc.computeIfAbsent(r.variant(), k -> new SeedResults()).add(r.report(), r.seconds(), 0,
                            activated(r.dir(), r.mode()), Throughput.read(r.dir()));
                }
            }
            searches.addAll(extension.searches());
        }
        List<VariantResult> out = new ArrayList<>();
        acc.forEach((name, a) -> out.add(a.result(name, config.pretrain() != null && name.equals("skill+pretrain"))));
        return out;
    }

    /** Sparse pre-training, then the skill fine-tuning from it. */
    private FinishedRun pretrainThenFineTune(long seed, Path dir) {
        JobConfig t = config.template();
        Path pre = config.out().resolve("pretrain").resolve("seed-" + seed);
        LOG.info("experiment: sparse pre-training with seed {} in {}", seed, pre);
        long start = System.nanoTime();
        PretrainConfig p = config.pretrain();
        new PretrainJob(PretrainJob.Config.builder().setOut(pre).setCorpus(corpus()).optInit(t.init())
                .optSize(t.size()).optSkills(skills()).optVocabMinCount(t.vocabMinCount())
                .optTrain(p.withSeed(seed)).build()).run();
        double preSeconds = (System.nanoTime() - start) / 1e9;
        Routing routing = new Routing(Mode.SKILL, t.routing().skillLayers(), 0, 0);
        Report report = new TrainingJob(t.with(dir, t.taskNames(), pre, routing, t.train().withSeed(seed))).run();
        return FinishedRun.record(dir, report, (System.nanoTime() - start) / 1e9, preSeconds);
    }

    /**
     * The variant pre-training is compared with at the same total wall time: skill training from
     * the same start, given the pre-training's seconds as more steps, at the seconds per step that
     * this seed's fine-tuning after pre-training took (the same model and batches, so the same cost
     * per step).
     */
    private void equalTime(long seed, double pretrainSeconds, Throughput fineTuning, Map<String, SeedResults> acc) {
        JobConfig t = config.template();
        double perStep = fineTuning.trainSeconds() / t.train().steps();
        int steps = t.train().steps() + (int) Math.round(pretrainSeconds / perStep);
        Path dir = config.out().resolve("skill-equal-time").resolve("seed-" + seed);
        FinishedRun run = FinishedRun.findOrRun(dir, EQUAL_TIME, seed, () -> {
            LOG.info("experiment: skill for {} steps ({} s of pre-training at {} s a step)", steps,
                    Math.round(pretrainSeconds), String.format(java.util.Locale.ROOT, "%.3f", perStep));
            return new TrainingJob(t.with(dir, t.taskNames(), t.init(),
                    new Routing(Mode.SKILL, t.routing().skillLayers(), 0, 0), t.train().withSteps(steps).withSeed(seed)))
                    .run();
        });
        acc.computeIfAbsent(EQUAL_TIME, k -> new SeedResults()).add(run.report(), run.seconds(), 0,
                activated(dir, Mode.SKILL), Throughput.read(dir));
    }

    private SkillTable skills() {
        Path f = config.template().skillsFile();
        return f == null ? SkillTable.defaults() : SkillTable.load(f);
    }

    private PretrainCorpus corpus() {
        JobConfig t = config.template();
        List<Task<?, ?>> tasks = new ArrayList<>();
        for (TaskDeclaration d : TaskDeclarations.load(t.tasksDir(), skills()).tasks()) {
            if (t.taskNames().isEmpty() || t.taskNames().contains(d.name())) {
                tasks.add(Task.open(d, t.dataRoot()));
            }
        }
        return PretrainCorpus.fromTasks(tasks);
    }

    private static ModelSizes activated(Path dir, Mode mode) {
        Map<String, Long> out = new LinkedHashMap<>();
        long stored = 0;
        List<Path> models = new ArrayList<>();
        if (mode == Mode.SINGLE) {
            try (var list = Files.list(dir.resolve("single"))) {
                list.sorted().forEach(p -> models.add(p.resolve("best")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            models.add(dir.resolve("best"));
        }
        for (Path m : models) {
            try (NDManager manager = NDManager.newBaseManager();
                    TrainedModel trained = TrainedModel.load(m, manager)) {
                for (TaskDeclaration d : trained.declared().tasks()) {
                    out.put(d.name(), ActivatedParameters.of(trained.model(), d));
                }
                stored += ActivatedParameters.stored(trained.model());
            }
        }
        return new ModelSizes(out, stored);
    }
}
