package dev.skillnet.convert.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes protobuf messages field by field, to craft small ONNX models in tests. */
final class Proto {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    /** @return a new, empty message */
    static Proto message() {
        return new Proto();
    }

    /** A string field. */
    Proto string(int field, String value) {
        return io(() -> out.writeString(field, value));
    }

    /** A varint field. */
    Proto varint(int field, long value) {
        return io(() -> out.writeInt64(field, value));
    }

    /** A fixed32 float field. */
    Proto fixedFloat(int field, float value) {
        return io(() -> out.writeFloat(field, value));
    }

    /** An embedded message. */
    Proto message(int field, Proto value) {
        return bytes(field, value.toBytes());
    }

    /** A bytes field. */
    Proto bytes(int field, byte[] value) {
        return io(() -> out.writeByteArray(field, value));
    }

    /** A packed repeated varint field. */
    Proto packed(int field, long... values) {
        Proto p = new Proto();
        for (long v : values) {
            p.io(() -> p.out.writeInt64NoTag(v));
        }
        return bytes(field, p.toBytes());
    }

    /** A packed repeated float field. */
    Proto packedFloats(int field, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return bytes(field, b.array());
    }

    /** @return the encoded message */
    byte[] toBytes() {
        io(out::flush);
        return bytes.toByteArray();
    }

    // ---- ONNX messages (field numbers of onnx/onnx.proto) ----

    /** A FLOAT TensorProto with raw_data. */
    static Proto floatTensor(String name, long[] dims, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return message().packed(1, dims).varint(2, OnnxDataType.FLOAT).string(8, name).bytes(9, b.array());
    }

    /** An INT64 TensorProto with dims [n] and raw_data. */
    static Proto longTensor(String name, long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return message().packed(1, values.length).varint(2, OnnxDataType.INT64).string(8, name).bytes(9, b.array());
    }

    /** A NodeProto. */
    static Proto node(String opType, String name, String[] inputs, String output, Proto... attributes) {
        Proto n = message();
        for (String in : inputs) {
            n.string(1, in);
        }
        n.string(2, output).string(3, name).string(4, opType);
        for (Proto a : attributes) {
            n.message(5, a);
        }
        return n;
    }

    /** An integer AttributeProto (type INT = 2). */
    static Proto intAttribute(String name, long value) {
        return message().string(1, name).varint(3, value).varint(20, 2);
    }

    /** A ModelProto around a graph. */
    static byte[] model(Proto graph) {
        return message().varint(1, 8).string(2, "test").message(7, graph)
                .message(8, message().string(1, "").varint(2, 13)).toBytes();
    }

    private Proto io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
