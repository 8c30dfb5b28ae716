package dev.skillnet.model.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code .safetensors} file: an 8-byte little-endian header length, a JSON header mapping
 * each tensor name to its dtype, shape and byte range, then the raw little-endian data.
 *
 * <p>The whole header is validated on {@link #open}: a truncated file, a range outside the data,
 * or a byte count that does not match dtype and shape is reported naming the tensor. Only this
 * format and JSON are ever read; there is no pickle or Java serialisation anywhere.
 */
public final class SafetensorsFile {

    /**
     * One tensor's entry in the header.
     *
     * @param name the tensor's key
     * @param dtype safetensors dtype ({@code F32}, {@code F16}, {@code BF16}, {@code I64}, ...)
     * @param shape the dimensions
     * @param begin first byte, relative to the data section
     * @param end one past the last byte
     */
    public record Entry(String name, String dtype, long[] shape, long begin, long end) {

        /** @return the number of elements */
        public long size() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        /** @return the shape as text, e.g. {@code [32, 64]} */
        public String shapeText() {
            return Arrays.toString(shape);
        }
    }

    private static final Map<String, Integer> DTYPE_BYTES = Map.of(
            "F64", 8, "F32", 4, "F16", 2, "BF16", 2, "I64", 8, "I32", 4, "I16", 2, "I8", 1, "U8", 1, "BOOL", 1);

    private final Path file;
    private final Map<String, Entry> entries;
    private final Map<String, String> metadata;
    private final long dataStart;
    /** The file's key (inode) and size when opened: a file replaced since is not read with old offsets. */
    private final Object fileKey;
    private final long size;

    private SafetensorsFile(Path file, Map<String, Entry> entries, Map<String, String> metadata, long dataStart,
            Object fileKey, long size) {
        this.file = file;
        this.entries = entries;
        this.metadata = metadata;
        this.dataStart = dataStart;
        this.fileKey = fileKey;
        this.size = size;
    }

    /**
     * Opens and validates a safetensors file.
     *
     * @param file the file
     * @return the opened file; each tensor is read from the file when asked for (a file may exceed
     *     2 GiB; one tensor may not)
     * @throws UserInputException when the file is missing, truncated or inconsistent
     */
    public static SafetensorsFile open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file, "missing safetensors file");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new UserInputException(file, "truncated: " + size + " bytes, too short for a safetensors header");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(lenBuf, 0);
            long headerLength = lenBuf.flip().getLong();
            if (headerLength <= 0 || headerLength > size - 8 || headerLength > 100_000_000L) {
                throw new UserInputException(file, "truncated or not safetensors: header length " + headerLength
                        + " does not fit in a file of " + size + " bytes");
            }
            ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLength);
            ch.read(headerBuf, 8);
            String header = new String(headerBuf.array(), StandardCharsets.UTF_8);
            long dataStart = 8 + headerLength;
            long dataLength = size - dataStart;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, Entry> entries = parseHeader(file, header, dataLength, metadata);
            return new SafetensorsFile(file, entries, metadata, dataStart, fileKey(file), size);
        } catch (IOException e) {
            throw new UserInputException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Map<String, Entry> parseHeader(Path file, String header, long dataLength,
            Map<String, String> metadata) {
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(header);
            if (!e.isJsonObject()) {
                throw new UserInputException(file, "safetensors header is not a JSON object");
            }
            root = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new UserInputException(file, "corrupt safetensors header: " + e.getMessage(), e);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (var kv : root.entrySet()) {
            String name = kv.getKey();
            if (name.equals("__metadata__")) {
                for (var m : kv.getValue().getAsJsonObject().entrySet()) {
                    metadata.put(m.getKey(), m.getValue().getAsString());
                }
                continue;
            }
            try {
                JsonObject t = kv.getValue().getAsJsonObject();
                String dtype = t.get("dtype").getAsString();
                var shapeJson = t.getAsJsonArray("shape");
                long[] shape = new long[shapeJson.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = shapeJson.get(i).getAsLong();
                }
                var offsets = t.getAsJsonArray("data_offsets");
                Entry entry = new Entry(name, dtype, shape, offsets.get(0).getAsLong(), offsets.get(1).getAsLong());
                Integer width = DTYPE_BYTES.get(dtype);
                if (width == null) {
                    throw new UserInputException(file, "tensor '" + name + "' has unknown dtype " + dtype);
                }
                if (entry.end() > dataLength) {
                    throw new UserInputException(file, "truncated: tensor '" + name + "' needs bytes " + entry.begin()
                            + ".." + entry.end() + " but the data section has only " + dataLength + " bytes");
                }
                if (entry.begin() < 0 || entry.end() - entry.begin() != entry.size() * width) {
                    throw new UserInputException(file, "tensor '" + name + "' " + dtype + " " + entry.shapeText()
                            + " should take " + entry.size() * width + " bytes, its range " + entry.begin() + ".."
                            + entry.end() + " holds " + (entry.end() - entry.begin()));
                }
                entries.put(name, entry);
            } catch (NullPointerException | IllegalStateException | ClassCastException
                    | UnsupportedOperationException | IndexOutOfBoundsException e) {
                throw new UserInputException(file, "corrupt safetensors header entry for '" + name + "'", e);
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    /** @return the file this was read from */
    public Path file() {
        return file;
    }

    /** @return the header's entries, in file order */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** @return the {@code __metadata__} strings */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Reads a floating-point tensor, converting F16 and BF16 to float.
     *
     * @param name the tensor's key
     * @return its values, row-major
     */
    public float[] readFloats(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no tensor '" + name + "' in " + file);
        }
        int n = Math.toIntExact(e.size());
        float[] out = new float[n];
        ByteBuffer b = bytes(e);
        switch (e.dtype()) {
            case "F32" -> b.asFloatBuffer().get(out, 0, n);
            case "F64" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) b.getDouble();
                }
            }
            case "F16" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = HalfFloats.halfToFloat(b.getShort());
                }
            }
            case "BF16" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Float.intBitsToFloat((b.getShort() & 0xFFFF) << 16);
                }
            }
            default -> throw new UserInputException(file, "tensor '" + name + "' has dtype " + e.dtype()
                    + ", expected a floating-point type");
        }
        return out;
    }

    /** Maps one tensor's bytes (positions within the file are longs: files over 2 GiB are read too). */
    private ByteBuffer bytes(Entry e) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() != size || !java.util.Objects.equals(fileKey, fileKey(file))) {
                throw new UserInputException(file, "the file was replaced after it was opened; open it again");
            }
            return ch.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin(), e.end() - e.begin())
                    .order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException ex) {
            throw new UserInputException(file, "cannot read tensor '" + e.name() + "': " + ex.getMessage(), ex);
        }
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }
}
