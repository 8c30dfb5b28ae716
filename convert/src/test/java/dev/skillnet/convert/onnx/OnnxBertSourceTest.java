package dev.skillnet.convert.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OnnxBertSource} on the bge-small-zh export and on crafted graphs. */
class OnnxBertSourceTest {

    @TempDir
    static Path shared;

    private static Path bge;

    @TempDir
    Path dir;

    @BeforeAll
    static void copyBge() throws IOException {
        bge = Bge.onnx(shared);
    }

    private static List<String> expectedNames(int layers) {
        List<String> names = new ArrayList<>(List.of("embeddings.word_embeddings.weight",
                "embeddings.position_embeddings.weight", "embeddings.token_type_embeddings.weight",
                "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias"));
        for (int l = 0; l < layers; l++) {
            for (String part : List.of("attention.self.query", "attention.self.key", "attention.self.value",
                    "attention.output.dense", "attention.output.LayerNorm", "intermediate.dense", "output.dense",
                    "output.LayerNorm")) {
                names.add("encoder.layer." + l + "." + part + ".weight");
                names.add("encoder.layer." + l + "." + part + ".bias");
            }
        }
        return names;
    }

    @Test
    void bgeMapsToEveryHuggingFaceNameInOrder() {
        try (OnnxBertSource s = OnnxBertSource.open(bge)) {
            assertEquals(expectedNames(Bge.LAYERS), List.copyOf(s.shapes().keySet()));
            assertEquals(Bge.HEADS, s.attentionHeads());
            assertEquals(1e-12, s.layerNormEpsilon().orElseThrow());
            long h = Bge.HIDDEN;
            long i = Bge.INTERMEDIATE;
            Map<String, long[]> shapes = s.shapes();
            assertArrayEquals(new long[] {Bge.VOCAB, h}, shapes.get("embeddings.word_embeddings.weight"));
            assertArrayEquals(new long[] {Bge.POSITIONS, h}, shapes.get("embeddings.position_embeddings.weight"));
            assertArrayEquals(new long[] {2, h}, shapes.get("embeddings.token_type_embeddings.weight"));
            for (int l = 0; l < Bge.LAYERS; l++) {
                String p = "encoder.layer." + l + ".";
                for (String sq : List.of("attention.self.query", "attention.self.key", "attention.self.value",
                        "attention.output.dense")) {
                    assertArrayEquals(new long[] {h, h}, shapes.get(p + sq + ".weight"), p + sq);
                    assertArrayEquals(new long[] {h}, shapes.get(p + sq + ".bias"), p + sq);
                }
                assertArrayEquals(new long[] {i, h}, shapes.get(p + "intermediate.dense.weight"));
                assertArrayEquals(new long[] {i}, shapes.get(p + "intermediate.dense.bias"));
                assertArrayEquals(new long[] {h, i}, shapes.get(p + "output.dense.weight"));
                assertArrayEquals(new long[] {h}, shapes.get(p + "output.LayerNorm.weight"));
                assertTrue(s.origin(p + "output.dense.weight").tensor().startsWith("onnx::MatMul_"));
                assertTrue(s.origin(p + "output.dense.weight").transposed());
            }
            assertFalse(shapes.keySet().stream().anyMatch(n -> n.startsWith("pooler.")));
        }
    }

    @Test
    void anonymousMatricesAreTransposedToOutIn() {
        try (OnnxBertSource s = OnnxBertSource.open(bge)) {
            String name = "encoder.layer.2.intermediate.dense.weight";
            OnnxTensor raw = s.model().initializers().get(s.origin(name).tensor());
            assertArrayEquals(new long[] {Bge.HIDDEN, Bge.INTERMEDIATE}, raw.dims()); // [in, out]
            float[] stored = s.model().readFloats(raw);
            float[] read = s.read(name); // [out, in]
            assertEquals(stored.length, read.length);
            for (int in = 0; in < Bge.HIDDEN; in++) {
                for (int out = 0; out < Bge.INTERMEDIATE; out++) {
                    assertEquals(stored[in * Bge.INTERMEDIATE + out], read[out * Bge.HIDDEN + in]);
                }
            }
            float[] bias = s.read("encoder.layer.2.intermediate.dense.bias");
            assertArrayEquals(s.model().readFloats(s.model().initializers()
                    .get("encoder.layer.2.intermediate.dense.bias")), bias);
        }
    }

