package dev.skillnet.train.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.skillnet.core.UserInputException;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.checkpoint.SafetensorsFile;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.Declared;
import dev.skillnet.tasks.declare.TaskDeclarations;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.ModelFactory;
import dev.skillnet.train.ModelSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sparse pre-training on real text (the bundled samples): masked-LM loss falls, only the
 * objectives' skills are trained and saved, the heads carry HuggingFace's cls.* names, and the
 * folder is a starting point for fine-tuning in which untrained skills start from 'general'.
 */
class PretrainerTest {

    static final Path DECLARATIONS = Path.of("..", "declarations");
    static final Path SAMPLES = Path.of("..", "data", "samples");

    static List<Task<?, ?>> tasks(String... names) {
        Declared declared = TaskDeclarations.load(DECLARATIONS, SkillTable.defaults());
        return Arrays.stream(names).<Task<?, ?>>map(n -> Task.open(declared.get(n), SAMPLES)).toList();
    }

    static PretrainConfig config(int steps, double pairFraction) {
        return new PretrainConfig(steps, 16, 2e-3, 0.05, 0.01, 1.0, 64, 0.15, pairFraction, PairObjective.NSP,
                List.of("token", "general"), List.of("sequence", "pair", "general"), 50, 3);
    }

    @Test
    void maskedLmLearnsAndOnlyTrainedSkillsAreSavedUnderHuggingFaceNames(@TempDir Path tmp) {
        PretrainCorpus corpus = PretrainCorpus.fromTasks(tasks("chnsenticorp", "afqmc"));
        Path out = tmp.resolve("pre");
        Pretrainer.Result r = new PretrainJob(new PretrainJob.Config(out, null, ModelSize.parse("tiny"),
                SkillTable.defaults(), corpus, 2, config(300, 0.3))).run();
        assertTrue(r.pairSteps() > 50 && r.mlmSteps() > 150, r.mlmSteps() + " / " + r.pairSteps());
        double first = Arrays.stream(r.mlmLosses(), 0, 20).average().orElseThrow();
        double last = Arrays.stream(r.mlmLosses(), r.mlmSteps() - 20, r.mlmSteps()).average().orElseThrow();
        assertTrue(last < first - 1.0, "masked-LM loss " + first + " -> " + last);

        Map<String, SafetensorsFile.Entry> keys = SafetensorsFile.open(out.resolve("model.safetensors")).entries();
        for (String k : List.of("cls.predictions.bias", "cls.predictions.transform.dense.weight",
                "cls.predictions.transform.LayerNorm.weight", "cls.seq_relationship.weight",
                "bert.encoder.layer.0.skills.token.intermediate.dense.weight",
                "bert.encoder.layer.1.skills.pair.output.dense.weight",
                "bert.encoder.layer.1.intermediate.dense.weight")) {
            assertTrue(keys.containsKey(k), k);
        }
        for (String untrained : List.of("sentiment", "entity", "question")) {
            assertFalse(keys.keySet().stream().anyMatch(k -> k.contains(".skills." + untrained + ".")), untrained);
        }
        assertTrue(Files.isRegularFile(out.resolve("vocab.txt")));

        List<Task<?, ?>> fine = tasks("chnsenticorp");
        try (NDManager manager = NDManager.newBaseManager()) {
            SkillNetModel model = ModelFactory.fromPretrained(out, SkillTable.defaults(), List.of(), fine, 1, manager);
            SafetensorsFile file = SafetensorsFile.open(out.resolve("model.safetensors"));
            var params = model.namedParameters();
            String general = "bert.encoder.layer.1.skills.general.intermediate.dense.weight";
            assertArrayEquals(file.readFloats(general), params.get(general).getArray().toFloatArray());
            assertArrayEquals(file.readFloats(general),
                    params.get("bert.encoder.layer.1.skills.sentiment.intermediate.dense.weight").getArray().toFloatArray(),
                    "an untrained skill starts as a copy of general");
        }
    }

