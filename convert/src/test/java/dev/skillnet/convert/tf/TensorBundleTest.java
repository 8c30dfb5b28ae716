package dev.skillnet.convert.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;

/**
 * A bundle written by TensorFlow's own {@code SaveV2} reads back bit for bit: every dtype, shape
 * and name, through an index of several table blocks; damaged bundles are reported naming the file
 * and the tensor.
 */
class TensorBundleTest {

    private static final long SEED = 20_261_129L;
    private static final String BIG = "bert/embeddings/word_embeddings";
    private static final String NON_ASCII = "层/权重";
    private static final int LONG_NAMES = 300;

    @TempDir
    static Path shared;

    private static Path prefix;
    /** What was saved, by name: the tensors themselves (closed after all tests). */
    private static final Map<String, Tensor> SAVED = new LinkedHashMap<>();

    @BeforeAll
    static void saveWithTensorFlow() {
        Random r = new Random(SEED);
        SAVED.put("a", TFloat32.scalarOf(r.nextFloat()));
        SAVED.put("a/b", TFloat64.tensorOf(Shape.of(5), DataBuffers.of(r.doubles(5).toArray(), true, false)));
        SAVED.put("a.b", TInt32.tensorOf(Shape.of(3, 4), DataBuffers.of(r.ints(12).toArray(), true, false)));
        SAVED.put("a_b", TInt64.tensorOf(Shape.of(2, 3, 4), DataBuffers.of(r.longs(24).toArray(), true, false)));
        SAVED.put("a/b/c", TFloat16.tensorOf(Shape.of(3, 5), DataBuffers.of(gaussians(r, 15), true, false)));
        SAVED.put("ab", TBfloat16.tensorOf(Shape.of(7), DataBuffers.of(gaussians(r, 7), true, false)));
        SAVED.put(NON_ASCII, TFloat32.tensorOf(Shape.of(2, 3), DataBuffers.of(gaussians(r, 6), true, false)));
        SAVED.put("flags", TBool.vectorOf(true, false, false, true, true));
        byte[] raw = new byte[9];
        r.nextBytes(raw);
        SAVED.put("pixels", TUint8.vectorOf(raw));
        SAVED.put("empty", TFloat32.tensorOf(Shape.of(0, 3)));
        SAVED.put("vocab", TString.vectorOf("[PAD]", "的", "[UNK]"));
        SAVED.put(BIG, TFloat32.tensorOf(Shape.of(1_100, 1_000), DataBuffers.of(gaussians(r, 1_100_000), true, false)));
        String common = "encoder/" + "shared_scope_with_a_long_name/".repeat(8);
        for (int i = 0; i < LONG_NAMES; i++) {
            String name = common + String.format("t%03d_", (i * 7919) % LONG_NAMES) + hex(r, 1_200);
            SAVED.put(name, TFloat32.vectorOf(r.nextFloat(), r.nextFloat()));
        }
        prefix = shared.resolve("model.ckpt");
        TfCheckpoints.save(prefix, SAVED);
    }

    @AfterAll
    static void closeTensors() {
        SAVED.values().forEach(Tensor::close);
        SAVED.clear();
    }

    @Test
    void everyTensorComesBackBitIdenticalWithItsDtypeAndShape() throws IOException {
        try (TensorBundle bundle = TensorBundle.open(prefix)) {
            assertEquals(SAVED.keySet(), bundle.entries().keySet());
            for (var kv : SAVED.entrySet()) {
                String name = kv.getKey();
                Tensor t = kv.getValue();
                BundleEntry e = bundle.entries().get(name);
                assertEquals(t.dataType().getNumber(), e.dtype(), name);
                assertArrayEquals(t.shape().asArray(), e.shape(), name);
                if (t instanceof TString) {
                    continue;
                }
                assertArrayEquals(TfCheckpoints.rawBytes(t), bundle.readBytes(name), name);
            }
        }
    }

