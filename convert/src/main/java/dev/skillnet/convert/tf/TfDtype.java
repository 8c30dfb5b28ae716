package dev.skillnet.convert.tf;

import java.util.Map;

/**
 * TensorFlow's {@code DataType} enum codes ({@code tensorflow/core/framework/types.proto}) that a
 * tensor bundle may hold, with their names and element widths.
 */
public final class TfDtype {

    /** {@code DT_FLOAT}, float32. */
    public static final int FLOAT = 1;
    /** {@code DT_DOUBLE}, float64. */
    public static final int DOUBLE = 2;
    /** {@code DT_INT32}. */
    public static final int INT32 = 3;
    /** {@code DT_UINT8}. */
    public static final int UINT8 = 4;
    /** {@code DT_INT16}. */
    public static final int INT16 = 5;
    /** {@code DT_INT8}. */
    public static final int INT8 = 6;
    /** {@code DT_STRING}: variable-length byte strings, not readable here. */
    public static final int STRING = 7;
    /** {@code DT_COMPLEX64}. */
    public static final int COMPLEX64 = 8;
    /** {@code DT_INT64}. */
    public static final int INT64 = 9;
    /** {@code DT_BOOL}, one byte per element. */
    public static final int BOOL = 10;
    /** {@code DT_BFLOAT16}: the top 16 bits of a float32. */
    public static final int BFLOAT16 = 14;
    /** {@code DT_UINT16}. */
    public static final int UINT16 = 17;
    /** {@code DT_COMPLEX128}. */
    public static final int COMPLEX128 = 18;
    /** {@code DT_HALF}, IEEE 754 binary16. */
    public static final int HALF = 19;
    /** {@code DT_UINT32}. */
    public static final int UINT32 = 22;
    /** {@code DT_UINT64}. */
    public static final int UINT64 = 23;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(FLOAT, "DT_FLOAT"), Map.entry(DOUBLE, "DT_DOUBLE"), Map.entry(INT32, "DT_INT32"),
            Map.entry(UINT8, "DT_UINT8"), Map.entry(INT16, "DT_INT16"), Map.entry(INT8, "DT_INT8"),
            Map.entry(STRING, "DT_STRING"), Map.entry(COMPLEX64, "DT_COMPLEX64"), Map.entry(INT64, "DT_INT64"),
            Map.entry(BOOL, "DT_BOOL"), Map.entry(BFLOAT16, "DT_BFLOAT16"), Map.entry(UINT16, "DT_UINT16"),
            Map.entry(COMPLEX128, "DT_COMPLEX128"), Map.entry(HALF, "DT_HALF"), Map.entry(20, "DT_RESOURCE"),
            Map.entry(21, "DT_VARIANT"), Map.entry(UINT32, "DT_UINT32"), Map.entry(UINT64, "DT_UINT64"));

    private static final Map<Integer, Integer> WIDTHS = Map.ofEntries(
            Map.entry(FLOAT, 4), Map.entry(DOUBLE, 8), Map.entry(INT32, 4), Map.entry(UINT8, 1),
            Map.entry(INT16, 2), Map.entry(INT8, 1), Map.entry(COMPLEX64, 8), Map.entry(INT64, 8),
            Map.entry(BOOL, 1), Map.entry(BFLOAT16, 2), Map.entry(UINT16, 2), Map.entry(COMPLEX128, 16),
            Map.entry(HALF, 2), Map.entry(UINT32, 4), Map.entry(UINT64, 8));

    private TfDtype() {}

    /**
     * @param code a {@code DataType} code
     * @return its name, e.g. {@code DT_FLOAT}, or {@code DataType(code)} when unknown here
     */
    public static String name(int code) {
        return NAMES.getOrDefault(code, "DataType(" + code + ")");
    }

    /**
     * @param code a {@code DataType} code
     * @return bytes per element, or 0 when the type has no fixed width (strings, resources,
     *     variants) or is unknown here
     */
    public static int width(int code) {
        return WIDTHS.getOrDefault(code, 0);
    }

    /**
     * @param code a {@code DataType} code
     * @return whether {@link TensorBundle#readFloats} converts it (float32, float64, half, bfloat16)
     */
    public static boolean isFloating(int code) {
        return code == FLOAT || code == DOUBLE || code == HALF || code == BFLOAT16;
    }
}
