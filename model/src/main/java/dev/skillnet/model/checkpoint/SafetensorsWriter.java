package dev.skillnet.model.checkpoint;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.skillnet.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes float32 tensors as a {@code .safetensors} file, atomically (see {@link AtomicFiles}).
 */
public final class SafetensorsWriter {

    /**
     * A tensor to write.
     *
     * @param shape its dimensions
     * @param values row-major values; length is the product of {@code shape}
     */
    public record Tensor(long[] shape, float[] values) {
        /** Checks the length matches the shape. */
        public Tensor {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != values.length) {
                throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " holds " + n
                        + " values, got " + values.length);
            }
        }
    }

    private SafetensorsWriter() {}

    /** Produces one tensor's values when the writer reaches it. */
    @FunctionalInterface
    public interface Values {
        /**
         * @param name the tensor's name
         * @return its row-major values, as many as its shape holds
         * @throws IOException on a read failure
         */
        float[] read(String name) throws IOException;
    }

    /**
     * Writes tensors in the given order.
     *
     * @param file the destination; replaced only once the new file is complete and synced
     * @param tensors name to tensor, in the order to write
     * @param metadata strings stored under {@code __metadata__}
     * @throws IOException on a write failure (the destination is then untouched)
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        tensors.forEach((name, t) -> shapes.put(name, t.shape()));
        write(file, shapes, name -> tensors.get(name).values(), metadata);
    }

    /**
     * Writes tensors in the given order, asking for each one's values only when it is written, so
     * that no more than one tensor is in the heap at a time.
     *
     * @param file the destination; replaced only once the new file is complete and synced
     * @param shapes name to shape, in the order to write
     * @param values gives each tensor's values
     * @param metadata strings stored under {@code __metadata__}
     * @throws IOException on a write failure or a failure of {@code values} (the destination is
     *     then untouched)
     */
    public static void write(Path file, Map<String, long[]> shapes, Values values, Map<String, String> metadata)
            throws IOException {
        JsonObject header = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (var e : shapes.entrySet()) {
            JsonObject t = new JsonObject();
            t.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (long d : e.getValue()) {
                shape.add(d);
            }
            t.add("shape", shape);
            JsonArray offsets = new JsonArray();
            long bytes = 4L * count(e.getValue());
            offsets.add(offset);
            offsets.add(offset + bytes);
            t.add("data_offsets", offsets);
            header.add(e.getKey(), t);
            offset += bytes;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8; // align the data section to 8 bytes, padding with spaces
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        AtomicFiles.write(file, ch -> {
            ch.write(head);
            for (var e : shapes.entrySet()) {
                float[] v = values.read(e.getKey());
                if (v.length != count(e.getValue())) {
                    throw new IllegalArgumentException(e.getKey() + ": shape " + java.util.Arrays.toString(e.getValue())
                            + " holds " + count(e.getValue()) + " values, got " + v.length);
                }
                ByteBuffer buf = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                buf.asFloatBuffer().put(v);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        });
    }

    /**
     * Writes arrays (float32 on any engine), copying one at a time into the heap, so that saving a
     * model needs one tensor's worth of Java memory, not the whole model's.
     *
     * @param file the destination; replaced only once the new file is complete and synced
     * @param arrays name to array, in the order to write
     * @param metadata strings stored under {@code __metadata__}
     * @throws IOException on a write failure (the destination is then untouched)
     */
    public static void writeArrays(Path file, Map<String, NDArray> arrays, Map<String, String> metadata)
            throws IOException {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        arrays.forEach((name, a) -> shapes.put(name, a.getShape().getShape()));
        write(file, shapes, name -> arrays.get(name).toFloatArray(), metadata);
    }

    private static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
