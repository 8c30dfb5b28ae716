package dev.skillnet.convert.onnx;

import java.util.Arrays;

/**
 * One {@code TensorProto} of the graph (an initialiser, or the {@code value} of a {@code Constant}
 * node), without its values: those stay in the memory-mapped file and are read on demand by
 * {@link OnnxModel#readFloats} and {@link OnnxModel#readLongs}.
 *
 * <p>Exactly one of the data forms is set when the tensor holds any element: the byte range of
 * {@code raw_data} ({@code rawOffset >= 0}), or the typed values ONNX allows instead of it.
 *
 * @param name {@code name} (field 8)
 * @param dataType {@code data_type} (field 2), an {@link OnnxDataType} code
 * @param dims {@code dims} (field 1)
 * @param rawOffset where {@code raw_data} (field 9) starts in the file, or -1 when absent
 * @param rawLength the length of {@code raw_data} in bytes, 0 when absent
 * @param floatData {@code float_data} (field 4), or {@code null}
 * @param intData {@code int64_data} (field 7) or {@code int32_data} (field 5, also FLOAT16 and
 *     BFLOAT16 bit patterns), or {@code null}
 * @param doubleData {@code double_data} (field 10), or {@code null}
 */
public record OnnxTensor(String name, int dataType, long[] dims, long rawOffset, long rawLength,
        float[] floatData, long[] intData, double[] doubleData) {

    /** @return the number of elements, the product of {@link #dims} (1 for a scalar) */
    public long size() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** @return whether the values are in {@code raw_data} */
    public boolean hasRawData() {
        return rawOffset >= 0;
    }

    /** @return the number of typed values held instead of {@code raw_data} */
    public long valueCount() {
        if (floatData != null) {
            return floatData.length;
        }
        if (intData != null) {
            return intData.length;
        }
        return doubleData != null ? doubleData.length : 0;
    }

    /** @return the data type and dimensions as text, e.g. {@code FLOAT [512, 2048]} */
    public String describe() {
        return OnnxDataType.name(dataType) + " " + Arrays.toString(dims);
    }
}
