package dev.skillnet.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.inference.evaluate.ActiveSkills;
import dev.skillnet.inference.evaluate.TaskEvaluator;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.TaskOutput;
import dev.skillnet.model.nn.Scalars;
import dev.skillnet.tasks.batch.BatchStream;
import dev.skillnet.tasks.batch.EncoderRows;
import dev.skillnet.tasks.batch.PaddedBatch;
import dev.skillnet.tasks.kinds.Feature;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.objective.Objective;
import dev.skillnet.train.objective.Objectives;
import dev.skillnet.train.optim.AdamW;
import dev.skillnet.train.optim.UpdateStep;
import dev.skillnet.train.sampling.TaskSampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains all tasks jointly: each step draws a task from the sampler, takes that task's next batch,
 * runs the encoder with only the task's skills and the task's head, and updates exactly the
 * parameters that ran (shared encoder, active skills, the task's head) with AdamW, after clipping
 * the gradient by its global norm. Every step runs inside its own NDManager scope.
 */
public final class JointTrainer {

    /**
     * Receives the best model so far (by average dev main score), or with {@link TrainConfig#skipDev}
     * the last step's model, once.
     */
    @FunctionalInterface
    public interface BestModelSink {
        /**
         * @param step the step after which it was evaluated
         * @param dev each task's dev score (empty when nothing is evaluated on dev)
         * @param average the average main score (negative infinity when nothing is evaluated on dev)
         * @throws IOException when saving fails
         */
        void save(int step, Map<String, Score> dev, double average) throws IOException;
    }

    /**
     * Receives the full training state at every evaluation (with {@link TrainConfig#skipDev}, after
     * the last step), so that a killed run can resume.
     */
    @FunctionalInterface
    public interface StateSink {
        /**
         * @param state the step, sampler, streams and AdamW step counts
         * @param optimizer the optimiser, for its moments
         * @throws IOException when saving fails
         */
        void save(TrainState state, AdamW optimizer) throws IOException;
    }

    /** Receives every dev evaluation, for the run's learning curve. */
    @FunctionalInterface
    public interface EvaluationSink {
        /**
         * @param point the evaluation, with the training inputs each task had seen
         */
        void evaluated(LearningCurve.Point point);
    }

    /**
     * Where a resumed run starts.
     *
     * @param state the saved state
     * @param optimizer puts the saved moments back into a fresh optimiser
     */
    public record Resume(TrainState state, java.util.function.Consumer<AdamW> optimizer) {}

    /**
     * What a run did.
     *
     * @param steps the last step taken
     * @param bestStep the step of the best dev average
     * @param bestDevAverage that average, in percent
     * @param taskCounts batches drawn per task, over the whole run
     * @param seconds wall time of this process's part of the run
     * @param firstStep the first step this process took (1 unless resumed)
     * @param losses the loss of every step this process took, in order
     * @param skippedSteps steps whose update was skipped because a gradient was not finite
     * @param inputs training inputs this process trained on (windows, for reading comprehension)
     * @param evalSeconds the part of {@code seconds} spent in dev evaluations and saving checkpoints
     * @param taskTimes per task, in the run's task order: the batches, inputs and step seconds of this process
     */
    public record Result(int steps, int bestStep, double bestDevAverage, Map<String, Long> taskCounts, double seconds,
            int firstStep, double[] losses, int skippedSteps, long inputs, double evalSeconds,
            Map<String, TaskTime> taskTimes) {

        /** @return seconds of training steps, dev evaluations and checkpoints excluded */
        public double trainSeconds() {
            return seconds - evalSeconds;
        }
    }

    /** Weight of a mixture of experts' load-balancing loss (the Switch Transformer's alpha). */
    static final float AUX_LOSS_WEIGHT = 0.01f;

    /** Consecutive steps with non-finite gradients after which the run is declared diverged. */
    static final int MAX_CONSECUTIVE_SKIPS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(JointTrainer.class);

    private final SkillNetModel model;
    private final List<Task<?, ?>> tasks;
    private final BertTokenizer tokenizer;
    private final TrainConfig config;
    private final NDManager manager;
    private final Predicate<String> trainable;
    private EvaluationSink evaluations = point -> {};
    private StepProfiler profiler = StepProfiler.NONE;

    /**
     * @param model the model, with a head for every task
     * @param tasks the tasks, each with train and dev splits
     * @param tokenizer the model's tokenizer
     * @param config the training configuration
     * @param manager the manager that owns the model's parameters
     */
    public JointTrainer(SkillNetModel model, List<Task<?, ?>> tasks, BertTokenizer tokenizer, TrainConfig config,
            NDManager manager) {
        this(model, tasks, tokenizer, config, manager, name -> true);
    }

    /**
     * A trainer that updates only some of what runs (to extend a model with frozen parts).
     *
     * @param model the model, with a head for every task
     * @param tasks the tasks, each with train and dev splits
     * @param tokenizer the model's tokenizer
     * @param config the training configuration
     * @param manager the manager that owns the model's parameters
     * @param trainable which of the parameters that run may be updated, by name
     */
    public JointTrainer(SkillNetModel model, List<Task<?, ?>> tasks, BertTokenizer tokenizer, TrainConfig config,
            NDManager manager, Predicate<String> trainable) {
        this.trainable = trainable;
        this.model = model;
        this.tasks = List.copyOf(tasks);
        this.tokenizer = tokenizer;
        this.config = config;
        this.manager = manager;
    }

    /**
     * @param sink receives every dev evaluation (by default, none is kept)
     * @return this trainer
     */
    public JointTrainer optEvaluationSink(EvaluationSink sink) {
        this.evaluations = java.util.Objects.requireNonNull(sink, "sink");
        return this;
    }

    /**
     * @param stepProfiler watches the steps it chooses (by default, none)
     * @return this trainer
     */
    public JointTrainer optStepProfiler(StepProfiler stepProfiler) {
        this.profiler = java.util.Objects.requireNonNull(stepProfiler, "stepProfiler");
        return this;
    }

    /**
     * Runs the whole schedule from the first step.
     *
     * @param sink receives each new best model
     * @return what the run did
     */
    public Result train(BestModelSink sink) {
        return train(sink, (state, optimizer) -> {}, null);
    }

    /**
     * Runs the schedule, from the first step or from a saved state. Dropout is seeded from
     * (seed, step) at every step, so a resumed run draws the same masks as an uninterrupted one.
     *
     * @param sink receives each new best model
     * @param stateSink receives the full state after every evaluation
     * @param resume where to start, or null for the first step
     * @return what the run did
     */
    public Result train(BestModelSink sink, StateSink stateSink, Resume resume) {
        int n = tasks.size();
        List<String> names = new ArrayList<>();
        long[] sizes = new long[n];
        List<BatchStream> streams = new ArrayList<>();
        List<int[]> skills = new ArrayList<>();
        List<Map<String, Parameter>> params = new ArrayList<>();
        Predicate<String> frozen = freeze(model, config.frozenLayers());
        for (int i = 0; i < n; i++) {
            Task<?, ?> t = tasks.get(i);
            List<Feature> train = t.features("train", tokenizer).features();
            names.add(t.name());
            sizes[i] = t.examples("train").size();
            streams.add(new BatchStream(train, config.batchSize(), config.seed() * 31 + i));
            skills.add(ActiveSkills.of(model, t.declaration()));
            Map<String, Parameter> ran = new LinkedHashMap<>(model.parametersFor(t.name(), skills.get(i)));
            ran.entrySet().removeIf(e -> !trainable.test(e.getKey()) || frozen.test(e.getKey())
                    || !e.getValue().requiresGradient()); // a statistic is set from data, not by the optimiser
            params.add(ran);
        }
        TaskSampler sampler = new TaskSampler(names, sizes, config.sampling(), config.seed());
        LOG.info("sampling {}: {}", config.sampling(), probabilities(names, sampler.probabilities()));
        double best = Double.NEGATIVE_INFINITY;
        int bestStep = 0;
        int first = 1;
        try (AdamW optimizer = new AdamW(config.weightDecay(), manager)) {
            if (resume != null) {
                TrainState s = resume.state();
                if (!s.tasks().equals(names)) {
                    throw new IllegalStateException("saved state is for tasks " + s.tasks() + ", the run has " + names);
                }
                sampler.restore(s.samplerState(), s.samplerCounts());
                for (int i = 0; i < n; i++) {
                    streams.get(i).restore(s.streamEpochs()[i], s.streamPositions()[i]);
                }
                resume.optimizer().accept(optimizer);
                best = s.bestDevAverage();
                bestStep = s.bestStep();
                first = s.step() + 1;
                LOG.info("resuming after step {} (best dev average {} at step {})", s.step(),
                        String.format("%.2f", best), bestStep);
            }
            Progress progress = new Progress(config.steps(), first - 1);
            double[] losses = new double[Math.max(0, config.steps() - first + 1)];
            int skipped = 0;
            int consecutive = 0;
            long inputs = 0;
            long evalNanos = 0;
            TaskTime[] times = new TaskTime[n];
            Arrays.fill(times, TaskTime.NONE);
            for (int step = first; step <= config.steps(); step++) {
                int ti = sampler.next();
                Task<?, ?> task = tasks.get(ti);
                List<Feature> batch = streams.get(ti).next();
                Engine.getInstance().setRandomSeed(dropoutSeed(config.seed(), step));
                int batchTokens = tokens(batch);
                long stepStart = System.nanoTime();
                StepOutcome outcome = step(task, batch, skills.get(ti), params.get(ti), optimizer, step);
                times[ti] = times[ti].plus(new TaskTime(1, batch.size(), batchTokens,
                        (System.nanoTime() - stepStart) / 1e9));
                losses[step - first] = outcome.loss();
                inputs += batch.size();
                if (outcome.skipped() == null) {
                    consecutive = 0;
                } else {
                    skipped++;
                    consecutive++;
                    LOG.warn("step {} ({}): update skipped, {}", step, task.name(), outcome.skipped());
                    if (consecutive >= MAX_CONSECUTIVE_SKIPS) {
                        throw new TrainingDivergedException(step, task.name(), "the gradient, " + consecutive
                                + " steps running (" + outcome.skipped() + ")");
                    }
                }
                progress.record(outcome.loss(), batchTokens);
                if (step % config.logEvery() == 0 || step == config.steps()) {
                    progress.log(step, task.name(), outcome.loss());
                }
                boolean lastStep = step == config.steps();
                boolean savePoint = config.skipDev() ? lastStep
                        : lastStep || (config.evalEvery() > 0 && step % config.evalEvery() == 0);
                if (savePoint) {
                    long evalStart = System.nanoTime();
                    Map<String, Score> dev = Map.of();
                    double avg = best;
                    boolean keep = config.skipDev();
                    if (keep) {
                        LOG.info("step {}: no dev evaluation (skip dev); the last step's model is kept", step);
                    } else {
                        dev = evaluate("dev");
                        avg = dev.values().stream().mapToDouble(Score::value).average().orElse(0);
                        LOG.info("step {}: dev average {} ({})", step, String.format("%.2f", avg), summary(dev));
                        evaluations.evaluated(point(step, progress.elapsedSeconds(), names, streams, dev, avg));
                        keep = avg > best;
                    }
                    try {
                        if (keep) {
                            best = avg;
                            bestStep = step;
                            sink.save(step, dev, avg);
                        }
                        stateSink.save(state(step, best, bestStep, sampler, names, streams, optimizer), optimizer);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot save a checkpoint at step " + step, e);
                    }
                    evalNanos += System.nanoTime() - evalStart;
                }
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, TaskTime> taskTimes = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                counts.put(names.get(i), sampler.counts()[i]);
                taskTimes.put(names.get(i), times[i]);
            }
            LOG.info("batches per task: {}", sampler.summary());
            LOG.info("training seconds per task: {}", timeSummary(taskTimes));
            if (skipped > 0) {
                LOG.warn("{} steps skipped for non-finite gradients", skipped);
            }
            return new Result(config.steps(), bestStep, best, counts, progress.elapsedSeconds(), first, losses,
                    skipped, inputs, evalNanos / 1e9, taskTimes);
        }
    }

    private static LearningCurve.Point point(int step, double seconds, List<String> names, List<BatchStream> streams,
            Map<String, Score> dev, double avg) {
        Map<String, Long> seen = new LinkedHashMap<>();
        Map<String, Double> epochs = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            BatchStream s = streams.get(i);
            seen.put(names.get(i), s.seen());
            epochs.put(names.get(i), Math.round(1000.0 * s.seen() / s.size()) / 1000.0);
            scores.put(names.get(i), dev.get(names.get(i)).value());
        }
        return new LearningCurve.Point(step, Math.round(seconds * 10) / 10.0, seen, epochs, scores, avg);
    }

    /**
     * Freezes the embeddings and the lowest layers: their weights stop requiring a gradient, so
     * autograd records nothing below the first trained layer and the backward pass stops there.
     *
     * @param model the model
     * @param layers how many layers to freeze, with the embeddings (0: none)
     * @return which parameter names are frozen
     */
    static Predicate<String> freeze(SkillNetModel model, int layers) {
        int total = model.bert().config().numHiddenLayers();
        if (layers > total) {
            throw new UserInputException("frozen layers " + layers + " exceeds the encoder's "
                    + total + " layers");
        }
        if (layers == 0) {
            return name -> false;
        }
        Predicate<String> frozen = name -> {
            if (name.startsWith("bert.embeddings.")) {
                return true;
            }
            for (int l = 0; l < layers; l++) {
                if (name.startsWith("bert.encoder.layer." + l + ".")) {
                    return true;
                }
            }
            return false;
        };
        model.namedParameters().forEach((name, p) -> {
            if (frozen.test(name)) {
                p.getArray().setRequiresGradient(false);
            }
        });
        LOG.info("frozen: the embeddings and layers 0-{}; the backward pass stops at layer {}", layers - 1, layers);
        return frozen;
    }

    /** The dropout seed of a step: a function of the run's seed and the step only. */
    static int dropoutSeed(long seed, int step) {
        long h = seed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 31)) & Integer.MAX_VALUE;
    }

    private static TrainState state(int step, double best, int bestStep, TaskSampler sampler, List<String> names,
            List<BatchStream> streams, AdamW optimizer) {
        int n = names.size();
        int[] epochs = new int[n];
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            epochs[i] = streams.get(i).epoch();
            positions[i] = streams.get(i).position();
        }
        return new TrainState(step, best, bestStep, sampler.state(), sampler.counts(), names, epochs, positions,
                optimizer.steps());
    }

    /**
     * Evaluates every task on a split with the current weights (on dev, the first
     * {@link TrainConfig#devLimit} examples when it is set).
     *
     * @param split the split
     * @return each task's score
     */
    public Map<String, Score> evaluate(String split) {
        Map<String, Score> out = new LinkedHashMap<>();
        for (Task<?, ?> t : tasks) {
            int limit = split.equals("dev") ? config.devLimit() : 0;
            out.put(t.name(), TaskEvaluator.evaluate(t, split, limit, model, tokenizer, manager, config.evalBatchSize())
                    .score());
        }
        return out;
    }

    /**
     * What one step did.
     *
     * @param loss the batch's loss
     * @param skipped why the update was skipped (a gradient was not finite), or null
     */
    record StepOutcome(double loss, String skipped) {}

    /**
     * One optimiser step on one batch of one task. A non-finite loss stops the run; a non-finite
     * gradient norm skips the update (weights and moments untouched, gradients cleared), as
     * PyTorch's GradScaler does, and the caller stops the run if it keeps happening.
     *
     * @return the batch's loss, and whether the update was skipped
     */
    StepOutcome step(Task<?, ?> task, List<Feature> batch, int[] skills, Map<String, Parameter> params,
            AdamW optimizer, int step) {
        boolean watched = profiler.profiles(step);
        if (watched) {
            profiler.begin(step, StepProfiler.Phase.FORWARD);
        }
        try (NDManager scope = manager.newSubManager()) {
            List<Encoded> encoded = new ArrayList<>(batch.size());
            batch.forEach(f -> encoded.add(f.encoded()));
            PaddedBatch padded = PaddedBatch.of(EncoderRows.of(model.head(task.name()).pooling(), encoded),
                    tokenizer.padId(), scope);
            Objective objective = Objectives.of(task.kind().headKind());
            NDArray targets = objective.targets(batch, padded.length(), scope);
            double loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                TaskOutput out = model.forward(task.name(), padded.inputIds(), padded.tokenTypeIds(),
                        padded.attentionMask(), skills, true);
                NDArray l = objective.loss(out.logits(), targets, padded.attentionMask());
                if (out.auxLoss() != null) {
                    l = l.add(out.auxLoss().mul(Scalars.of(l, AUX_LOSS_WEIGHT)));
                }
                loss = l.getFloat();
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException(step, task.name(), "the loss (" + loss + ")");
                }
                if (watched) {
                    profiler.begin(step, StepProfiler.Phase.BACKWARD);
                }
                gc.backward(l);
            }
            if (watched) {
                profiler.begin(step, StepProfiler.Phase.UPDATE);
            }
            double encoderRate = task.declaration().encoderRate();
            String skipped = UpdateStep.apply(params, optimizer, name -> config.learningRateAt(name, step)
                    * (name.startsWith(SkillNetModel.HEADS_PREFIX) ? 1.0 : encoderRate), config.clipNorm(), scope);
            if (watched) {
                profiler.end(step, task.name(), batch.size(), batch.size() * padded.length(), padded.realTokens());
            }
            return new StepOutcome(loss, skipped);
        }
    }

    private static int tokens(List<Feature> batch) {
        int n = 0;
        for (Feature f : batch) {
            n += f.length();
        }
        return n;
    }

    private static String timeSummary(Map<String, TaskTime> times) {
        double total = times.values().stream().mapToDouble(TaskTime::seconds).sum();
        List<String> parts = new ArrayList<>();
        times.forEach((name, t) -> parts.add(String.format(Locale.ROOT,
                "%s %.0f s (%.1f%%; %d batches, %.2f s each; %.2f ms a token)", name, t.seconds(),
                total > 0 ? 100 * t.seconds() / total : 0, t.batches(), t.secondsPerBatch(), t.millisPerToken())));
        return String.join(", ", parts);
    }

    private static String probabilities(List<String> names, double[] p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(String.format(" %.3f", p[i]));
        }
        return sb.toString();
    }

    private static String summary(Map<String, Score> scores) {
        StringBuilder sb = new StringBuilder();
        scores.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format("%.2f", v.value())));
        return sb.toString();
    }
}
