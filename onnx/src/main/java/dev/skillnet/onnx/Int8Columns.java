package dev.skillnet.onnx;

/**
 * Symmetric per-column int8 quantization of a weight matrix: each output column {@code j} gets
 * {@code scale[j] = max_i |w[i][j]| / 127} and {@code q[i][j] = round(w[i][j] / scale[j])}, zero
 * point 0.
 *
 * @param values [in, out] row-major, in -127..127
 * @param scales [out]
 */
record Int8Columns(byte[] values, float[] scales) {

    /**
     * @param weight [in, out] row-major, the layout ONNX's MatMul reads
     * @param in rows
     * @param out columns
     * @return the quantized matrix
     */
    static Int8Columns of(float[] weight, int in, int out) {
        float[] scales = new float[out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                scales[j] = Math.max(scales[j], Math.abs(weight[i * out + j]));
            }
        }
        for (int j = 0; j < out; j++) {
            scales[j] = scales[j] == 0 ? 1f : scales[j] / 127f;
        }
        byte[] q = new byte[in * out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                q[i * out + j] = (byte) Math.max(-127, Math.min(127, Math.round(weight[i * out + j] / scales[j])));
            }
        }
        return new Int8Columns(q, scales);
    }
}
