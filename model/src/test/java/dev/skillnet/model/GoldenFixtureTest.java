package dev.skillnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.skillnet.core.UserInputException;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import dev.skillnet.model.checkpoint.SafetensorsFile;
import dev.skillnet.model.checkpoint.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encoder reproduces HuggingFace BertModel's outputs on the golden fixture. */
class GoldenFixtureTest {

    static final double TOLERANCE = 1e-4;
    static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void plainBertReproducesGoldenOutputs() throws IOException {
        TinyBertFixture f = TinyBertFixture.load();
        BertModel model = BertCheckpoint.load(f.dir, List.of(), manager);
        assertMatchesGolden(f, model, Set.of());
    }

    @Test
    void everySkillStartsAsTheCheckpointsFeedForwardSoAnyActiveSetGivesPlainBert() throws IOException {
        TinyBertFixture f = TinyBertFixture.load();
        BertModel model = BertCheckpoint.load(f.dir, List.of("sequence", "token", "general"), manager);
        assertTrue(model.namedParameters().containsKey("encoder.layer.1.skills.token.intermediate.dense.weight"));
        assertMatchesGolden(f, model, Set.of("token"));
        assertMatchesGolden(f, model, Set.of("sequence", "general"));
        assertMatchesGolden(f, model, Set.of());
    }

    @Test
    void acceptsCheckpointWithoutPrefixAndWithGammaBeta(@TempDir Path tmp) throws IOException {
        TinyBertFixture f = TinyBertFixture.load();
        Path dir = rewrite(f.dir, tmp, key -> {
            String k = key.startsWith("bert.") ? key.substring(5) : key;
            return k.replace("LayerNorm.weight", "LayerNorm.gamma").replace("LayerNorm.bias", "LayerNorm.beta");
        });
        assertTrue(SafetensorsFile.open(dir.resolve("model.safetensors")).entries()
                .containsKey("embeddings.LayerNorm.gamma"));
        assertMatchesGolden(f, BertCheckpoint.load(dir, List.of("a", "b"), manager), Set.of("a"));
    }

    @Test
    void referenceImplementationAgreesWithGolden() throws IOException {
        TinyBertFixture f = TinyBertFixture.load();
        SafetensorsFile file = SafetensorsFile.open(f.dir.resolve("model.safetensors"));
        Map<String, float[]> weights = new HashMap<>();
        for (String key : file.entries().keySet()) {
            if (!key.startsWith("cls.")) {
                weights.put(key.substring("bert.".length()), file.readFloats(key));
            }
        }
        ReferenceBert ref = new ReferenceBert(BertConfig.read(f.dir.resolve("config.json")), weights);
        for (int i = 0; i < f.inputIds.length; i++) {
            ReferenceBert.Output out = ref.forward(f.inputIds[i], f.tokenTypeIds[i], f.attentionMask[i]);
            for (int t = 0; t < f.length(i); t++) {
                for (int j = 0; j < out.hidden()[t].length; j++) {
                    assertEquals(f.lastHiddenState[i][t][j], out.hidden()[t][j], TOLERANCE);
                }
            }
            for (int j = 0; j < out.pooled().length; j++) {
                assertEquals(f.poolerOutput[i][j], out.pooled()[j], TOLERANCE);
            }
        }
    }

