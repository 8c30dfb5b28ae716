package dev.skillnet.convert.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the protobuf wire format of an ONNX {@code ModelProto} field by field with {@link
 * CodedInputStream}, without generated classes. Field numbers are those of onnx/onnx.proto:
 *
 * <ul>
 *   <li>{@code ModelProto}: ir_version 1, producer_name 2, graph 7, opset_import 8
 *       ({@code OperatorSetIdProto}: domain 1, version 2)
 *   <li>{@code GraphProto}: node 1, name 2, initializer 5, input 11, output 12
 *       ({@code ValueInfoProto}: name 1)
 *   <li>{@code NodeProto}: input 1, output 2, name 3, op_type 4, attribute 5
 *   <li>{@code AttributeProto}: name 1, f 2, i 3, t 5, ints 8
 *   <li>{@code TensorProto}: dims 1, data_type 2, float_data 4, int32_data 5, int64_data 7, name 8,
 *       raw_data 9, double_data 10, external_data 13, data_location 14
 * </ul>
 *
 * <p>Every other field is skipped. One stream runs over the whole memory-mapped file, nested
 * messages being bounded with {@link CodedInputStream#pushLimit}, so {@link
 * CodedInputStream#getTotalBytesRead()} is a file offset throughout: {@code raw_data} is recorded
 * as a byte range and skipped, never copied.
 */
final class OnnxProtoReader {

    private static final int VARINT = WireFormat.WIRETYPE_VARINT;
    private static final int FIXED32 = WireFormat.WIRETYPE_FIXED32;
    private static final int FIXED64 = WireFormat.WIRETYPE_FIXED64;
    private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
    /** {@code TensorProto.DataLocation.EXTERNAL}. */
    private static final int EXTERNAL = 1;

    private final Path file;
    private final CodedInputStream in;
    private final long fileSize;

    private long irVersion;
    private String producerName = "";
    private final Map<String, Long> opsets = new LinkedHashMap<>();
    private boolean sawGraph;
    private String graphName = "";
    private final List<OnnxNode> nodes = new ArrayList<>();
    private final Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();

    private OnnxProtoReader(Path file, ByteBuffer data) {
        this.file = file;
        this.in = CodedInputStream.newInstance(data.duplicate());
        this.fileSize = data.remaining();
    }

    /**
     * Parses a whole {@code ModelProto}.
     *
     * @param file the file, for messages
     * @param data its bytes (memory-mapped); kept by the returned model for reading tensors
     * @return the model
     * @throws UserInputException for bytes that are not a well-formed ONNX model with a graph
     */
    static OnnxModel read(Path file, ByteBuffer data) {
        OnnxProtoReader r = new OnnxProtoReader(file, data);
        try {
            r.model();
        } catch (IOException e) {
            throw new UserInputException(file, "corrupt ONNX file (" + firstSentence(e.getMessage()) + ") at byte "
                    + r.in.getTotalBytesRead(), e);
        }
        if (!r.sawGraph) {
            throw new UserInputException(file, "not an ONNX model: no graph (ModelProto field 7)");
        }
        return new OnnxModel(file, data, r.irVersion, r.producerName, Collections.unmodifiableMap(r.opsets),
                r.graphName, List.copyOf(r.nodes), Collections.unmodifiableMap(r.initializers),
                List.copyOf(r.inputs), List.copyOf(r.outputs));
    }

    private void model() throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> irVersion = expect(tag, VARINT, "ModelProto.ir_version").readInt64();
                case 2 -> producerName = expect(tag, LEN, "ModelProto.producer_name").readString();
                case 7 -> {
                    nested(tag, "ModelProto.graph", this::graph);
                    sawGraph = true;
                }
                case 8 -> nested(tag, "ModelProto.opset_import", this::opset);
                default -> skip(tag);
            }
        }
    }

    private Void opset() throws IOException {
        String domain = "";
        long version = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> domain = expect(tag, LEN, "OperatorSetIdProto.domain").readString();
                case 2 -> version = expect(tag, VARINT, "OperatorSetIdProto.version").readInt64();
                default -> skip(tag);
            }
        }
        opsets.put(domain, version);
        return null;
    }

    private Void graph() throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> nodes.add(nested(tag, "GraphProto.node", this::node));
                case 2 -> graphName = expect(tag, LEN, "GraphProto.name").readString();
                case 5 -> {
                    OnnxTensor t = nested(tag, "GraphProto.initializer", this::tensor);
                    initializers.put(t.name(), t);
                }
                case 11 -> inputs.add(nested(tag, "GraphProto.input", this::valueInfo));
                case 12 -> outputs.add(nested(tag, "GraphProto.output", this::valueInfo));
                default -> skip(tag);
            }
        }
        return null;
    }

    private String valueInfo() throws IOException {
        String name = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                name = expect(tag, LEN, "ValueInfoProto.name").readString();
            } else {
                skip(tag);
            }
        }
        return name;
    }

    private OnnxNode node() throws IOException {
        String name = "";
        String opType = "";
        List<String> nodeInputs = new ArrayList<>();
        List<String> nodeOutputs = new ArrayList<>();
        Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> nodeInputs.add(expect(tag, LEN, "NodeProto.input").readString());
                case 2 -> nodeOutputs.add(expect(tag, LEN, "NodeProto.output").readString());
                case 3 -> name = expect(tag, LEN, "NodeProto.name").readString();
                case 4 -> opType = expect(tag, LEN, "NodeProto.op_type").readString();
                case 5 -> {
                    OnnxAttribute a = nested(tag, "NodeProto.attribute", this::attribute);
                    attributes.put(a.name(), a);
                }
                default -> skip(tag);
            }
        }
        return new OnnxNode(name, opType, List.copyOf(nodeInputs), List.copyOf(nodeOutputs),
                Collections.unmodifiableMap(attributes));
    }

    private OnnxAttribute attribute() throws IOException {
        String name = "";
        float f = 0;
        long i = 0;
        Longs ints = new Longs();
        OnnxTensor t = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = expect(tag, LEN, "AttributeProto.name").readString();
                case 2 -> f = expect(tag, FIXED32, "AttributeProto.f").readFloat();
                case 3 -> i = expect(tag, VARINT, "AttributeProto.i").readInt64();
                case 5 -> t = nested(tag, "AttributeProto.t", this::tensor);
                case 8 -> readVarints(tag, "AttributeProto.ints", ints);
                default -> skip(tag);
            }
        }
        return new OnnxAttribute(name, f, i, ints.toArray(), t);
    }

    private OnnxTensor tensor() throws IOException {
        long start = in.getTotalBytesRead();
        String name = "";
        int dataType = 0;
        Longs dims = new Longs();
        long rawOffset = -1;
        long rawLength = 0;
        Floats floats = null;
        Longs int32 = null;
        Longs int64 = null;
        Doubles doubles = null;
        boolean external = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> readVarints(tag, "TensorProto.dims", dims);
                case 2 -> dataType = expect(tag, VARINT, "TensorProto.data_type").readInt32();
                case 4 -> readFloats(tag, floats = floats == null ? new Floats() : floats);
                case 5 -> readVarints(tag, "TensorProto.int32_data", int32 = int32 == null ? new Longs() : int32);
                case 7 -> readVarints(tag, "TensorProto.int64_data", int64 = int64 == null ? new Longs() : int64);
                case 8 -> name = expect(tag, LEN, "TensorProto.name").readString();
                case 9 -> {
                    rawLength = expect(tag, LEN, "TensorProto.raw_data").readRawVarint32();
                    rawOffset = in.getTotalBytesRead();
                    in.skipRawBytes((int) rawLength);
                }
                case 10 -> readDoubles(tag, doubles = doubles == null ? new Doubles() : doubles);
                case 13 -> {
                    external = true;
                    skip(tag);
                }
                case 14 -> external |= expect(tag, VARINT, "TensorProto.data_location").readEnum() == EXTERNAL;
                default -> skip(tag);
            }
        }
        String label = name.isEmpty() ? "unnamed tensor at byte " + start : "tensor '" + name + "'";
        if (external) {
            throw new UserInputException(file, label + " keeps its data outside the file (data_location EXTERNAL),"
                    + " which is not supported: export the model with its weights inside the .onnx file");
        }
        long[] shape = dims.toArray();
        for (long d : shape) {
            if (d < 0) {
                throw new UserInputException(file, label + " has a negative dimension " + Arrays.toString(shape));
            }
        }
        long[] ints = dataType == OnnxDataType.INT64 ? arrayOf(int64) : arrayOf(int32);
        OnnxTensor t = new OnnxTensor(name, dataType, shape, rawOffset, rawLength,
                floats == null ? null : floats.toArray(), ints, doubles == null ? null : doubles.toArray());
        check(t, label);
        return t;
    }

    /** Checks the data a tensor holds fits its type and dimensions. */
    private void check(OnnxTensor t, String label) {
        long size = t.size();
        if (t.hasRawData()) {
            int width = OnnxDataType.byteSize(t.dataType());
            if (width > 0 && t.rawLength() != size * width) {
                throw new UserInputException(file, label + " " + t.describe() + " should hold " + size * width
                        + " bytes of raw_data, it holds " + t.rawLength());
            }
            return;
        }
        String field = switch (t.dataType()) {
            case OnnxDataType.FLOAT -> "float_data";
            case OnnxDataType.DOUBLE -> "double_data";
            case OnnxDataType.INT64 -> "int64_data";
            case OnnxDataType.INT32, OnnxDataType.INT16, OnnxDataType.INT8, OnnxDataType.UINT16,
                    OnnxDataType.UINT8, OnnxDataType.BOOL, OnnxDataType.FLOAT16, OnnxDataType.BFLOAT16 -> "int32_data";
            default -> null;
        };
        if (field != null && t.valueCount() != size) {
            throw new UserInputException(file, label + " " + t.describe() + " should hold " + size + " values in "
                    + field + " (it has no raw_data), it holds " + t.valueCount());
        }
    }

    private <T> T nested(int tag, String what, Body<T> body) throws IOException {
        expect(tag, LEN, what);
        int length = in.readRawVarint32();
        long end = in.getTotalBytesRead() + (length & 0xFFFFFFFFL);
        if (length < 0 || end > fileSize) {
            throw new UserInputException(file, "truncated ONNX file: " + what + " at byte " + in.getTotalBytesRead()
                    + " claims " + (length & 0xFFFFFFFFL) + " bytes, but the file ends at byte " + fileSize);
        }
        int old = in.pushLimit(length);
        T value = body.read();
        if (in.getTotalBytesRead() != end) {
            throw new UserInputException(file, "corrupt ONNX file: " + what + " should end at byte " + end
                    + ", its fields end at byte " + in.getTotalBytesRead());
        }
        in.popLimit(old);
        return value;
    }

    private CodedInputStream expect(int tag, int wireType, String what) {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw new UserInputException(file, "corrupt ONNX file: " + what + " has wire type "
                    + WireFormat.getTagWireType(tag) + ", expected " + wireType + ", at byte " + in.getTotalBytesRead());
        }
        return in;
    }

    private void skip(int tag) throws IOException {
        if (!in.skipField(tag)) {
            throw new UserInputException(file, "corrupt ONNX file: unexpected end-group tag at byte "
                    + in.getTotalBytesRead());
        }
    }

    /** Reads a repeated varint field, packed or not. */
    private void readVarints(int tag, String what, Longs out) throws IOException {
        if (WireFormat.getTagWireType(tag) == LEN) {
            int old = in.pushLimit(in.readRawVarint32());
            while (in.getBytesUntilLimit() > 0) {
                out.add(in.readInt64());
            }
            in.popLimit(old);
        } else {
            out.add(expect(tag, VARINT, what).readInt64());
        }
    }

    private void readFloats(int tag, Floats out) throws IOException {
        if (WireFormat.getTagWireType(tag) == LEN) {
            int old = in.pushLimit(in.readRawVarint32());
            while (in.getBytesUntilLimit() > 0) {
                out.add(in.readFloat());
            }
            in.popLimit(old);
        } else {
            out.add(expect(tag, FIXED32, "TensorProto.float_data").readFloat());
        }
    }

    private void readDoubles(int tag, Doubles out) throws IOException {
        if (WireFormat.getTagWireType(tag) == LEN) {
            int old = in.pushLimit(in.readRawVarint32());
            while (in.getBytesUntilLimit() > 0) {
                out.add(in.readDouble());
            }
            in.popLimit(old);
        } else {
            out.add(expect(tag, FIXED64, "TensorProto.double_data").readDouble());
        }
    }

    private static long[] arrayOf(Longs values) {
        return values == null ? null : values.toArray();
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "unreadable protobuf";
        }
        int dot = message.indexOf(". ");
        return dot > 0 ? message.substring(0, dot) : message;
    }

    /** Reads one nested message's fields. */
    @FunctionalInterface
    private interface Body<T> {
        T read() throws IOException;
    }

    /** A growable {@code long[]}. */
    private static final class Longs {
        private long[] values = new long[4];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable {@code float[]}. */
    private static final class Floats {
        private float[] values = new float[16];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable {@code double[]}. */
    private static final class Doubles {
        private double[] values = new double[16];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
