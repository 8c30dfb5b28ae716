package dev.skillnet.convert.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ONNX protobuf reader on crafted models: every data form, and bad bytes. */
class OnnxModelTest {

    @TempDir
    Path dir;

    /** A graph using raw_data, packed float_data, unpacked dims, a Constant node and FLOAT16/DOUBLE. */
    private static Proto graph() {
        ByteBuffer half = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3C00)
                .putShort((short) 0xC100); // 1.0, -2.5
        ByteBuffer dbl = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.25).putDouble(-8);
        return Proto.message()
                .message(1, Proto.node("Constant", "c", new String[0], "shape",
                        Proto.message().string(1, "value").message(5, Proto.longTensor("", 0, 0, 2, 3))))
                .message(1, Proto.node("MatMul", "mm", new String[] {"x", "w"}, "y"))
                .message(1, Proto.node("Reshape", "r", new String[] {"y", "shape"}, "z",
                        Proto.intAttribute("allowzero", 0)))
                .string(2, "crafted")
                .message(5, Proto.floatTensor("w", new long[] {2, 3}, 1, 2, 3, 4, 5, 6))
                .message(5, Proto.message().varint(1, 2).varint(1, 2).varint(2, OnnxDataType.FLOAT).string(8, "packed")
                        .packedFloats(4, 0.5f, 1.5f, 2.5f, 3.5f))
                .message(5, Proto.message().packed(1, 2).varint(2, OnnxDataType.FLOAT16).string(8, "half")
                        .bytes(9, half.array()))
                .message(5, Proto.message().packed(1, 2).varint(2, OnnxDataType.DOUBLE).string(8, "double")
                        .bytes(9, dbl.array()))
                .message(11, Proto.message().string(1, "x"))
                .message(12, Proto.message().string(1, "z"));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void readsEveryFieldOfACraftedModel() throws IOException {
        OnnxModel m = OnnxModel.open(write("m.onnx", Proto.model(graph())));
        assertEquals(8, m.irVersion());
        assertEquals("test", m.producerName());
        assertEquals(13L, m.opsets().get(""));
        assertEquals("crafted", m.graphName());
        assertEquals(List.of("x"), m.inputs());
        assertEquals(List.of("z"), m.outputs());
        assertEquals(List.of("Constant", "MatMul", "Reshape"), m.nodes().stream().map(OnnxNode::opType).toList());
        OnnxNode reshape = m.nodes().get(2);
        assertEquals(List.of("y", "shape"), reshape.inputs());
        assertEquals(0, reshape.intAttribute("allowzero", 7));
        OnnxTensor shape = m.nodes().get(0).attributes().get("value").t();
        assertArrayEquals(new long[] {0, 0, 2, 3}, m.readLongs(shape));
        OnnxTensor w = m.initializers().get("w");
        assertArrayEquals(new long[] {2, 3}, w.dims());
        assertTrue(w.hasRawData());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, m.readFloats(w));
        OnnxTensor packed = m.initializers().get("packed");
        assertArrayEquals(new long[] {2, 2}, packed.dims()); // dims written unpacked
        assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f}, m.readFloats(packed));
        assertArrayEquals(new float[] {1f, -2.5f}, m.readFloats(m.initializers().get("half")));
        assertArrayEquals(new float[] {0.25f, -8f}, m.readFloats(m.initializers().get("double")));
        UserInputException e = assertThrows(UserInputException.class, () -> m.readLongs(w));
        assertTrue(e.getMessage().contains("'w'"), e.getMessage());
    }

    @Test
    void rawDataOfTheWrongLengthIsNamed() throws IOException {
        Proto g = Proto.message().message(5, Proto.message().packed(1, 2, 3).varint(2, OnnxDataType.FLOAT)
                .string(8, "short").bytes(9, new byte[20]));
        Path f = write("short.onnx", Proto.model(g));
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxModel.open(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'short'") && e.getMessage().contains("24 bytes"), e.getMessage());
    }

    @Test
    void tooFewTypedValuesAreNamed() throws IOException {
        Proto g = Proto.message().message(5, Proto.message().packed(1, 3).varint(2, OnnxDataType.FLOAT)
                .string(8, "few").packedFloats(4, 1, 2));
        Path f = write("few.onnx", Proto.model(g));
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxModel.open(f));
        assertTrue(e.getMessage().contains("'few'") && e.getMessage().contains("float_data"), e.getMessage());
    }

    @Test
    void externalDataIsRefusedNamingTheTensor() throws IOException {
        Proto g = Proto.message().message(5, Proto.message().packed(1, 4).varint(2, OnnxDataType.FLOAT)
                .string(8, "outside").message(13, Proto.message().string(1, "location").string(2, "w.bin"))
                .varint(14, 1));
        Path f = write("external.onnx", Proto.model(g));
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxModel.open(f));
        assertTrue(e.getMessage().contains("'outside'") && e.getMessage().contains("EXTERNAL"), e.getMessage());
    }

    @Test
    void aModelWithoutAGraphIsRefused() throws IOException {
        Path f = write("nograph.onnx", Proto.message().varint(1, 8).string(2, "x").toBytes());
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxModel.open(f));
        assertTrue(e.getMessage().startsWith(f + ": ") && e.getMessage().contains("no graph"), e.getMessage());
    }

    @Test
    void emptyAndMissingFilesAreRefused() throws IOException {
        Path empty = write("empty.onnx", new byte[0]);
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxModel.open(empty));
        assertTrue(e.getMessage().startsWith(empty + ": ") && e.getMessage().contains("empty"), e.getMessage());
        Path missing = dir.resolve("missing.onnx");
        e = assertThrows(UserInputException.class, () -> OnnxModel.open(missing));
        assertTrue(e.getMessage().startsWith(missing + ": "), e.getMessage());
    }

    @Test
    void randomBytesAreRefusedNamingTheFile() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[1 + random.nextInt(4096)];
            random.nextBytes(bytes);
            Path f = write("random" + i + ".onnx", bytes);
            UserInputException e = assertThrows(UserInputException.class, () -> OnnxModel.open(f));
            assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        }
    }

    /** Every prefix cutting into the graph fails with a message, never with another exception. */
    @Test
    void everyTruncationInsideTheGraphIsRefused() throws IOException {
        byte[] full = Proto.model(graph());
        int graphEnd = full.length - Proto.message().message(8, Proto.message().string(1, "").varint(2, 13))
                .toBytes().length;
        for (int n = 1; n < graphEnd; n++) {
            byte[] prefix = java.util.Arrays.copyOf(full, n);
            Path f = write("cut.onnx", prefix);
            UserInputException e = assertThrows(UserInputException.class, () -> OnnxModel.open(f), "prefix " + n);
            assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        }
    }

    /** Flipping any one byte gives a model or a {@link UserInputException}, nothing else. */
    @Test
    void corruptBytesNeverEscapeAsOtherExceptions() throws IOException {
        byte[] full = Proto.model(graph());
        Random random = new Random(7);
        for (int i = 0; i < full.length; i++) {
            byte[] bad = full.clone();
            bad[i] ^= (byte) (1 + random.nextInt(255));
            Path f = write("flip.onnx", bad);
            try {
                OnnxModel m = OnnxModel.open(f);
                m.initializers().values().forEach(t -> {
                    if (OnnxDataType.isFloatingPoint(t.dataType())) {
                        m.readFloats(t);
                    }
                });
            } catch (UserInputException e) {
                assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
            }
        }
    }
}
