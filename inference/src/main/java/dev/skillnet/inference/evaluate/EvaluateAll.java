package dev.skillnet.inference.evaluate;

import ai.djl.ndarray.NDManager;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.eval.report.Report;
import dev.skillnet.eval.report.TaskResult;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.tasks.run.Task;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Evaluates every task of a model on one split in one process, with each task's majority baseline. */
public final class EvaluateAll {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateAll.class);

    private EvaluateAll() {}

    /**
     * @param tasks the tasks to evaluate
     * @param split the split (usually {@code test})
     * @param model the model
     * @param tokenizer its tokenizer
     * @param manager parent of per-batch scopes
     * @param batchSize inputs per forward pass
     * @return the report
     */
    public static Report run(List<Task<?, ?>> tasks, String split, SkillNetModel model, BertTokenizer tokenizer,
            NDManager manager, int batchSize) {
        return run(tasks, split, new ModelLogits(model, tokenizer.padId(), manager), tokenizer, batchSize);
    }

    /**
     * @param tasks the tasks to evaluate
     * @param split the split (usually {@code test})
     * @param logits what runs the forward passes
     * @param tokenizer the model's tokenizer
     * @param batchSize inputs per forward pass
     * @return the report
     */
    public static Report run(List<Task<?, ?>> tasks, String split, TaskLogits logits, BertTokenizer tokenizer,
            int batchSize) {
        List<TaskResult> results = new ArrayList<>();
        for (Task<?, ?> t : tasks) {
            results.add(one(t, split, logits, tokenizer, batchSize));
        }
        return new Report(split, results);
    }

    private static <E, P> TaskResult one(Task<E, P> task, String split, TaskLogits logits, BertTokenizer tokenizer,
            int batchSize) {
        long start = System.nanoTime();
        Score score = TaskEvaluator.evaluate(task, split, 0, logits, tokenizer, batchSize).score();
        logits.release(task.declaration());
        Score baseline = task.splits().contains("train")
                ? task.kind().decoder().baseline(task.examples("train"), task.examples(split), task.labels(),
                        task.declaration().metric())
                : null;
        LOG.info("{} {}: {} in {} s", task.name(), split, score.format(),
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return new TaskResult(task.name(), task.declaration().skills(), score, baseline);
    }
}
