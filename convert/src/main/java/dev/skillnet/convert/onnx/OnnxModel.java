package dev.skillnet.convert.onnx;

import dev.skillnet.core.UserInputException;
import dev.skillnet.model.checkpoint.HalfFloats;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model file ({@code ModelProto}, onnx/onnx.proto): its graph's nodes, inputs, outputs
 * and initialisers, parsed without generated protobuf classes (see {@link OnnxProtoReader} for
 * the fields read).
 *
 * <p>The file is memory-mapped and tensor values stay in it until {@link #readFloats} or {@link
 * #readLongs} asks for them, so an open model costs little heap beyond the graph's structure.
 * Weights kept outside the file ({@code data_location} EXTERNAL) are not supported; a protobuf
 * file holding them inline is below 2 GiB.
 */
public final class OnnxModel {

    private final Path file;
    private final ByteBuffer data;
    private final long irVersion;
    private final String producerName;
    private final Map<String, Long> opsets;
    private final String graphName;
    private final List<OnnxNode> nodes;
    private final Map<String, OnnxTensor> initializers;
    private final List<String> inputs;
    private final List<String> outputs;

    OnnxModel(Path file, ByteBuffer data, long irVersion, String producerName, Map<String, Long> opsets,
            String graphName, List<OnnxNode> nodes, Map<String, OnnxTensor> initializers, List<String> inputs,
            List<String> outputs) {
        this.file = file;
        this.data = data;
        this.irVersion = irVersion;
        this.producerName = producerName;
        this.opsets = opsets;
        this.graphName = graphName;
        this.nodes = nodes;
        this.initializers = initializers;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /**
     * Opens and parses an ONNX file, checking every tensor's data fits its type and dimensions.
     *
     * @param file the {@code .onnx} file
     * @return the model; its file stays memory-mapped while it is reachable
     * @throws UserInputException when the file is missing, empty, not an ONNX protobuf, truncated,
     *     has no graph, or holds a tensor whose data does not fit its dimensions (named)
     */
    public static OnnxModel open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file, "missing ONNX file");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                throw new UserInputException(file, "empty file, not an ONNX model");
            }
            if (size > Integer.MAX_VALUE) {
                throw new UserInputException(file, "not an ONNX model: " + size + " bytes is more than a protobuf"
                        + " can hold (2 GiB); weights kept as external data are not supported");
            }
            return OnnxProtoReader.read(file, ch.map(FileChannel.MapMode.READ_ONLY, 0, size));
        } catch (IOException e) {
            throw new UserInputException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** @return the file this was read from */
    public Path file() {
        return file;
    }

    /** @return {@code ir_version} */
    public long irVersion() {
        return irVersion;
    }

    /** @return {@code producer_name}, e.g. {@code pytorch}; empty when absent */
    public String producerName() {
        return producerName;
    }

    /** @return operator set domain ({@code ""} for the default one) to version */
    public Map<String, Long> opsets() {
        return opsets;
    }

    /** @return the graph's name */
    public String graphName() {
        return graphName;
    }

    /** @return the graph's nodes, in file (topological) order */
    public List<OnnxNode> nodes() {
        return nodes;
    }

    /** @return the graph's initialisers by name, in file order */
    public Map<String, OnnxTensor> initializers() {
        return initializers;
    }

    /** @return the names of the graph's inputs (initialisers may be listed among them) */
    public List<String> inputs() {
        return inputs;
    }

    /** @return the names of the graph's outputs */
    public List<String> outputs() {
        return outputs;
    }

    /**
     * Reads a floating-point tensor as float32, converting FLOAT16, BFLOAT16 and DOUBLE.
     *
     * @param t a tensor of this model
     * @return its values, row-major
     * @throws UserInputException when the tensor is not floating-point, naming it
     */
    public float[] readFloats(OnnxTensor t) {
        int n = count(t);
        float[] out = new float[n];
        int type = t.dataType();
        if (t.hasRawData()) {
            ByteBuffer b = raw(t);
            switch (type) {
                case OnnxDataType.FLOAT -> b.asFloatBuffer().get(out);
                case OnnxDataType.DOUBLE -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = (float) b.getDouble();
                    }
                }
                case OnnxDataType.FLOAT16 -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = HalfFloats.halfToFloat(b.getShort());
                    }
                }
                case OnnxDataType.BFLOAT16 -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = Float.intBitsToFloat((b.getShort() & 0xFFFF) << 16);
                    }
                }
                default -> throw notType(t, "a floating-point type");
            }
            return out;
        }
        switch (type) {
            case OnnxDataType.FLOAT -> System.arraycopy(t.floatData(), 0, out, 0, n);
            case OnnxDataType.DOUBLE -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) t.doubleData()[i];
                }
            }
            case OnnxDataType.FLOAT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = HalfFloats.halfToFloat((short) t.intData()[i]);
                }
            }
            case OnnxDataType.BFLOAT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Float.intBitsToFloat(((int) t.intData()[i] & 0xFFFF) << 16);
                }
            }
            default -> throw notType(t, "a floating-point type");
        }
        return out;
    }

    /**
     * Reads an INT64 or INT32 tensor (a shape, an axis list).
     *
     * @param t a tensor of this model
     * @return its values, row-major
     * @throws UserInputException when the tensor is not an integer tensor, naming it
     */
    public long[] readLongs(OnnxTensor t) {
        int n = count(t);
        if (t.dataType() != OnnxDataType.INT64 && t.dataType() != OnnxDataType.INT32) {
            throw notType(t, "INT64 or INT32");
        }
        if (!t.hasRawData()) {
            return t.intData().clone();
        }
        long[] out = new long[n];
        ByteBuffer b = raw(t);
        for (int i = 0; i < n; i++) {
            out[i] = t.dataType() == OnnxDataType.INT64 ? b.getLong() : b.getInt();
        }
        return out;
    }

    private ByteBuffer raw(OnnxTensor t) {
        return data.duplicate().position((int) t.rawOffset()).limit((int) (t.rawOffset() + t.rawLength()))
                .slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private int count(OnnxTensor t) {
        long n = t.size();
        if (n > Integer.MAX_VALUE - 8) {
            throw new UserInputException(file, "tensor '" + t.name() + "' " + t.describe()
                    + " has too many elements to read into one array");
        }
        return (int) n;
    }

    private UserInputException notType(OnnxTensor t, String expected) {
        return new UserInputException(file, "tensor '" + t.name() + "' is " + t.describe() + ", expected "
                + expected);
    }
}
