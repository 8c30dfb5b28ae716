package dev.skillnet.convert.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.SharedFixtures;
import dev.skillnet.core.SharedPaths;
import dev.skillnet.core.UserInputException;
import dev.skillnet.model.checkpoint.SafetensorsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * The tiny HuggingFace BERT fixture, saved by TensorFlow under Google's variable names (kernels
 * [in, out], with optimizer slots and bookkeeping around it), reads back through
 * {@link TfBertSource} as HuggingFace holds it, bit for bit.
 */
class TfBertSourceTest {

    private static final long SEED = 7_919L;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "name prefix \"{0}\"")
    @ValueSource(strings = {"", "module/"})
    void everyFixtureTensorComesBackBitIdenticalUnderHuggingFaceNames(String prefix) throws IOException {
        SafetensorsFile fixture = fixture();
        Random r = new Random(SEED);
        Map<String, Tensor> saved = new LinkedHashMap<>();
        Map<String, float[]> expected = new LinkedHashMap<>();
        Map<String, long[]> expectedShapes = new LinkedHashMap<>();
        try {
            for (SafetensorsFile.Entry e : fixture.entries().values()) {
                float[] values = fixture.readFloats(e.name());
                String google = prefix + GoogleRelease.googleName(e.name());
                boolean kernel = google.endsWith("/kernel");
                long[] shape = kernel ? new long[] {e.shape()[1], e.shape()[0]} : e.shape();
                float[] stored = kernel ? GoogleRelease.transpose(values, (int) e.shape()[0], (int) e.shape()[1]) : values;
                saved.put(google, floats(shape, stored));
                saved.put(google + "/adam_m", floats(shape, gaussians(r, stored.length)));
                saved.put(google + "/adam_v", floats(shape, gaussians(r, stored.length)));
                String hf = e.name().startsWith("bert.") ? e.name().substring(5) : e.name();
                expected.put(hf, values);
                expectedShapes.put(hf, e.shape());
            }
            // Next-sentence head: output_weights is stored [out, in] already, so it is not transposed.
            float[] nspWeights = gaussians(r, 2 * 32);
            float[] nspBias = gaussians(r, 2);
            saved.put(prefix + "cls/seq_relationship/output_weights", floats(new long[] {2, 32}, nspWeights));
            saved.put(prefix + "cls/seq_relationship/output_bias", floats(new long[] {2}, nspBias));
            expected.put("cls.seq_relationship.weight", nspWeights);
            expected.put("cls.seq_relationship.bias", nspBias);
            expectedShapes.put("cls.seq_relationship.weight", new long[] {2, 32});
            expectedShapes.put("cls.seq_relationship.bias", new long[] {2});
            // Bookkeeping and tensors that are not BERT's: all skipped.
            saved.put(prefix + "global_step", TInt64.scalarOf(123_456L));
            saved.put("save_counter", TInt64.scalarOf(3L));
            saved.put("_CHECKPOINTABLE_OBJECT_GRAPH", TString.scalarOf("graph"));
            saved.put(prefix + "bert/embeddings/position_ids", TInt32.vectorOf(0, 1, 2, 3));
            saved.put(prefix + "output_weights", floats(new long[] {3, 32}, gaussians(r, 96)));
            saved.put(prefix + "output_bias/Momentum", floats(new long[] {3}, gaussians(r, 3)));
            TfCheckpoints.save(dir.resolve("bert_model.ckpt"), saved);
        } finally {
            saved.values().forEach(Tensor::close);
        }

        try (TfBertSource source = TfBertSource.open(dir.resolve("bert_model.ckpt.index"))) {
            assertEquals(dir.resolve("bert_model.ckpt.index"), source.file());
            assertEquals(0, source.attentionHeads());
            assertEquals(expected.keySet(), source.shapes().keySet());
            for (var kv : expected.entrySet()) {
                String name = kv.getKey();
                assertArrayEquals(expectedShapes.get(name), source.shapes().get(name), name);
                assertArrayEquals(bits(kv.getValue()), bits(source.read(name)), name);
            }
            assertEquals(prefix + "bert/embeddings/word_embeddings", source.tfName("embeddings.word_embeddings.weight"));
            assertEquals(prefix + "bert/encoder/layer_1/attention/self/query/kernel",
                    source.tfName("encoder.layer.1.attention.self.query.weight"));
            assertEquals(prefix + "bert/encoder/layer_0/output/LayerNorm/beta",
                    source.tfName("encoder.layer.0.output.LayerNorm.bias"));
            assertEquals(prefix + "bert/pooler/dense/kernel", source.tfName("pooler.dense.weight"));
            assertEquals(prefix + "cls/predictions/output_bias", source.tfName("cls.predictions.bias"));
        }
    }

    @Test
    void shapesAreInHuggingFaceModuleOrderWithLayersNumerically() throws IOException {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        try {
            saved.put("cls/predictions/output_bias", floats(new long[] {5}, new float[5]));
            saved.put("bert/pooler/dense/bias", floats(new long[] {2}, new float[2]));
            for (int layer = 11; layer >= 0; layer--) {
                saved.put("bert/encoder/layer_" + layer + "/output/LayerNorm/gamma", floats(new long[] {2}, new float[2]));
                saved.put("bert/encoder/layer_" + layer + "/attention/self/query/bias", floats(new long[] {2}, new float[2]));
            }
            saved.put("bert/embeddings/LayerNorm/beta", floats(new long[] {2}, new float[2]));
            saved.put("bert/embeddings/word_embeddings", floats(new long[] {5, 2}, new float[10]));
            TfCheckpoints.save(dir.resolve("ckpt"), saved);
        } finally {
            saved.values().forEach(Tensor::close);
        }
        List<String> order = new ArrayList<>(List.of("embeddings.word_embeddings.weight", "embeddings.LayerNorm.bias"));
        for (int layer = 0; layer < 12; layer++) {
            order.add("encoder.layer." + layer + ".attention.self.query.bias");
            order.add("encoder.layer." + layer + ".output.LayerNorm.weight");
        }
        order.addAll(List.of("pooler.dense.bias", "cls.predictions.bias"));
        try (TfBertSource source = TfBertSource.open(dir.resolve("ckpt"))) {
            assertEquals(order, new ArrayList<>(source.shapes().keySet()));
        }
    }

    @Test
    void anUnknownFloatTensorUnderBertOrClsIsAnErrorListingIt() throws IOException {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        try {
            saved.put("bert/embeddings/word_embeddings", floats(new long[] {5, 2}, new float[10]));
            saved.put("bert/encoder/layer_0/attention/self/query/kernel_v2", floats(new long[] {2, 2}, new float[4]));
            saved.put("cls/predictions/extra_bias", floats(new long[] {5}, new float[5]));
            saved.put("classifier/output_weights", floats(new long[] {3, 2}, new float[6]));
            TfCheckpoints.save(dir.resolve("ckpt"), saved);
        } finally {
            saved.values().forEach(Tensor::close);
        }
        var e = assertThrows(UserInputException.class, () -> TfBertSource.open(dir.resolve("ckpt")));
        assertEquals(dir.resolve("ckpt.index"), e.file());
        assertTrue(e.getMessage().contains("2 float tensor(s)")
                && e.getMessage().contains("bert/encoder/layer_0/attention/self/query/kernel_v2 [2, 2]")
                && e.getMessage().contains("cls/predictions/extra_bias [5]")
                && !e.getMessage().contains("classifier"), e.getMessage());
    }

    @Test
    void theSameWeightTwiceIsAnErrorNamingBoth() throws IOException {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        try {
            saved.put("bert/pooler/dense/bias", floats(new long[] {2}, new float[2]));
            saved.put("module/bert/pooler/dense/bias", floats(new long[] {2}, new float[2]));
            TfCheckpoints.save(dir.resolve("ckpt"), saved);
        } finally {
            saved.values().forEach(Tensor::close);
        }
        var e = assertThrows(UserInputException.class, () -> TfBertSource.open(dir.resolve("ckpt")));
        assertTrue(e.getMessage().contains("'bert/pooler/dense/bias' and 'module/bert/pooler/dense/bias'"),
                e.getMessage());
    }

    @Test
    void aCheckpointWithoutBertWeightsIsAnError() throws IOException {
        try (Tensor t = floats(new long[] {2}, new float[2]); Tensor step = TInt64.scalarOf(1L)) {
            TfCheckpoints.save(dir.resolve("ckpt"), Map.of("dense/bias", t, "global_step", step));
        }
        var e = assertThrows(UserInputException.class, () -> TfBertSource.open(dir.resolve("ckpt")));
        assertTrue(e.getMessage().contains("no BERT weight found"), e.getMessage());
    }

    // ---- helpers ----

    private static SafetensorsFile fixture() {
        Path file = SharedPaths.fixture("tiny-bert-chinese").resolve("model.safetensors");
        return SafetensorsFile.open(SharedFixtures.require(file, "the tiny BERT fixture"));
    }

    private static TFloat32 floats(long[] shape, float[] values) {
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    private static float[] gaussians(Random r, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) r.nextGaussian();
        }
        return out;
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }
}
