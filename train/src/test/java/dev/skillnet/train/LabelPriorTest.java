package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonParser;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.kinds.Feature;
import dev.skillnet.tasks.kinds.LabelSet;
import dev.skillnet.tasks.run.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new head starts predicting its training labels' prior: softmax of its output bias is the
 * labels' frequency, counted here straight from the sample files (the training split is nine
 * tenths of each, so the two agree to sampling noise); a span head is left at 0.
 */
class LabelPriorTest {

    @Test
    void theBiasIsTheCentredLogOfTheCountsWithOneAdded() {
        // counts 3, 1, 0 (one target ignored) become 4, 2, 1 of 7
        float[] bias = LabelPrior.logFrequencies(3, List.of(new int[] {0}, new int[] {0, Feature.IGNORE, 1},
                new int[] {0}));
        double mean = (Math.log(4.0 / 7) + Math.log(2.0 / 7) + Math.log(1.0 / 7)) / 3;
        assertArrayEquals(new float[] {(float) (Math.log(4.0 / 7) - mean), (float) (Math.log(2.0 / 7) - mean),
                (float) (Math.log(1.0 / 7) - mean)}, bias, 1e-6f);
        assertArrayEquals(new float[] {0f, 0f}, LabelPrior.logFrequencies(2, List.of()), "no labels: no prior");
    }

    @Test
    void aTargetOutsideTheLabelsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LabelPrior.logFrequencies(2, List.of(new int[] {2})));
        assertThrows(IllegalArgumentException.class, () -> LabelPrior.logFrequencies(2, List.of(new int[] {-1})));
    }

    @Test
    void newHeadsPredictTheirSampleFilesLabelFrequencies(@TempDir Path tmp) throws IOException {
        List<Task<?, ?>> tasks = BundledTasks.open("msra_ner", "tnews", "cmrc2018");
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, 2, tmp)) {
            SkillNetModel model = ModelFactory.fromScratch(SkillTable.defaults(), List.of(), tasks,
                    ModelSize.parse("tiny"), tokenizer.vocabSize(), 5, manager);
            LabelPrior.apply(model, tasks, tokenizer);

            double[] tags = new double[tasks.get(0).labels().size()];
            for (String line : Files.readAllLines(BundledTasks.SAMPLES.resolve("msra_ner/train.txt"))) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length == 2) {
                    tags[tasks.get(0).labels().indexOf(cols[1])]++;
                }
            }
            assertPredicts(frequencies(tags), bias(model, "heads.msra_ner.classifier.bias"), "msra_ner's tags");

            LabelSet topics = tasks.get(1).labels();
            double[] counts = new double[topics.size()];
            for (String line : Files.readAllLines(BundledTasks.SAMPLES.resolve("tnews/train.json"),
                    StandardCharsets.UTF_8)) {
                counts[topics.indexOf(JsonParser.parseString(line).getAsJsonObject().get("label").getAsString())]++;
            }
            assertPredicts(frequencies(counts), bias(model, "heads.tnews.classifier.bias"), "tnews's topics");

            assertArrayEquals(new float[] {0f, 0f}, bias(model, "heads.cmrc2018.qa_outputs.bias"),
                    "a span head has no label prior");
        }
    }

    private static float[] bias(SkillNetModel model, String name) {
        return model.namedParameters().get(name).getArray().toFloatArray();
    }

    private static double[] frequencies(double[] counts) {
        double total = Arrays.stream(counts).sum();
        return Arrays.stream(counts).map(c -> c / total).toArray();
    }

    private static void assertPredicts(double[] expected, float[] bias, String what) {
        double[] softmax = new double[bias.length];
        double sum = 0;
        for (int i = 0; i < bias.length; i++) {
            softmax[i] = Math.exp(bias[i]);
            sum += softmax[i];
        }
        for (int i = 0; i < bias.length; i++) {
            assertEquals(expected[i], softmax[i] / sum, 0.02, what + ": label " + i);
        }
    }
}