    @Test
    void missingUnexpectedAndMisshapedTensorsAreListedByNameAndShape(@TempDir Path tmp) throws IOException {
        TinyBertFixture f = TinyBertFixture.load();
        Path dir = rewrite(f.dir, tmp, key -> key.equals("bert.pooler.dense.bias") ? null
                : key.equals("bert.encoder.layer.1.output.dense.weight") ? "bert.encoder.layer.1.output.dense.kernel"
                : key);
        UserInputException e = assertThrows(UserInputException.class,
                () -> BertCheckpoint.load(dir, List.of(), manager));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertTrue(e.getMessage().contains("pooler.dense.bias [32]"), e.getMessage());
        assertTrue(e.getMessage().contains("encoder.layer.1.output.dense.weight [32, 64]"), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected:\n    bert.encoder.layer.1.output.dense.kernel [32, 64]"),
                e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("model.safetensors").toString()), e.getMessage());
    }

    @Test
    void aCheckpointWithNoPoolerLoadsWithAFreshPoolerAndTheSameHiddenStates(@TempDir Path tmp) throws IOException {
        TinyBertFixture f = TinyBertFixture.load();
        Path dir = rewrite(f.dir, tmp, key -> key.startsWith("bert.pooler.") ? null : key);
        BertModel model = BertCheckpoint.load(dir, List.of(), manager);
        EncoderRunner.Result r = EncoderRunner.run(model, manager, f.inputIds, f.tokenTypeIds, f.attentionMask,
                Set.of());
        int h = f.poolerOutput[0].length;
        for (int i = 0; i < f.inputIds.length; i++) {
            for (int t = 0; t < f.length(i); t++) {
                for (int j = 0; j < h; j++) {
                    assertEquals(f.lastHiddenState[i][t][j], r.hidden()[i][t * h + j], TOLERANCE);
                }
            }
        }
        float[] bias = model.namedParameters().get("pooler.dense.bias").getArray().toFloatArray();
        assertEquals(0f, bias[0], "a fresh pooler's bias starts at zero, as HuggingFace initialises it");
        float[] again = BertCheckpoint.load(dir, List.of(), manager).namedParameters()
                .get("pooler.dense.weight").getArray().toFloatArray();
        assertTrue(java.util.Arrays.equals(again,
                model.namedParameters().get("pooler.dense.weight").getArray().toFloatArray()),
                "the fresh pooler is the same at every load");
    }

    @Test
    void onlyTheWholePoolerMayBeMissing(@TempDir Path tmp) throws IOException {
        TinyBertFixture f = TinyBertFixture.load();
        Path dir = rewrite(f.dir, tmp, key -> key.startsWith("bert.pooler.")
                || key.equals("bert.embeddings.token_type_embeddings.weight") ? null : key);
        UserInputException e = assertThrows(UserInputException.class, () -> BertCheckpoint.load(dir, List.of(), manager));
        assertTrue(e.getMessage().contains("3 missing"), e.getMessage());
        assertTrue(e.getMessage().contains("embeddings.token_type_embeddings.weight [2, 32]"), e.getMessage());
    }

    @Test
    void configContradictingTheWeightsIsAShapeError(@TempDir Path tmp) throws IOException {
        TinyBertFixture f = TinyBertFixture.load();
        Path dir = rewrite(f.dir, tmp, Function.identity());
        Files.writeString(dir.resolve("config.json"),
                Files.readString(dir.resolve("config.json")).replace("\"intermediate_size\": 64", "\"intermediate_size\": 48"));
        UserInputException e = assertThrows(UserInputException.class, () -> BertCheckpoint.load(dir, List.of(), manager));
        assertTrue(e.getMessage().contains("wrong shape"), e.getMessage());
        assertTrue(e.getMessage().contains("bert.encoder.layer.0.intermediate.dense.weight: checkpoint [64, 32], "
                + "model expects [48, 32]"), e.getMessage());
    }

    @Test
    void truncatedWeightsNameTheTensorThatIsCutOff(@TempDir Path tmp) throws IOException {
        TinyBertFixture f = TinyBertFixture.load();
        Path dir = rewrite(f.dir, tmp, Function.identity());
        Path weights = dir.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length - 1000), StandardOpenOption.TRUNCATE_EXISTING);
        UserInputException e = assertThrows(UserInputException.class, () -> BertCheckpoint.load(dir, List.of(), manager));
        assertTrue(e.getMessage().contains("truncated: tensor '"), e.getMessage());
    }

    @Test
    void emptyOrMissingDirectoryIsAUserError(@TempDir Path tmp) {
        UserInputException empty = assertThrows(UserInputException.class,
                () -> BertCheckpoint.load(tmp, List.of(), manager));
        assertTrue(empty.getMessage().contains("not a model directory: missing config.json, model.safetensors"),
                empty.getMessage());
        UserInputException missing = assertThrows(UserInputException.class,
                () -> BertCheckpoint.load(tmp.resolve("nope"), List.of(), manager));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    static void assertMatchesGolden(TinyBertFixture f, BertModel model, Set<String> skills) {
        EncoderRunner.Result r = EncoderRunner.run(model, manager, f.inputIds, f.tokenTypeIds, f.attentionMask, skills);
        int h = f.poolerOutput[0].length;
        for (int i = 0; i < f.inputIds.length; i++) {
            for (int t = 0; t < f.length(i); t++) {
                for (int j = 0; j < h; j++) {
                    assertEquals(f.lastHiddenState[i][t][j], r.hidden()[i][t * h + j], TOLERANCE,
                            "last_hidden_state[" + i + "][" + t + "][" + j + "]");
                }
            }
            for (int j = 0; j < h; j++) {
                assertEquals(f.poolerOutput[i][j], r.pooled()[i][j], TOLERANCE, "pooler_output[" + i + "][" + j + "]");
            }
        }
    }

    /** Copies a model directory, renaming (or, for null, dropping) each tensor. */
    static Path rewrite(Path src, Path tmp, Function<String, String> rename) throws IOException {
        Path dir = tmp.resolve("model");
        Files.createDirectories(dir);
        Files.copy(src.resolve("config.json"), dir.resolve("config.json"));
        SafetensorsFile file = SafetensorsFile.open(src.resolve("model.safetensors"));
        Map<String, SafetensorsWriter.Tensor> out = new LinkedHashMap<>();
        for (var e : file.entries().entrySet()) {
            String name = rename.apply(e.getKey());
            if (name != null) {
                out.put(name, new SafetensorsWriter.Tensor(e.getValue().shape(), file.readFloats(e.getKey())));
            }
        }
        SafetensorsWriter.write(dir.resolve("model.safetensors"), out, Map.of());
        return dir;
    }
}