    @Test
    void entriesFollowTheIndexsBytewiseKeyOrder() throws IOException {
        List<String> expected = new ArrayList<>(SAVED.keySet());
        expected.sort((x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8),
                y.getBytes(StandardCharsets.UTF_8)));
        try (TensorBundle bundle = TensorBundle.open(prefix)) {
            assertEquals(expected, new ArrayList<>(bundle.entries().keySet()));
            assertEquals(List.of("a", "a.b", "a/b", "a/b/c", "a_b", "ab"),
                    expected.stream().filter(n -> n.startsWith("a")).toList());
            assertEquals(NON_ASCII, expected.get(expected.size() - 1));
        }
    }

    @Test
    void theIndexSpansSeveralDataBlocks() throws IOException {
        try (TensorBundle bundle = TensorBundle.open(prefix)) {
            assertTrue(bundle.indexDataBlocks() > 1, "data blocks: " + bundle.indexDataBlocks());
            assertEquals(1, bundle.header().numShards());
        }
    }

    @Test
    void opensFromTheIndexFileOrThePrefix() throws IOException {
        try (TensorBundle byIndex = TensorBundle.open(shared.resolve("model.ckpt.index"));
                TensorBundle byPrefix = TensorBundle.open(prefix)) {
            assertEquals(byPrefix.entries().keySet(), byIndex.entries().keySet());
            assertEquals(shared.resolve("model.ckpt.data-00000-of-00001"), byIndex.shardFile(0));
        }
    }

    @Test
    void readFloatsConvertsEveryFloatingDtypeAsTensorFlowDecodesIt() throws IOException {
        try (TensorBundle bundle = TensorBundle.open(prefix)) {
            for (String name : List.of("a", "a/b", "a/b/c", "ab", NON_ASCII, BIG, "empty")) {
                float[] expected = floatsOf(SAVED.get(name));
                float[] actual = bundle.readFloats(name);
                assertEquals(expected.length, actual.length, name);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), name + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void nonFloatTensorsAreReadableOnlyAsBytesAndStringsNotAtAll() throws IOException {
        try (TensorBundle bundle = TensorBundle.open(prefix)) {
            var ints = assertThrows(UserInputException.class, () -> bundle.readFloats("a_b"));
            assertTrue(ints.getMessage().contains("'a_b'") && ints.getMessage().contains("DT_INT64"), ints.getMessage());
            var strings = assertThrows(UserInputException.class, () -> bundle.readBytes("vocab"));
            assertTrue(strings.getMessage().contains("'vocab'") && strings.getMessage().contains("DT_STRING"),
                    strings.getMessage());
            assertThrows(IllegalArgumentException.class, () -> bundle.readBytes("no/such/tensor"));
        }
    }

    @Test
    void aShardedBundleReadsEachTensorFromItsShard(@TempDir Path dir) throws IOException {
        Random r = new Random(SEED + 1);
        Map<String, Tensor> first = new LinkedHashMap<>();
        Map<String, Tensor> second = new LinkedHashMap<>();
        try {
            first.put("x/kernel", TFloat32.tensorOf(Shape.of(4, 3), DataBuffers.of(gaussians(r, 12), true, false)));
            first.put("z", TInt64.vectorOf(1L, -2L));
            second.put("y/bias", TFloat64.tensorOf(Shape.of(6), DataBuffers.of(r.doubles(6).toArray(), true, false)));
            TfCheckpoints.saveSharded(dir.resolve("sharded.ckpt"), List.of(first, second));
            try (TensorBundle bundle = TensorBundle.open(dir.resolve("sharded.ckpt"))) {
                assertEquals(2, bundle.header().numShards());
                assertEquals(List.of("x/kernel", "y/bias", "z"), new ArrayList<>(bundle.entries().keySet()));
                assertEquals(0, bundle.entries().get("x/kernel").shardId());
                assertEquals(1, bundle.entries().get("y/bias").shardId());
                assertEquals(dir.resolve("sharded.ckpt.data-00001-of-00002"), bundle.shardFile(1));
                for (Map<String, Tensor> part : List.of(first, second)) {
                    for (var kv : part.entrySet()) {
                        assertArrayEquals(TfCheckpoints.rawBytes(kv.getValue()), bundle.readBytes(kv.getKey()), kv.getKey());
                    }
                }
            }
            Path secondShard = dir.resolve("sharded.ckpt.data-00001-of-00002");
            Files.delete(secondShard);
            var e = assertThrows(UserInputException.class, () -> TensorBundle.open(dir.resolve("sharded.ckpt")));
            assertEquals(secondShard, e.file());
            assertTrue(e.getMessage().contains("missing shard 2 of 2") && e.getMessage().contains("'y/bias'"),
                    e.getMessage());
        } finally {
            first.values().forEach(Tensor::close);
            second.values().forEach(Tensor::close);
        }
    }

    // ---- damaged bundles ----

    @Test
    void aTruncatedDataShardNamesTheShardAndTheLastTensor(@TempDir Path dir) throws IOException {
        Path copy = copyBundle(dir);
        Path shard = dir.resolve("model.ckpt.data-00000-of-00001");
        String last = lastTensorInShard();
        try (FileChannel ch = FileChannel.open(shard, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 1);
        }
        var e = assertThrows(UserInputException.class, () -> TensorBundle.open(copy));
        assertEquals(shard, e.file());
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("'" + last + "'"), e.getMessage());
    }

    @Test
    void aMissingShardNamesTheShardAndATensorThatNeedsIt(@TempDir Path dir) throws IOException {
        Path copy = copyBundle(dir);
        Path shard = dir.resolve("model.ckpt.data-00000-of-00001");
        Files.delete(shard);
        var e = assertThrows(UserInputException.class, () -> TensorBundle.open(copy));
        assertEquals(shard, e.file());
        assertTrue(e.getMessage().contains("missing shard") && e.getMessage().contains("needed by tensor 'a'"),
                e.getMessage());
    }

    @Test
    void aFlippedDataByteFailsThatTensorsChecksumOnly(@TempDir Path dir) throws IOException {
        Path copy = copyBundle(dir);
        Path shard = dir.resolve("model.ckpt.data-00000-of-00001");
        long at;
        try (TensorBundle bundle = TensorBundle.open(copy)) {
            at = bundle.entries().get("a.b").offset() + 5;
        }
        flipByte(shard, at);
        try (TensorBundle bundle = TensorBundle.open(copy)) {
            var e = assertThrows(UserInputException.class, () -> bundle.readBytes("a.b"));
            assertEquals(shard, e.file());
            assertTrue(e.getMessage().contains("tensor 'a.b': crc32c mismatch"), e.getMessage());
            assertArrayEquals(TfCheckpoints.rawBytes(SAVED.get("a")), bundle.readBytes("a"));
        }
    }

    @Test
    void aTruncatedIndexIsReportedNamingTheIndex(@TempDir Path dir) throws IOException {
        Path copy = copyBundle(dir);
        Path index = dir.resolve("model.ckpt.index");
        byte[] bytes = Files.readAllBytes(index);
        Files.write(index, Arrays.copyOf(bytes, bytes.length / 2));
        var half = assertThrows(UserInputException.class, () -> TensorBundle.open(copy));
        assertEquals(index, half.file());
        assertTrue(half.getMessage().contains("magic"), half.getMessage());
        Files.write(index, Arrays.copyOf(bytes, 20));
        var stub = assertThrows(UserInputException.class, () -> TensorBundle.open(copy));
        assertTrue(stub.getMessage().startsWith(index + ": truncated"), stub.getMessage());
    }

    @Test
    void aBadMagicNumberIsReportedNamingTheIndex(@TempDir Path dir) throws IOException {
        Path copy = copyBundle(dir);
        Path index = dir.resolve("model.ckpt.index");
        flipByte(index, Files.size(index) - 1);
        var e = assertThrows(UserInputException.class, () -> TensorBundle.open(copy));
        assertEquals(index, e.file());
        assertTrue(e.getMessage().contains("table magic is 0xcb4775248b80fb57"), e.getMessage());
    }

    @Test
    void aFlippedIndexByteFailsTheBlockChecksum(@TempDir Path dir) throws IOException {
        Path copy = copyBundle(dir);
        Path index = dir.resolve("model.ckpt.index");
        flipByte(index, 100);
        var e = assertThrows(UserInputException.class, () -> TensorBundle.open(copy));
        assertEquals(index, e.file());
        assertTrue(e.getMessage().contains("data block 1") && e.getMessage().contains("crc32c mismatch"),
                e.getMessage());
    }

    @Test
    void aMissingIndexIsReportedNamingIt(@TempDir Path dir) {
        var e = assertThrows(UserInputException.class, () -> TensorBundle.open(dir.resolve("nothing.ckpt")));
        assertEquals(dir.resolve("nothing.ckpt.index"), e.file());
    }

    // ---- helpers ----

    private static float[] gaussians(Random r, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) r.nextGaussian();
        }
        return out;
    }

    private static String hex(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(r.nextInt(16), 16));
        }
        return sb.toString();
    }

    /** The values TensorFlow Java itself decodes from a floating-point tensor. */
    private static float[] floatsOf(Tensor t) {
        int n = Math.toIntExact(t.shape().size());
        float[] out = new float[n];
        if (t instanceof TFloat64 d) {
            double[] v = new double[n];
            d.copyTo(DataBuffers.of(v, false, false));
            for (int i = 0; i < n; i++) {
                out[i] = (float) v[i];
            }
        } else if (t instanceof TFloat32 f) {
            f.copyTo(DataBuffers.of(out, false, false));
        } else if (t instanceof TFloat16 h) {
            h.copyTo(DataBuffers.of(out, false, false));
        } else if (t instanceof TBfloat16 b) {
            b.copyTo(DataBuffers.of(out, false, false));
        } else {
            throw new IllegalArgumentException(t.dataType().toString());
        }
        return out;
    }

    private static Path copyBundle(Path dir) throws IOException {
        for (String f : List.of("model.ckpt.index", "model.ckpt.data-00000-of-00001")) {
            Files.copy(shared.resolve(f), dir.resolve(f));
        }
        return dir.resolve("model.ckpt");
    }

    private static String lastTensorInShard() throws IOException {
        try (TensorBundle bundle = TensorBundle.open(prefix)) {
            long length = Files.size(bundle.shardFile(0));
            return bundle.entries().values().stream().filter(e -> e.offset() + e.size() == length && e.size() > 0)
                    .findFirst().orElseThrow().name();
        }
    }

    private static void flipByte(Path file, long at) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
            ch.write(b, at);
        }
    }
}