    @Test
    void truncatedBgeIsRefusedNamingTheFile() throws IOException {
        for (long keep : new long[] {1000, Files.size(bge) / 2, Files.size(bge) - 1}) {
            Path cut = dir.resolve("cut-" + keep + ".onnx");
            try (FileChannel in = FileChannel.open(bge, StandardOpenOption.READ);
                    FileChannel out = FileChannel.open(cut, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                in.transferTo(0, keep, out);
            }
            UserInputException e = assertThrows(UserInputException.class, () -> OnnxBertSource.open(cut));
            assertTrue(e.getMessage().startsWith(cut + ": ")
                    && (e.getMessage().contains("truncated") || e.getMessage().contains("corrupt")), e.getMessage());
        }
    }

    /**
     * A tiny BERT-like graph (H = 4, I = 8) using every supported form of dense weight: anonymous
     * under MatMul + Add, named under Gemm with transB, named through a Transpose, named [in, out]
     * under MatMul; heads from a constant Reshape shape.
     */
    private static Proto tinyGraph(boolean withQueryBias) {
        float[] square = new float[16];
        for (int k = 0; k < 16; k++) {
            square[k] = k;
        }
        float[] wide = new float[32];
        for (int k = 0; k < 32; k++) {
            wide[k] = 100 + k;
        }
        Proto g = Proto.message()
                .message(1, Proto.node("Gather", "emb", new String[] {"bert.embeddings.word_embeddings.weight", "ids"},
                        "x"))
                .message(1, Proto.node("MatMul", "q", new String[] {"x", "onnx::MatMul_7"}, "q0"))
                .message(1, Proto.node("Add", "qa", new String[] {"q0", "bert.encoder.layer.0.attention.self.query.bias"},
                        "q1"))
                .message(1, Proto.node("Reshape", "split", new String[] {"q1", "split_shape"}, "q2"))
                .message(1, Proto.node("Gemm", "k", new String[] {"x", "bert.encoder.layer.0.attention.self.key.weight",
                    "bert.encoder.layer.0.attention.self.key.bias"}, "k1", Proto.intAttribute("transB", 1)))
                .message(1, Proto.node("Transpose", "vt", new String[] {"bert.encoder.layer.0.attention.self.value.weight"},
                        "vT"))
                .message(1, Proto.node("MatMul", "v", new String[] {"x", "vT"}, "v1"))
                .message(1, Proto.node("MatMul", "i", new String[] {"x", "bert.encoder.layer.0.intermediate.dense.weight"},
                        "i1"))
                .message(5, Proto.floatTensor("bert.embeddings.word_embeddings.weight", new long[] {10, 4}, new float[40]))
                .message(5, Proto.floatTensor("onnx::MatMul_7", new long[] {4, 4}, square))
                .message(5, Proto.floatTensor("bert.encoder.layer.0.attention.self.key.weight", new long[] {4, 4}, square))
                .message(5, Proto.floatTensor("bert.encoder.layer.0.attention.self.key.bias", new long[] {4}, 1, 2, 3, 4))
                .message(5, Proto.floatTensor("bert.encoder.layer.0.attention.self.value.weight", new long[] {4, 4},
                        square))
                .message(5, Proto.floatTensor("bert.encoder.layer.0.intermediate.dense.weight", new long[] {4, 8}, wide))
                .message(5, Proto.longTensor("split_shape", 0, 0, 2, 2))
                .message(5, Proto.longTensor("position_ids", 0, 1, 2));
        if (withQueryBias) {
            g.message(5, Proto.floatTensor("bert.encoder.layer.0.attention.self.query.bias", new long[] {4},
                    -1, -2, -3, -4));
        }
        return g;
    }

    @Test
    void everyFormOfDenseWeightIsNamedAndLaidOutOutIn() throws IOException {
        Path f = Files.write(dir.resolve("tiny.onnx"), Proto.model(tinyGraph(true)));
        try (OnnxBertSource s = OnnxBertSource.open(f)) {
            assertEquals(List.of("embeddings.word_embeddings.weight", "encoder.layer.0.attention.self.query.weight",
                    "encoder.layer.0.attention.self.query.bias", "encoder.layer.0.attention.self.key.weight",
                    "encoder.layer.0.attention.self.key.bias", "encoder.layer.0.attention.self.value.weight",
                    "encoder.layer.0.intermediate.dense.weight"), List.copyOf(s.shapes().keySet()));
            assertEquals(2, s.attentionHeads());
            assertTrue(s.layerNormEpsilon().isEmpty());
            float[] transposed = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
            float[] asStored = new float[16];
            for (int k = 0; k < 16; k++) {
                asStored[k] = k;
            }
            assertEquals(new OnnxBertSource.Origin("onnx::MatMul_7", true),
                    s.origin("encoder.layer.0.attention.self.query.weight"));
            assertArrayEquals(transposed, s.read("encoder.layer.0.attention.self.query.weight")); // MatMul: [in, out]
            assertArrayEquals(asStored, s.read("encoder.layer.0.attention.self.key.weight")); // Gemm transB=1
            assertArrayEquals(asStored, s.read("encoder.layer.0.attention.self.value.weight")); // via Transpose
            assertArrayEquals(new long[] {8, 4}, s.shapes().get("encoder.layer.0.intermediate.dense.weight"));
            float[] wide = s.read("encoder.layer.0.intermediate.dense.weight");
            assertEquals(100 + 1 * 8 + 5, wide[5 * 4 + 1]); // [out=5][in=1] was stored [in=1][out=5]
        }
    }

    @Test
    void aMatrixWithoutANamedBiasIsRefusedNamingIt() throws IOException {
        Path f = Files.write(dir.resolve("nobias.onnx"), Proto.model(tinyGraph(false)));
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxBertSource.open(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("'onnx::MatMul_7'"), e.getMessage());
    }

    @Test
    void aGraphWithoutWordEmbeddingsIsNotBert() throws IOException {
        Proto g = Proto.message().message(5, Proto.floatTensor("dense.weight", new long[] {2, 2}, 1, 2, 3, 4));
        Path f = Files.write(dir.resolve("notbert.onnx"), Proto.model(g));
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxBertSource.open(f));
        assertTrue(e.getMessage().startsWith(f + ": ") && e.getMessage().contains("word_embeddings"),
                e.getMessage());
    }
}
