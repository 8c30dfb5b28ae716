package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.inference.evaluate.TaskEvaluator;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.kinds.ClassPrediction;
import dev.skillnet.tasks.kinds.SpanPrediction;
import dev.skillnet.tasks.run.Task;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dev-limit}: scoring the first k examples of a split gives exactly the first k
 * predictions of the whole split, for one input per example (tnews) and for several windows per
 * example (cmrc2018), and the score counts k examples.
 */
class DevLimitTest {

    @Test
    void theFirstExamplesArePredictedAsInTheWholeSplit(@TempDir Path tmp) {
        List<Task<?, ?>> tasks = BundledTasks.open("tnews", "cmrc2018");
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, 2, tmp.resolve("tokenizer"))) {
            SkillNetModel model = ModelFactory.fromScratch(SkillTable.defaults(), List.of(), tasks,
                    ModelSize.parse("tiny"), tokenizer.vocabSize(), 7, manager);
            for (Task<?, ?> task : tasks) {
                check(task, model, tokenizer, manager);
            }
        }
    }

    private static <E, P> void check(Task<E, P> task, SkillNetModel model, BertTokenizer tokenizer,
            NDManager manager) {
        var all = TaskEvaluator.evaluate(task, "dev", model, tokenizer, manager, 16);
        var first = TaskEvaluator.evaluate(task, "dev", 20, model, tokenizer, manager, 16);
        assertEquals(20, first.predictions().size(), task.name());
        // labels and spans, not probabilities: a batch of other inputs may round the last bits differently
        assertEquals(keys(all.predictions().subList(0, 20)), keys(first.predictions()), task.name());
        assertEquals(20, first.score().n(), task.name());
        var beyond = TaskEvaluator.evaluate(task, "dev", 1_000_000, model, tokenizer, manager, 16);
        assertEquals(all.score(), beyond.score(), task.name());
    }

    private static List<String> keys(List<?> predictions) {
        return predictions.stream().map(p -> p instanceof ClassPrediction c ? c.label()
                : p instanceof SpanPrediction s ? s.start() + ":" + s.end() + ":" + s.text() : p.toString()).toList();
    }
}
