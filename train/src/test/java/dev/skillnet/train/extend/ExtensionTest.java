package dev.skillnet.train.extend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.skillnet.core.UserInputException;
import dev.skillnet.eval.report.Report;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.train.JobConfig;
import dev.skillnet.train.ModelSize;
import dev.skillnet.train.Routing;
import dev.skillnet.train.TrainConfig;
import dev.skillnet.train.TrainingJob;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extending a trained model with a new task: with a new skill and everything old frozen, the old
 * weights stay bit-identical (so the old task cannot be forgotten) while the new skill and head
 * learn; head-only training moves the head alone; a bad request is a user error.
 */
class ExtensionTest {

    static final Path DECLARATIONS = Path.of("..", "declarations");
    static final Path SAMPLES = Path.of("..", "data", "samples");
    static final TrainConfig SHORT = new TrainConfig(20, 16, 1e-3, 0.1, 0.01, 1.0, 20, 20, 64, 5,
            SamplingConfig.proportional());

    static Path base;

    @BeforeAll
    static void trainBase() throws Exception {
        base = base();
    }

    /**
     * A tiny model trained on chnsenticorp, skills in every layer, shared by the extension tests of
     * this JVM and deleted when it exits.
     *
     * @return its run folder
     */
    static synchronized Path base() throws Exception {
        if (trained == null) {
            Path dir = Files.createTempDirectory("skillnet-extension-base");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            new TrainingJob(new JobConfig(dir, DECLARATIONS, null, SAMPLES, List.of("chnsenticorp"), null,
                    ModelSize.parse("tiny"), Routing.skills(List.of()), 2, SHORT)).run();
            trained = dir;
        }
        return trained;
    }

    private static Path trained;

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    static Path declaration(Path dir, String skills, String newSkills) throws Exception {
        String json = Files.readString(DECLARATIONS.resolve("tnews.json"))
                .replace("\"skills\": [\"sequence\", \"general\"],", "\"skills\": " + skills + "," + newSkills);
        return Files.writeString(dir.resolve("tnews.json"), json);
    }

    static Map<String, float[]> weights(Path model) {
        try (NDManager manager = NDManager.newBaseManager(); TrainedModel trained = TrainedModel.load(model, manager)) {
            Map<String, float[]> out = new LinkedHashMap<>();
            trained.model().namedParameters()
                    .forEach((k, p) -> out.put(k, p.getArray().toFloatArray()));
            return out;
        }
    }

    @Test
    void newSkillWithOldPartsFrozenLeavesEveryOldWeightAsItWas(@TempDir Path tmp) throws Exception {
        Path decl = declaration(tmp, "[\"sequence\", \"topic\", \"general\"]",
                " \"new_skills\": [{\"name\": \"topic\", \"description\": \"news topics\"}],");
        Report report = new ExtensionJob(new ExtensionJob.Config(base.resolve("best"), decl, SAMPLES, tmp.resolve("ext"),
                Freeze.NEW, SHORT)).run();
        assertEquals(List.of("chnsenticorp", "tnews"), report.results().stream().map(r -> r.task()).sorted().toList());
        Map<String, float[]> before = weights(base.resolve("best"));
        Map<String, float[]> after = weights(tmp.resolve("ext").resolve("best"));
        for (var e : before.entrySet()) {
            assertArrayEquals(e.getValue(), after.get(e.getKey()), 0f, e.getKey() + " must stay as it was");
        }
        String topic = "bert.encoder.layer.1.skills.topic.intermediate.dense.weight";
        String general = "bert.encoder.layer.1.skills.general.intermediate.dense.weight";
        assertFalse(java.util.Arrays.equals(after.get(topic), after.get(general)), "the new skill learned");
        assertTrue(after.containsKey("heads.tnews.classifier.weight"));
        assertEquals(chn(base.resolve("results.json")), chn(tmp.resolve("ext").resolve("results.json")),
                "the old task's test score is unchanged");
    }

    @Test
    void headOnlyMovesTheHeadAlone(@TempDir Path tmp) throws Exception {
        Path decl = declaration(tmp, "[\"sequence\", \"general\"]", "");
        new ExtensionJob(new ExtensionJob.Config(base.resolve("best"), decl, SAMPLES, tmp.resolve("ext"), Freeze.HEAD,
                SHORT)).run();
        Map<String, float[]> before = weights(base.resolve("best"));
        Map<String, float[]> after = weights(tmp.resolve("ext").resolve("best"));
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), 0f, k));
        assertEquals(before.size() + 2, after.size(), "only the new head's weight and bias are new");
    }

    @Test
    void chosenSkillsAreTheOnesTheSavedModelRoutesThrough(@TempDir Path tmp) throws Exception {
        Path decl = declaration(tmp, "[\"sequence\", \"general\"]", "");
        new ExtensionJob(new ExtensionJob.Config(base.resolve("best"), decl, SAMPLES, tmp.resolve("ext"), Freeze.HEAD,
                SHORT).withSkills(List.of("sentiment", "pair"))).run();
        try (NDManager manager = NDManager.newBaseManager();
                TrainedModel trained = TrainedModel.load(tmp.resolve("ext").resolve("best"), manager)) {
            assertEquals(List.of("sentiment", "pair"), trained.declared().find("tnews").orElseThrow().skills());
            assertEquals(List.of("sequence", "sentiment", "general"),
                    trained.declared().find("chnsenticorp").orElseThrow().skills(), "old tasks keep their skills");
        }
        assertTrue(Files.readString(tmp.resolve("ext").resolve("best").resolve("tasks").resolve("tnews.json"))
                .contains("\"description\""), "the rest of the declaration is kept");
    }

    @Test
    void trainingOnlyNewSkillsNeedsANewSkillAndTaskNamesMustBeNew(@TempDir Path tmp) throws Exception {
        Path decl = declaration(tmp, "[\"sequence\", \"general\"]", "");
        UserInputException none = assertThrows(UserInputException.class, () -> new ExtensionJob(
                new ExtensionJob.Config(base.resolve("best"), decl, SAMPLES, tmp.resolve("x"), Freeze.NEW, SHORT)).run());
        assertTrue(none.getMessage().contains("new_skills"), none.getMessage());
        Path again = Files.writeString(tmp.resolve("chnsenticorp.json"),
                Files.readString(DECLARATIONS.resolve("chnsenticorp.json")));
        UserInputException dup = assertThrows(UserInputException.class, () -> new ExtensionJob(
                new ExtensionJob.Config(base.resolve("best"), again, SAMPLES, tmp.resolve("y"), Freeze.ALL, SHORT)).run());
        assertTrue(dup.getMessage().contains("already has a task"), dup.getMessage());
        assertFalse(Files.exists(tmp.resolve("x")) || Files.exists(tmp.resolve("y")));
    }

    /** The chnsenticorp entry's main score in a results.json. */
    private static double chn(Path results) throws Exception {
        return com.google.gson.JsonParser.parseString(Files.readString(results)).getAsJsonObject()
                .getAsJsonObject("tasks").getAsJsonObject("chnsenticorp").get("main_score").getAsDouble();
    }
}
