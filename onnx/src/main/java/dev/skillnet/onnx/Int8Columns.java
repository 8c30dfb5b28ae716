package dev.skillnet.onnx;

/**
 * Symmetric per-column quantization of a weight matrix to 7-bit values stored as int8: each output
 * column {@code j} gets {@code scale[j] = max_i |w[i][j]| / 63} and
 * {@code q[i][j] = round(w[i][j] / scale[j])}, zero point 0.
 *
 * <p>Why 63 and not 127. ONNX Runtime multiplies uint8 inputs by int8 weights. On x86 CPUs with
 * AVX2 but no VNNI it does so with {@code vpmaddubsw}, which adds each pair of adjacent products
 * in a saturating 16-bit sum: with weights up to 127 a pair reaches {@code 2 * 255 * 127 = 64,770}
 * and is clipped at 32,767, so logits stray (8.9% of their size on {@code TaskGraphTest}'s model
 * on an AMD EPYC with AVX2 only, against 1.7% without saturation). With weights up to 63 a pair
 * is at most {@code 2 * 255 * 63 = 32,130}: exact on every CPU, the remedy ONNX Runtime's own
 * quantizer calls {@code reduce_range}. uint8 weights (no saturation either) take a 16-bit kernel:
 * on that CPU cmrc2018 took 43.9 s against 35.0 s with 7 bits and 48.4 s in fp32, and 7-bit
 * weights scored as well (docs/PERFORMANCE.md).
 *
 * @param values [in, out] row-major, in -{@value #LEVELS}..{@value #LEVELS}
 * @param scales [out]
 */
record Int8Columns(byte[] values, float[] scales) {

    /** The largest magnitude of a quantized weight. */
    static final int LEVELS = 63;

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
            scales[j] = scales[j] == 0 ? 1f : scales[j] / LEVELS;
        }
        byte[] q = new byte[in * out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                q[i * out + j] = (byte) Math.max(-LEVELS, Math.min(LEVELS, Math.round(weight[i * out + j] / scales[j])));
            }
        }
        return new Int8Columns(q, scales);
    }
}
