package dev.skillnet.tasks.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.tasks.batch.BatchStream;
import dev.skillnet.tasks.batch.PaddedBatch;
import dev.skillnet.tasks.evaluate.ActiveSkills;
import dev.skillnet.tasks.evaluate.TaskEvaluator;
import dev.skillnet.tasks.kinds.Feature;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.tasks.sampling.TaskSampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains all tasks jointly: each step draws a task from the sampler, takes that task's next batch,
 * runs the encoder with only the task's skills and the task's head, and updates exactly the
 * parameters that ran (shared encoder, active skills, the task's head) with AdamW, after clipping
 * the gradient by its global norm. Every step runs inside its own NDManager scope.
 */
public final class JointTrainer {

    /** Receives the best model so far (by average dev main score). */
    @FunctionalInterface
    public interface BestModelSink {
        /**
         * @param step the step after which it was evaluated
         * @param dev each task's dev score
         * @param average the average main score
         * @throws IOException when saving fails
         */
        void save(int step, Map<String, Score> dev, double average) throws IOException;
    }

    /**
     * What a run did.
     *
     * @param steps steps taken
     * @param bestStep the step of the best dev average
     * @param bestDevAverage that average, in percent
     * @param taskCounts batches drawn per task
     * @param seconds wall time
     * @param losses the loss of every step, in order
     */
    public record Result(int steps, int bestStep, double bestDevAverage, Map<String, Long> taskCounts, double seconds,
            double[] losses) {}

    private static final Logger LOG = LoggerFactory.getLogger(JointTrainer.class);

    private final SkillNetModel model;
    private final List<Task<?, ?>> tasks;
    private final BertTokenizer tokenizer;
    private final TrainConfig config;
    private final NDManager manager;

    /**
     * @param model the model, with a head for every task
     * @param tasks the tasks, each with train and dev splits
     * @param tokenizer the model's tokenizer
     * @param config the training configuration
     * @param manager the manager that owns the model's parameters
     */
    public JointTrainer(SkillNetModel model, List<Task<?, ?>> tasks, BertTokenizer tokenizer, TrainConfig config,
            NDManager manager) {
        this.model = model;
        this.tasks = List.copyOf(tasks);
        this.tokenizer = tokenizer;
        this.config = config;
        this.manager = manager;
    }

    /**
     * Runs the whole schedule.
     *
     * @param sink receives each new best model
     * @return what the run did
     */
    public Result train(BestModelSink sink) {
        Engine.getInstance().setRandomSeed((int) config.seed());
        int n = tasks.size();
        List<String> names = new ArrayList<>();
        long[] sizes = new long[n];
        List<BatchStream> streams = new ArrayList<>();
        List<int[]> skills = new ArrayList<>();
        List<Map<String, Parameter>> params = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Task<?, ?> t = tasks.get(i);
            List<Feature> train = t.features("train", tokenizer).features();
            names.add(t.name());
            sizes[i] = t.examples("train").size();
            streams.add(new BatchStream(train, config.batchSize(), config.seed() * 31 + i));
            skills.add(ActiveSkills.of(model, t.declaration()));
            params.add(model.parametersFor(t.name(), skills.get(i)));
        }
        TaskSampler sampler = new TaskSampler(names, sizes, config.sampling(), config.seed());
        LOG.info("sampling {}: {}", config.sampling(), probabilities(names, sampler.probabilities()));
        Progress progress = new Progress(config.steps());
        double best = Double.NEGATIVE_INFINITY;
        int bestStep = 0;
        double[] losses = new double[config.steps()];
        try (AdamW optimizer = new AdamW(config.weightDecay(), manager)) {
            for (int step = 1; step <= config.steps(); step++) {
                int ti = sampler.next();
                Task<?, ?> task = tasks.get(ti);
                List<Feature> batch = streams.get(ti).next();
                double loss = step(task, batch, skills.get(ti), params.get(ti), optimizer, step);
                losses[step - 1] = loss;
                progress.record(loss, tokens(batch));
                if (step % config.logEvery() == 0 || step == config.steps()) {
                    progress.log(step, task.name(), loss);
                }
                boolean evalNow = step == config.steps() || (config.evalEvery() > 0 && step % config.evalEvery() == 0);
                if (evalNow) {
                    Map<String, Score> dev = evaluate("dev");
                    double avg = dev.values().stream().mapToDouble(Score::value).average().orElse(0);
                    LOG.info("step {}: dev average {} ({})", step, String.format("%.2f", avg), summary(dev));
                    if (avg > best) {
                        best = avg;
                        bestStep = step;
                        try {
                            sink.save(step, dev, avg);
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot save the best checkpoint", e);
                        }
                    }
                }
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            counts.put(names.get(i), sampler.counts()[i]);
        }
        LOG.info("batches per task: {}", sampler.summary());
        return new Result(config.steps(), bestStep, best, counts, progress.elapsedSeconds(), losses);
    }

    /**
     * Evaluates every task on a split with the current weights.
     *
     * @param split the split
     * @return each task's score
     */
    public Map<String, Score> evaluate(String split) {
        Map<String, Score> out = new LinkedHashMap<>();
        for (Task<?, ?> t : tasks) {
            out.put(t.name(), TaskEvaluator.evaluate(t, split, model, tokenizer, manager, config.evalBatchSize()).score());
        }
        return out;
    }

    /**
     * One optimiser step on one batch of one task.
     *
     * @return the batch's loss
     */
    double step(Task<?, ?> task, List<Feature> batch, int[] skills, Map<String, Parameter> params,
            AdamW optimizer, int step) {
        try (NDManager scope = manager.newSubManager()) {
            List<Encoded> encoded = new ArrayList<>(batch.size());
            batch.forEach(f -> encoded.add(f.encoded()));
            PaddedBatch padded = PaddedBatch.of(encoded, tokenizer.padId(), scope);
            NDArray targets = task.kind().targets(batch, padded.length(), scope);
            double loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.forward(task.name(), padded.inputIds(), padded.tokenTypeIds(),
                        padded.attentionMask(), skills, true);
                NDArray l = task.kind().loss(logits, targets, padded.attentionMask());
                loss = l.getFloat();
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException(step, task.name(), "the loss (" + loss + ")");
                }
                gc.backward(l);
            }
            Map<String, NDArray> grads = new LinkedHashMap<>();
            double squares = 0;
            List<String> nonFinite = new ArrayList<>();
            for (var e : params.entrySet()) {
                NDArray g = e.getValue().getArray().getGradient();
                g.attach(scope);
                grads.put(e.getKey(), g);
                double sq = g.square().sum().getFloat();
                if (!Double.isFinite(sq) && nonFinite.size() < 5) {
                    nonFinite.add(e.getKey() + " (max |g| " + g.abs().max().getFloat() + ")");
                }
                squares += sq;
            }
            double norm = Math.sqrt(squares);
            if (!Double.isFinite(norm)) {
                throw new TrainingDivergedException(step, task.name(), "the gradient norm (" + norm
                        + "; first parameters at fault: " + String.join(", ", nonFinite) + ")");
            }
            double scale = config.clipNorm() > 0 && norm > config.clipNorm() ? config.clipNorm() / (norm + 1e-6) : 1.0;
            optimizer.step(params, grads, config.learningRateAt(step), scale, scope);
            return loss;
        }
    }

    private static int tokens(List<Feature> batch) {
        int n = 0;
        for (Feature f : batch) {
            n += f.length();
        }
        return n;
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
