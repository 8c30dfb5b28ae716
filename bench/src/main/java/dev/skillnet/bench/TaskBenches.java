package dev.skillnet.bench;

import ai.djl.ndarray.NDManager;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.inference.evaluate.TaskEvaluator;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.batch.BatchStream;
import dev.skillnet.tasks.declare.Declared;
import dev.skillnet.tasks.declare.TaskDeclarations;
import dev.skillnet.tasks.kinds.Feature;
import dev.skillnet.tasks.run.ExampleTexts;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.ModelFactory;
import dev.skillnet.train.ModelSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Benchmarks over real task data: inference per task type, the tokenizer, and padding waste. */
final class TaskBenches {

    /** One task per task type. */
    static final List<String> BY_TYPE = List.of("tnews", "afqmc", "msra_ner", "cmrc2018");

    private TaskBenches() {}

    static List<Task<?, ?>> open(Path declarations, Path dataRoot, List<String> names) {
        Declared declared = TaskDeclarations.load(declarations, SkillTable.defaults());
        List<Task<?, ?>> tasks = new ArrayList<>();
        for (String n : names) {
            declared.find(n).ifPresent(d -> tasks.add(Task.open(d, dataRoot)));
        }
        return tasks;
    }

    static BertTokenizer tokenizer(List<Task<?, ?>> tasks) {
        try {
            return ModelFactory.scratchTokenizer(tasks, 2, Files.createTempDirectory("skillnet-bench-vocab"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Evaluation throughput of a from-scratch tiny model on each task's test split (features are
     * made before the clock starts: this is the model's speed).
     *
     * @return examples per second by task type
     */
    static Map<String, Double> inference(List<Task<?, ?>> tasks, BertTokenizer tokenizer) {
        Map<String, Double> out = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            SkillNetModel model = ModelFactory.fromScratch(SkillTable.defaults(), List.of(), tasks,
                    ModelSize.parse("tiny"), tokenizer.vocabSize(), 3, manager);
            for (Task<?, ?> t : tasks) {
                t.features("test", tokenizer);
                TaskEvaluator.evaluate(t, "test", model, tokenizer, manager, 64); // warm-up
                long start = System.nanoTime();
                int n = t.examples("test").size();
                TaskEvaluator.evaluate(t, "test", model, tokenizer, manager, 64);
                double seconds = (System.nanoTime() - start) / 1e9;
                out.put(t.declaration().type().name().toLowerCase(java.util.Locale.ROOT) + " (" + t.name() + ")",
                        n / seconds);
            }
        }
        return out;
    }

    /** @return single-text encodes per second (max length 128) over the tasks' training texts */
    static double tokenizer(List<Task<?, ?>> tasks, BertTokenizer tokenizer, double seconds) {
        List<String> texts = new ArrayList<>();
        for (Task<?, ?> t : tasks) {
            for (Object e : t.examples("train")) {
                texts.addAll(ExampleTexts.of(e));
            }
        }
        for (int i = 0; i < Math.min(texts.size(), 1000); i++) {
            tokenizer.encode(texts.get(i), null, 128);
        }
        long count = 0;
        long start = System.nanoTime();
        double elapsed;
        do {
            for (String text : texts) {
                tokenizer.encode(text, null, 128);
            }
            count += texts.size();
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < seconds);
        return count / elapsed;
    }

    /**
     * Share of padding tokens in one epoch of each task's length-bucketed training batches.
     *
     * @return padding tokens / all tokens (percent), by task, and "all"
     */
    static Map<String, Double> paddingWaste(List<Task<?, ?>> tasks, BertTokenizer tokenizer, int batchSize) {
        Map<String, Double> out = new LinkedHashMap<>();
        long allPadded = 0;
        long allReal = 0;
        for (Task<?, ?> t : tasks) {
            List<Feature> features = t.features("train", tokenizer).features();
            BatchStream stream = new BatchStream(features, batchSize, 13);
            long padded = 0;
            long real = 0;
            while (true) {
                List<Feature> batch = stream.next();
                if (stream.epoch() > 0) {
                    break;
                }
                int max = 0;
                for (Feature f : batch) {
                    max = Math.max(max, f.length());
                    real += f.length();
                }
                padded += (long) max * batch.size();
            }
            out.put(t.name(), 100.0 * (padded - real) / padded);
            allPadded += padded;
            allReal += real;
        }
        out.put("all", 100.0 * (allPadded - allReal) / Math.max(1, allPadded));
        return out;
    }
}
