package dev.skillnet.train.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.train.JobConfig;
import dev.skillnet.train.Mode;
import dev.skillnet.train.ModelSize;
import dev.skillnet.train.Throughput;
import dev.skillnet.train.TrainConfig;
import dev.skillnet.train.pretrain.PairObjective;
import dev.skillnet.train.pretrain.PretrainConfig;
import dev.skillnet.train.sampling.SamplingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment runner: every variant through the same job, reported as JSON, Markdown and a PNG chart. */
class ExperimentTest {

    @Test
    void variantsAreRunAndReported(@TempDir Path tmp) throws Exception {
        JobConfig template = JobConfig.builder().setOut(tmp).setTasksDir(Path.of("..", "declarations"))
                .setDataRoot(Path.of("..", "data", "samples")).optTaskNames(List.of("chnsenticorp"))
                .optSize(ModelSize.parse("tiny"))
                .setTrain(new TrainConfig(12, 16, 1e-3, 0.1, 0.01, 1.0, 12, 12, 64, 5, SamplingConfig.proportional()))
                .build();
        PretrainConfig pretrain = PretrainConfig.builder().optSteps(10).optBatchSize(8).optWarmupFraction(0.1)
                .optMaxLength(64).optPairObjective(PairObjective.SOP).optLogEvery(5).optSeed(5).build();
        List<VariantResult> results = new Experiment(ExperimentConfig.builder().setOut(tmp).setTemplate(template)
                .optModes(List.of(Mode.SKILL, Mode.DENSE)).optSeeds(List.of(5L, 6L)).optPretrain(pretrain).build()).run();
        assertEquals(List.of("skill", "dense", "skill+pretrain", Experiment.EQUAL_TIME),
                results.stream().map(VariantResult::name).toList());
        for (VariantResult v : results) {
            assertEquals(2, v.scores().get("chnsenticorp").size(), "one score per seed");
            assertTrue(v.activated().get("chnsenticorp") > 0);
            assertEquals(2, v.throughput().size(), "one throughput per seed");
            for (Throughput t : v.throughput()) {
                // 12 steps of at most 16; only an epoch's last batch can be short, and there is at most one
                if (!v.name().equals(Experiment.EQUAL_TIME)) {
                    assertTrue(t.trainInputs() > 12 * 16 - 16 && t.trainInputs() <= 12 * 16, "inputs " + t.trainInputs());
                }
                assertEquals(500, t.testExamples(), "chnsenticorp's test sample");
                assertTrue(t.trainSeconds() > 0 && t.testSeconds() > 0);
            }
        }
        VariantResult skill = results.get(0);
        VariantResult dense = results.get(1);
        for (int seed = 0; seed < 2; seed++) {
            assertTrue(results.get(3).throughput().get(seed).trainInputs() > skill.throughput().get(seed).trainInputs(),
                    "without pre-training, skill training gets pre-training's seconds as more steps");
        }
        assertTrue(skill.activated().get("chnsenticorp") > dense.activated().get("chnsenticorp"),
                "three skills activate more than one shared feed-forward");
        assertTrue(skill.stored() > dense.stored(), "seven skills per layer store more than one feed-forward");
        assertTrue(dense.stored() >= dense.activated().get("chnsenticorp"), "a model stores at least what a token runs");
        ExperimentReport.write(tmp, results, List.of(5L, 6L), "./skillnet experiment ...");
        JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve("experiment.json"))).getAsJsonObject();
        assertEquals(4, json.getAsJsonArray("variants").size());
        String md = Files.readString(tmp.resolve("experiment.md"));
        assertTrue(md.contains("| skill+pretrain |"), md);
        assertTrue(md.contains("train inputs/s | test examples/s |"), md);
        assertTrue(md.contains("±"), "the spread over two seeds is shown:\n" + md);
        // skill against dense, skill+pretrain against skill at equal steps and at equal time: on
        // chnsenticorp and the average
        assertEquals(6, json.getAsJsonArray("findings").size());
        assertTrue(md.contains("| skill+pretrain better than skill, equal time | chnsenticorp |"), md);
        JsonObject first = json.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals(List.of("skill", "dense", "chnsenticorp"), List.of(first.get("first").getAsString(),
                first.get("second").getAsString(), first.get("task").getAsString()));
        assertEquals(VariantResult.mean(skill.scores().get("chnsenticorp"))
                - VariantResult.mean(dense.scores().get("chnsenticorp")), first.get("mean_difference").getAsDouble(), 1e-9);
        assertTrue(md.contains("| skill better than dense | chnsenticorp |"), md);
        assertBarsShowTheMeans(tmp.resolve("experiment.png"), results);
    }

    /**
     * Decodes the chart and measures each bar: in the chart's layout (one group per task, then the
     * average; 22 pixels per variant; 290 pixels for 100 points above the axis at y = 330), every
     * bar is as many pixels of its variant's colour tall as its mean score says, and the black line
     * over its middle runs from mean − sd to mean + sd, the means and standard deviations worked out
     * here from the per-seed scores.
     */
    private static void assertBarsShowTheMeans(Path png, List<VariantResult> results) throws IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        int[] colours = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728};
        int groupWidth = 40 + 22 * results.size();
        assertEquals(90 + 2 * groupWidth + 40, image.getWidth());
        assertTrue(image.getHeight() >= 420, "the legend's rows below the chart");
        for (int group = 0; group < 2; group++) {
            for (int v = 0; v < results.size(); v++) {
                List<Double> values = group == 0 ? results.get(v).scores().get("chnsenticorp")
                        : results.get(v).averages();
                double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
                int x = 60 + 20 + group * groupWidth + v * 22 + 3; // beside the spread's line in the middle
                int tall = 0;
                for (int y = 0; y < 330; y++) {
                    tall += (image.getRGB(x, y) & 0xFFFFFF) == colours[v] ? 1 : 0;
                }
                assertEquals(Math.round(290 * mean / 100), tall, 1.0,
                        results.get(v).name() + (group == 0 ? " chnsenticorp" : " average") + " bar, mean " + mean);
                double ss = values.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum();
                double sd = Math.sqrt(ss / (values.size() - 1));
                int black = 0;
                for (int y = 0; y < 330; y++) {
                    black += (image.getRGB(x + 6, y) & 0xFFFFFF) == 0 ? 1 : 0;
                }
                assertEquals(Math.round(290 * Math.min(100, mean + sd) / 100) - Math.round(290 * Math.max(0, mean - sd) / 100)
                        + 1, black, 2.0, results.get(v).name() + " spread line, sd " + sd);
            }
        }
    }
}
