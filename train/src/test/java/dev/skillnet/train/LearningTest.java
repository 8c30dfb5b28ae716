package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joint training on small real subsets makes the loss fall and accuracy rise above chance. */
class LearningTest {

    @Test
    void lossFallsAndSentimentAccuracyBeatsChance(@TempDir Path tmp) {
        List<Task<?, ?>> tasks = BundledTasks.open("chnsenticorp", "tnews");
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, 2, tmp)) {
            SkillNetModel model = ModelFactory.fromScratch(SkillTable.defaults(), List.of(), tasks, ModelSize.parse("tiny"),
                    tokenizer.vocabSize(), 7, manager);
            TrainConfig config = new TrainConfig(700, 32, 2e-3, 0.05, 0.01, 1.0, 0, 100, 64, 7,
                    SamplingConfig.uniform());
            JointTrainer trainer = new JointTrainer(model, tasks, tokenizer, config, manager);
            JointTrainer.Result result = trainer.train((step, dev, avg) -> { });
            double first = Arrays.stream(result.losses(), 0, 100).average().orElseThrow();
            double last = Arrays.stream(result.losses(), 600, 700).average().orElseThrow();
            assertTrue(last < 0.8 * first, "mean loss of the first 100 steps " + first + ", of the last 100 " + last);
            Map<String, Score> dev = trainer.evaluate("dev");
            assertTrue(dev.get("chnsenticorp").value() > 65, "chnsenticorp dev accuracy " + dev.get("chnsenticorp"));
            assertTrue(dev.get("tnews").value() > 1.5 * 100.0 / 15, "tnews dev accuracy " + dev.get("tnews"));
        }
    }
}
