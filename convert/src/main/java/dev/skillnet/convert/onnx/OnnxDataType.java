package dev.skillnet.convert.onnx;

/**
 * ONNX's {@code TensorProto.DataType} codes (onnx/onnx.proto) that matter here, with their byte
 * widths and names for messages.
 */
public final class OnnxDataType {

    /** {@code FLOAT}, float32. */
    public static final int FLOAT = 1;
    /** {@code UINT8}. */
    public static final int UINT8 = 2;
    /** {@code INT8}. */
    public static final int INT8 = 3;
    /** {@code UINT16}. */
    public static final int UINT16 = 4;
    /** {@code INT16}. */
    public static final int INT16 = 5;
    /** {@code INT32}. */
    public static final int INT32 = 6;
    /** {@code INT64}. */
    public static final int INT64 = 7;
    /** {@code STRING}, variable width. */
    public static final int STRING = 8;
    /** {@code BOOL}. */
    public static final int BOOL = 9;
    /** {@code FLOAT16}, IEEE 754 binary16. */
    public static final int FLOAT16 = 10;
    /** {@code DOUBLE}, float64. */
    public static final int DOUBLE = 11;
    /** {@code UINT32}. */
    public static final int UINT32 = 12;
    /** {@code UINT64}. */
    public static final int UINT64 = 13;
    /** {@code COMPLEX64}. */
    public static final int COMPLEX64 = 14;
    /** {@code COMPLEX128}. */
    public static final int COMPLEX128 = 15;
    /** {@code BFLOAT16}. */
    public static final int BFLOAT16 = 16;

    private static final String[] NAMES = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32",
        "INT64", "STRING", "BOOL", "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
    private static final int[] BYTES = {0, 4, 1, 1, 2, 2, 4, 8, 0, 1, 2, 8, 4, 8, 8, 16, 2};

    private OnnxDataType() {}

    /**
     * @param code a {@code TensorProto.DataType} code
     * @return its ONNX name, e.g. {@code FLOAT}, or {@code type N} for a code not listed here
     */
    public static String name(int code) {
        return code >= 0 && code < NAMES.length ? NAMES[code] : "type " + code;
    }

    /**
     * @param code a {@code TensorProto.DataType} code
     * @return bytes per element in {@code raw_data}, or 0 when variable ({@code STRING}) or unknown
     */
    public static int byteSize(int code) {
        return code >= 0 && code < BYTES.length ? BYTES[code] : 0;
    }

    /**
     * @param code a {@code TensorProto.DataType} code
     * @return whether {@link OnnxModel#readFloats} converts it: FLOAT, FLOAT16, BFLOAT16, DOUBLE
     */
    public static boolean isFloatingPoint(int code) {
        return code == FLOAT || code == FLOAT16 || code == BFLOAT16 || code == DOUBLE;
    }
}
