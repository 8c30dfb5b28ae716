package dev.skillnet.model.checkpoint;

/**
 * IEEE 754 binary16 to float32 (Java 17 has no {@code Float.float16ToFloat}), for every reader of
 * half-precision weights: safetensors, ONNX and TensorFlow files.
 */
public final class HalfFloats {

    private HalfFloats() {}

    /**
     * @param half the 16 bits of a binary16 value
     * @return the same value as a float, exactly (every binary16 value is a float)
     */
    public static float halfToFloat(short half) {
        int h = half & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
