package dev.skillnet.bench;

import ai.djl.ndarray.NDManager;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.inference.evaluate.TaskEvaluator;
import dev.skillnet.inference.evaluate.TaskLogits;
import dev.skillnet.onnx.EvalEngine;
import dev.skillnet.tasks.run.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluation engines side by side in one process: a trained model's test split of each chosen task
 * evaluated by every engine in turn ({@code pytorch}, {@code onnx}, {@code onnx-int8}, then again),
 * so that a drift of the machine falls on all of them alike. A round's time is the whole
 * evaluation a user waits for, ONNX export and session loading included; features are made before
 * the first clock starts.
 */
public final class EngineBench {

    private static final Logger LOG = LoggerFactory.getLogger(EngineBench.class);

    /**
     * One engine on one task.
     *
     * @param task the task
     * @param engine the engine's name
     * @param seconds each round's wall time
     * @param medianSeconds their median
     * @param score the main score (the same every round)
     * @param metric the main metric's name
     * @param examples test examples
     * @param speedup the pytorch engine's median over this one's
     */
    public record Row(String task, String engine, List<Double> seconds, double medianSeconds, double score,
            String metric, int examples, double speedup) {}

    /**
     * @param model the model folder
     * @param data the data root
     * @param rounds rounds per engine
     * @param threads ONNX Runtime's intra-op threads (the machine's cores)
     * @param rows task by task, engine by engine
     */
    public record Result(String model, String data, int rounds, int threads, List<Row> rows) {}

    private EngineBench() {}

    /**
     * @param model a trained model folder
     * @param data the data root holding the tasks' test splits
     * @param tasks the tasks (empty: all of the model's)
     * @param rounds rounds per engine, alternated
     * @return the figures
     */
    public static Result run(Path model, Path data, List<String> tasks, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        int threads = Runtime.getRuntime().availableProcessors();
        List<Row> rows = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager();
                TrainedModel trained = TrainedModel.load(model, manager)) {
            for (Task<?, ?> t : trained.tasks(data, tasks)) {
                t.features("test", trained.tokenizer());
                Map<EvalEngine, double[]> seconds = new LinkedHashMap<>();
                Map<EvalEngine, TaskEvaluator.Evaluated<?>> results = new LinkedHashMap<>();
                for (int round = 0; round < rounds; round++) {
                    for (EvalEngine engine : EvalEngine.values()) {
                        long start = System.nanoTime();
                        try (TaskLogits logits = engine.open(trained.model(), trained.tokenizer().padId(), manager)) {
                            results.put(engine, TaskEvaluator.evaluate(t, "test", 0, logits, trained.tokenizer(), 64));
                        }
                        double s = (System.nanoTime() - start) / 1e9;
                        seconds.computeIfAbsent(engine, e -> new double[rounds])[round] = s;
                        LOG.info("{} round {} {}: {} in {} s", t.name(), round + 1, engine.label(),
                                results.get(engine).score().format(), String.format(Locale.ROOT, "%.1f", s));
                    }
                }
                double reference = median(seconds.get(EvalEngine.PYTORCH));
                for (EvalEngine engine : EvalEngine.values()) {
                    double m = median(seconds.get(engine));
                    var score = results.get(engine).score();
                    rows.add(new Row(t.name(), engine.label(), Arrays.stream(seconds.get(engine)).boxed().toList(), m,
                            score.value(), score.metric(), t.examples("test").size(), reference / m));
                }
            }
        }
        return new Result(model.toString(), data.toString(), rounds, threads, rows);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * @param r the figures
     * @return a Markdown table
     */
    public static String markdown(Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Evaluation engines on %s, data %s: %d round(s) each, alternated; ONNX "
                + "Runtime with %d threads.%n%n", r.model(), r.data(), r.rounds(), r.threads()));
        out.append("| task | examples | engine | seconds (each round) | median s | speed-up over pytorch | score |\n");
        out.append("|---|---:|---|---|---:|---:|---|\n");
        for (Row row : r.rows()) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.1f | %.2f | %s %.2f |%n", row.task(),
                    row.examples(), row.engine(), row.seconds().stream()
                            .map(s -> String.format(Locale.ROOT, "%.1f", s)).toList(),
                    row.medianSeconds(), row.speedup(), row.metric(), row.score()));
        }
        return out.toString();
    }
}
