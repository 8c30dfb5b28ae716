package dev.skillnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import dev.skillnet.model.checkpoint.SafetensorsFile;
import dev.skillnet.model.nn.ParameterInit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For sizes the golden fixture does not cover, a model saved under HuggingFace's names (with the
 * {@code bert.} prefix and legacy gamma/beta) and loaded back matches the double-precision
 * reference implementation.
 */
class OtherSizesTest {

    static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @ParameterizedTest(name = "layers={0} hidden={1} heads={2} intermediate={3}")
    @CsvSource({"1, 16, 1, 32", "3, 48, 6, 96", "4, 64, 8, 256"})
    void savedAndReloadedModelMatchesReference(int layers, int hidden, int heads, int inter, @TempDir Path tmp)
            throws IOException {
        BertConfig config = new BertConfig(80, hidden, layers, heads, inter, "gelu", 0.1, 0.1, 40, 2, 1e-12, 0.2, 0);
        BertModel original = new BertModel(config, SkillLayout.none());
        ParameterInit.initialize(original, manager, config.initializerRange(), 42L + layers);
        BertCheckpoint.save(original, tmp.resolve("plain"));
        Path hf = GoldenFixtureTest.rewrite(tmp.resolve("plain"), tmp.resolve("hf"), k -> "bert."
                + k.replace("LayerNorm.weight", "LayerNorm.gamma").replace("LayerNorm.bias", "LayerNorm.beta"));

        BertModel loaded = BertCheckpoint.load(hf, List.of("x", "y"), manager);

        SafetensorsFile file = SafetensorsFile.open(tmp.resolve("plain").resolve("model.safetensors"));
        Map<String, float[]> weights = new HashMap<>();
        file.entries().keySet().forEach(k -> weights.put(k, file.readFloats(k)));
        ReferenceBert ref = new ReferenceBert(config, weights);

        Random random = new Random(7);
        int b = 3;
        int t = 11;
        long[][] ids = new long[b][t];
        long[][] types = new long[b][t];
        long[][] mask = new long[b][t];
        int[] lengths = {11, 6, 2};
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                ids[i][j] = j < lengths[i] ? random.nextInt(80) : 0;
                types[i][j] = j < lengths[i] && j > lengths[i] / 2 ? 1 : 0;
                mask[i][j] = j < lengths[i] ? 1 : 0;
            }
        }
        EncoderRunner.Result got = EncoderRunner.run(loaded, manager, ids, types, mask, Set.of("y"));
        for (int i = 0; i < b; i++) {
            ReferenceBert.Output want = ref.forward(ids[i], types[i], mask[i]);
            for (int pos = 0; pos < lengths[i]; pos++) {
                for (int j = 0; j < hidden; j++) {
                    assertEquals(want.hidden()[pos][j], got.hidden()[i][pos * hidden + j], 1e-4,
                            "hidden[" + i + "][" + pos + "][" + j + "]");
                }
            }
            for (int j = 0; j < hidden; j++) {
                assertEquals(want.pooled()[j], got.pooled()[i][j], 1e-4);
            }
        }
    }
}