    @Test
    void maskedLmStepsLeaveThePairSkillsAndThePairHeadAlone(@TempDir Path tmp) {
        PretrainCorpus corpus = PretrainCorpus.fromTasks(tasks("chnsenticorp"));
        Path a = tmp.resolve("a");
        new PretrainJob(new PretrainJob.Config(a, null, ModelSize.parse("tiny"), SkillTable.defaults(), corpus, 2,
                config(1, 0))).run();
        Path b = tmp.resolve("b");
        new PretrainJob(new PretrainJob.Config(b, a, ModelSize.parse("tiny"), SkillTable.defaults(), corpus, 2,
                config(30, 0))).run();
        SafetensorsFile before = SafetensorsFile.open(a.resolve("model.safetensors"));
        SafetensorsFile after = SafetensorsFile.open(b.resolve("model.safetensors"));
        for (String k : List.of("cls.seq_relationship.weight", "bert.pooler.dense.weight")) {
            assertArrayEquals(before.readFloats(k), after.readFloats(k), k + " must not move on masked-LM steps");
        }
        for (String k : List.of("cls.predictions.transform.dense.weight",
                "bert.encoder.layer.0.skills.token.intermediate.dense.weight",
                "bert.embeddings.word_embeddings.weight")) {
            assertFalse(Arrays.equals(before.readFloats(k), after.readFloats(k)), k + " must learn");
        }
        assertEquals(Set.of(), Set.copyOf(PretrainJobFixtures.skillsIn(after).stream()
                .filter(s -> !Set.of("token", "general").contains(s)).toList()), "only MLM skills are saved");
    }

    @Test
    void continuingKeepsTheSkillsTheEarlierRunTrained(@TempDir Path tmp) {
        PretrainCorpus corpus = PretrainCorpus.fromTasks(tasks("afqmc"));
        Path a = tmp.resolve("a");
        new PretrainJob(new PretrainJob.Config(a, null, ModelSize.parse("tiny"), SkillTable.defaults(), corpus, 2,
                config(20, 0.5))).run();
        Path b = tmp.resolve("b");
        PretrainConfig mlmOnly = new PretrainConfig(10, 16, 2e-3, 0.05, 0.01, 1.0, 64, 0.15, 0, PairObjective.NONE,
                List.of("token", "general"), List.of(), 50, 3);
        new PretrainJob(new PretrainJob.Config(b, a, ModelSize.parse("tiny"), SkillTable.defaults(), corpus, 2,
                mlmOnly)).run();
        SafetensorsFile before = SafetensorsFile.open(a.resolve("model.safetensors"));
        SafetensorsFile after = SafetensorsFile.open(b.resolve("model.safetensors"));
        assertEquals(Set.of("general", "pair", "sequence", "token"), PretrainJobFixtures.skillsIn(after));
        String pair = "bert.encoder.layer.0.skills.pair.intermediate.dense.weight";
        assertArrayEquals(before.readFloats(pair), after.readFloats(pair), "the pair skill survives, unchanged");
    }

    @Test
    void unknownSkillsAndMissingTextAreUserErrors(@TempDir Path tmp) {
        PretrainCorpus corpus = PretrainCorpus.fromTasks(tasks("chnsenticorp"));
        PretrainConfig bad = new PretrainConfig(5, 4, 1e-3, 0, 0, 1, 32, 0.15, 0.5, PairObjective.NSP,
                List.of("humour"), List.of("pair"), 1, 1);
        UserInputException e = assertThrows(UserInputException.class, () -> new PretrainJob(new PretrainJob.Config(
                tmp.resolve("x"), null, ModelSize.parse("tiny"), SkillTable.defaults(), corpus, 2, bad)).run());
        assertTrue(e.getMessage().contains("humour"), e.getMessage());
        UserInputException missing = assertThrows(UserInputException.class,
                () -> PretrainCorpus.fromFiles(List.of(tmp.resolve("nowhere.txt"))));
        assertTrue(missing.getMessage().contains("nowhere.txt"), missing.getMessage());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing written after an error");
    }
}
