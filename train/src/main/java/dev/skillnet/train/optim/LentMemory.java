package dev.skillnet.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A float32 CPU tensor's own memory, lent to Java as a buffer: what is written into the buffer is
 * the tensor. PyTorch lends its storage directly only when the tensor is contiguous (otherwise DJL
 * hands back a copy), so every loan is checked by writing one element through the buffer and
 * reading it back through the engine.
 */
final class LentMemory {

    private LentMemory() {}

    /**
     * @param x a tensor
     * @return a buffer over {@code x}'s own elements in row-major order, or null when the engine
     *     cannot lend them (not PyTorch, not float32 on the CPU, not contiguous)
     */
    static FloatBuffer of(NDArray x) {
        if (!(x instanceof PtNDArray pt) || x.getDataType() != ai.djl.ndarray.types.DataType.FLOAT32
                || !x.getDevice().equals(ai.djl.Device.cpu()) || x.size() == 0 || x.size() > Integer.MAX_VALUE) {
            return null;
        }
        ByteBuffer bytes = JniUtils.getByteBuffer(pt, true);
        if (!bytes.isDirect() || bytes.capacity() != 4 * x.size()) {
            return null;
        }
        FloatBuffer lent = bytes.order(ByteOrder.nativeOrder()).asFloatBuffer();
        return aliases(x, lent) ? lent : null;
    }

    /** Writes a distinct value at element 0 through the buffer and reads it back through the engine. */
    private static boolean aliases(NDArray x, FloatBuffer lent) {
        float original = lent.get(0);
        float probe = original == 1f ? 2f : 1f;
        lent.put(0, probe);
        boolean seen;
        try (NDArray flat = x.reshape(-1); NDArray first = flat.get(0)) {
            seen = first.getFloat() == probe;
        }
        lent.put(0, original);
        return seen;
    }
}
