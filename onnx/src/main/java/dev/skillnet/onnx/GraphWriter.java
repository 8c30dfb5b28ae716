package dev.skillnet.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds an ONNX model ({@code ModelProto}) node by node and writes it in protobuf's wire format,
 * field by field with the numbers of {@code onnx/onnx.proto}, with no generated classes. Operators
 * come from the default domain at opset {@value #OPSET} and from ONNX Runtime's {@value
 * #MICROSOFT} domain.
 */
final class GraphWriter {

    /** The default domain's opset: 17 brings {@code LayerNormalization}. */
    static final int OPSET = 17;
    /** ONNX Runtime's contrib operators ({@code Gelu}, {@code DynamicQuantizeMatMul}). */
    static final String MICROSOFT = "com.microsoft";

    /** TensorProto.DataType FLOAT. */
    static final int FLOAT = 1;
    /** TensorProto.DataType INT8. */
    static final int INT8 = 3;
    /** TensorProto.DataType INT64. */
    static final int INT64 = 7;

    /** AttributeProto.AttributeType values. */
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;

    private final String name;
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private final Set<String> initialized = new HashSet<>();
    private int next;

    /** @param name the graph's name */
    GraphWriter(String name) {
        this.name = name;
    }

    /** A node attribute: an int, a float or a list of ints. */
    record Attribute(String name, int type, long i, float f, long[] ints) {
        static Attribute of(String name, long value) {
            return new Attribute(name, ATTR_INT, value, 0, null);
        }

        static Attribute of(String name, float value) {
            return new Attribute(name, ATTR_FLOAT, 0, value, null);
        }

        static Attribute of(String name, long... values) {
            return new Attribute(name, ATTR_INTS, 0, 0, values);
        }

        byte[] toBytes() {
            return message(o -> {
                o.writeString(1, name);
                switch (type) {
                    case ATTR_FLOAT -> o.writeFloat(2, f);
                    case ATTR_INT -> o.writeInt64(3, i);
                    default -> {
                        for (long v : ints) {
                            o.writeInt64(8, v);
                        }
                    }
                }
                o.writeInt32(20, type);
            });
        }
    }

    /**
     * Declares a graph input.
     *
     * @param name its name
     * @param type its element type
     * @param dims symbolic ({@code "batch"}) or fixed ({@code "512"}) dimensions
     */
    void input(String name, int type, String... dims) {
        inputs.add(valueInfo(name, type, dims));
    }

    /**
     * Declares a graph output.
     *
     * @param name its name, a node's output
     * @param type its element type
     * @param dims symbolic or fixed dimensions
     */
    void output(String name, int type, String... dims) {
        outputs.add(valueInfo(name, type, dims));
    }

    /**
     * @param name the initializer's name
     * @param dims its shape
     * @param values row-major
     * @return the name
     */
    String floats(String name, long[] dims, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return tensor(name, FLOAT, dims, b.array());
    }

    /**
     * @param name the initializer's name
     * @param value a 0-d float
     * @return the name
     */
    String scalar(String name, float value) {
        return floats(name, new long[0], new float[] {value});
    }

    /**
     * @param name the initializer's name
     * @param dims its shape
     * @param values row-major
     * @return the name
     */
    String int8(String name, long[] dims, byte[] values) {
        return tensor(name, INT8, dims, values.clone());
    }

    /**
     * @param name the initializer's name
     * @param values a 1-d int64 tensor
     * @return the name
     */
    String longs(String name, long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return tensor(name, INT64, new long[] {values.length}, b.array());
    }

    /**
     * Adds a node of the default domain with one output, named after the operator.
     *
     * @param op the operator
     * @param in its inputs ({@code ""} for an omitted optional input)
     * @param attributes its attributes
     * @return the output's name
     */
    String node(String op, List<String> in, Attribute... attributes) {
        return node("", op, in, attributes);
    }

    /**
     * Adds a node with one output, named after the operator.
     *
     * @param domain {@code ""} or {@value #MICROSOFT}
     * @param op the operator
     * @param in its inputs
     * @param attributes its attributes
     * @return the output's name
     */
    String node(String domain, String op, List<String> in, Attribute... attributes) {
        String out = op + "_" + next++;
        add(domain, op, in, out, attributes);
        return out;
    }

    /**
     * Adds an {@code Identity} node whose output has a chosen name (a graph output's).
     *
     * @param in the value
     * @param out the name it gets
     */
    void rename(String in, String out) {
        add("", "Identity", List.of(in), out);
    }

    /** Adds a NodeProto; the node is named after its output. */
    private void add(String domain, String op, List<String> in, String out, Attribute... attributes) {
        nodes.add(message(o -> {
            for (String s : in) {
                o.writeString(1, s);
            }
            o.writeString(2, out);
            o.writeString(3, out);
            o.writeString(4, op);
            for (Attribute a : attributes) {
                o.writeByteArray(5, a.toBytes());
            }
            if (!domain.isEmpty()) {
                o.writeString(7, domain);
            }
        }));
    }

    /**
     * @param producer who wrote the model
     * @return the serialised ModelProto
     */
    byte[] toModel(String producer) {
        byte[] graph = message(o -> {
            for (byte[] n : nodes) {
                o.writeByteArray(1, n);
            }
            o.writeString(2, name);
            for (byte[] t : initializers) {
                o.writeByteArray(5, t);
            }
            for (byte[] i : inputs) {
                o.writeByteArray(11, i);
            }
            for (byte[] i : outputs) {
                o.writeByteArray(12, i);
            }
        });
        return message(o -> {
            o.writeInt64(1, 8); // ir_version 8 (ONNX 1.10 and later)
            o.writeString(2, producer);
            o.writeByteArray(7, graph);
            o.writeByteArray(8, message(p -> {
                p.writeString(1, "");
                p.writeInt64(2, OPSET);
            }));
            o.writeByteArray(8, message(p -> {
                p.writeString(1, MICROSOFT);
                p.writeInt64(2, 1);
            }));
        });
    }

    /**
     * @param name an initializer's name
     * @return whether the graph holds it already
     */
    boolean has(String name) {
        return initialized.contains(name);
    }

    /** Adds an initializer; a name already added keeps its first value (constants shared by name). */
    private String tensor(String name, int type, long[] dims, byte[] raw) {
        if (!initialized.add(name)) {
            return name;
        }
        initializers.add(message(o -> {
            for (long d : dims) {
                o.writeInt64(1, d);
            }
            o.writeInt32(2, type);
            o.writeString(8, name);
            o.writeByteArray(9, raw);
        }));
        return name;
    }

    private static byte[] valueInfo(String name, int type, String... dims) {
        byte[] shape = message(o -> {
            for (String d : dims) {
                o.writeByteArray(1, message(p -> {
                    if (d.chars().allMatch(Character::isDigit)) {
                        p.writeInt64(1, Long.parseLong(d));
                    } else {
                        p.writeString(2, d);
                    }
                }));
            }
        });
        byte[] tensorType = message(o -> {
            o.writeInt32(1, type);
            o.writeByteArray(2, shape);
        });
        return message(o -> {
            o.writeString(1, name);
            o.writeByteArray(2, message(p -> p.writeByteArray(1, tensorType)));
        });
    }

    /** Writes one message's fields. */
    @FunctionalInterface
    private interface Fields {
        void write(CodedOutputStream out) throws IOException;
    }

    /** Writes a message into an array of exactly its size: one pass to count the bytes, one to write them. */
    private static byte[] message(Fields fields) {
        try {
            CodedOutputStream counter = CodedOutputStream.newInstance(OutputStream.nullOutputStream(), 1 << 16);
            fields.write(counter);
            counter.flush();
            byte[] bytes = new byte[counter.getTotalBytesWritten()];
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            fields.write(out);
            out.checkNoSpaceLeft();
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
