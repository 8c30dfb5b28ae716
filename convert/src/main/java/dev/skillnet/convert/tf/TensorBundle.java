package dev.skillnet.convert.tf;

import dev.skillnet.core.UserInputException;
import dev.skillnet.model.checkpoint.HalfFloats;
import java.io.Closeable;
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
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A TensorFlow tensor bundle, the checkpoint format of {@code tf.train.Saver} (V2) and of a
 * SavedModel's {@code variables/}: an index file {@code PREFIX.index} (a {@link LevelDbTable}
 * mapping each tensor name to a {@link BundleEntry}, the empty name to a {@link BundleHeader}) and
 * data shards {@code PREFIX.data-NNNNN-of-NNNNN} holding the raw little-endian tensor bytes.
 *
 * <p>The index is read and validated on {@link #open}: every entry's shard must exist and hold
 * its byte range, and fixed-width tensors must have a byte count matching dtype and shape. Tensors
 * are then read one at a time with positional reads (a shard may hold gigabytes), each checked
 * against its stored CRC-32C. Problems are reported as {@link UserInputException}s naming the file
 * and the tensor.
 */
public final class TensorBundle implements Closeable {

    private static final String INDEX_SUFFIX = ".index";

    private final Path prefix;
    private final Path indexFile;
    private final BundleHeader header;
    private final Map<String, BundleEntry> entries;
    private final int dataBlocks;
    private final FileChannel[] shards;

    private TensorBundle(Path prefix, Path indexFile, BundleHeader header, Map<String, BundleEntry> entries,
            int dataBlocks) {
        this.prefix = prefix;
        this.indexFile = indexFile;
        this.header = header;
        this.entries = entries;
        this.dataBlocks = dataBlocks;
        this.shards = new FileChannel[header.numShards()];
    }

    /**
     * Opens a bundle and validates its index against its data shards.
     *
     * @param indexFileOrPrefix the index file {@code PREFIX.index}, or the prefix itself (as
     *     TensorFlow names a checkpoint, e.g. {@code bert_model.ckpt})
     * @return the open bundle; close it to release the shard files
     * @throws IOException when a file cannot be read
     * @throws UserInputException when the index is missing or corrupt, a shard is missing or too
     *     short, or an entry is inconsistent
     */
    public static TensorBundle open(Path indexFileOrPrefix) throws IOException {
        String fileName = String.valueOf(indexFileOrPrefix.getFileName());
        Path prefix = fileName.endsWith(INDEX_SUFFIX)
                ? indexFileOrPrefix.resolveSibling(fileName.substring(0, fileName.length() - INDEX_SUFFIX.length()))
                : indexFileOrPrefix;
        Path indexFile = prefix.resolveSibling(prefix.getFileName() + INDEX_SUFFIX);
        LevelDbTable table = LevelDbTable.read(indexFile);
        List<LevelDbTable.Entry> rows = table.entries();
        if (rows.isEmpty() || rows.get(0).key().length != 0) {
            throw new UserInputException(indexFile, "not a TensorFlow tensor bundle index: no header under the empty key");
        }
        BundleHeader header = BundleHeader.parse(indexFile, rows.get(0).value());
        Map<String, BundleEntry> entries = new LinkedHashMap<>();
        for (LevelDbTable.Entry row : rows.subList(1, rows.size())) {
            String name = new String(row.key(), StandardCharsets.UTF_8);
            BundleEntry e = BundleEntry.parse(indexFile, name, row.value());
            checkEntry(indexFile, header, e);
            if (entries.put(name, e) != null) {
                throw new UserInputException(indexFile, "corrupt tensor bundle index: tensor '" + name + "' twice");
            }
        }
        checkShards(prefix, header, entries);
        return new TensorBundle(prefix, indexFile, header, Collections.unmodifiableMap(entries), table.dataBlocks());
    }

    private static void checkEntry(Path indexFile, BundleHeader header, BundleEntry e) {
        if (e.shardId() >= header.numShards()) {
            throw new UserInputException(indexFile, "tensor '" + e.name() + "' is in shard " + e.shardId()
                    + " but the bundle has " + header.numShards() + " shards");
        }
        int width = TfDtype.width(e.dtype());
        if (width > 0 && e.elements() * width != e.size()) {
            throw new UserInputException(indexFile, "tensor '" + e.name() + "' " + e.dtypeName() + " "
                    + e.shapeText() + " should take " + e.elements() * width + " bytes, its entry says " + e.size());
        }
    }

    private static void checkShards(Path prefix, BundleHeader header, Map<String, BundleEntry> entries)
            throws IOException {
        long[] lengths = new long[header.numShards()];
        Arrays.fill(lengths, -1);
        for (BundleEntry e : entries.values()) {
            Path shard = shardFile(prefix, e.shardId(), header.numShards());
            if (lengths[e.shardId()] < 0) {
                if (!Files.isRegularFile(shard)) {
                    throw new UserInputException(shard, "missing shard " + (e.shardId() + 1) + " of "
                            + header.numShards() + " of the tensor bundle, needed by tensor '" + e.name() + "'");
                }
                lengths[e.shardId()] = Files.size(shard);
            }
            if (e.offset() + e.size() > lengths[e.shardId()]) {
                throw new UserInputException(shard, "truncated: tensor '" + e.name() + "' needs bytes " + e.offset()
                        + ".." + (e.offset() + e.size()) + " but the shard has only " + lengths[e.shardId()] + " bytes");
            }
        }
    }

    private static Path shardFile(Path prefix, int shard, int numShards) {
        return prefix.resolveSibling(String.format("%s.data-%05d-of-%05d", prefix.getFileName(), shard, numShards));
    }

    /** @return the bundle's prefix (the index file without {@code .index}) */
    public Path prefix() {
        return prefix;
    }

    /** @return the index file */
    public Path indexFile() {
        return indexFile;
    }

    /** @return the header: shard count and writer version */
    public BundleHeader header() {
        return header;
    }

    /** @return how many data blocks the index table has (a diagnostic) */
    public int indexDataBlocks() {
        return dataBlocks;
    }

    /**
     * @param shardId a shard number
     * @return the data file of that shard, {@code PREFIX.data-NNNNN-of-NNNNN}
     */
    public Path shardFile(int shardId) {
        return shardFile(prefix, shardId, header.numShards());
    }

    /** @return tensor name to entry, in the index's (bytewise sorted) order; the header excluded */
    public Map<String, BundleEntry> entries() {
        return entries;
    }

    /**
     * Reads a tensor's bytes as stored (little-endian, row-major) and checks its CRC-32C.
     *
     * @param name a key of {@link #entries()}
     * @return the bytes
     * @throws IOException when the shard cannot be read
     * @throws UserInputException when the tensor has no fixed-width dtype (strings, resources,
     *     variants), or its bytes are truncated or fail the checksum
     */
    public byte[] readBytes(String name) throws IOException {
        BundleEntry e = entry(name);
        Path shard = shardFile(e.shardId());
        if (TfDtype.width(e.dtype()) == 0) {
            throw new UserInputException(indexFile, "tensor '" + name + "' has dtype " + e.dtypeName()
                    + ", which cannot be read (only fixed-width numeric and bool tensors can)");
        }
        if (e.size() > Integer.MAX_VALUE - 8) {
            throw new UserInputException(shard, "tensor '" + name + "' takes " + e.size()
                    + " bytes, more than a Java array holds");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) e.size());
        FileChannel ch = channel(e.shardId());
        while (buf.hasRemaining()) {
            int n = ch.read(buf, e.offset() + buf.position());
            if (n < 0) {
                throw new UserInputException(shard, "truncated: tensor '" + name + "' needs bytes " + e.offset() + ".."
                        + (e.offset() + e.size()) + " but the shard ends at " + (e.offset() + buf.position()));
            }
        }
        byte[] bytes = buf.array();
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        int computed = LevelDbTable.mask((int) crc.getValue());
        if (computed != e.crc32c()) {
            throw new UserInputException(shard, String.format(
                    "tensor '%s': crc32c mismatch, stored 0x%08x, computed 0x%08x (the data file is corrupt)",
                    name, e.crc32c(), computed));
        }
        return bytes;
    }

    /**
     * Reads a floating-point tensor as float32, converting float64, half and bfloat16.
     *
     * @param name a key of {@link #entries()}
     * @return its values, row-major
     * @throws IOException when the shard cannot be read
     * @throws UserInputException when the tensor is not floating-point, or as {@link #readBytes}
     */
    public float[] readFloats(String name) throws IOException {
        BundleEntry e = entry(name);
        if (!TfDtype.isFloating(e.dtype())) {
            throw new UserInputException(indexFile, "tensor '" + name + "' has dtype " + e.dtypeName()
                    + ", expected a floating-point type (DT_FLOAT, DT_DOUBLE, DT_HALF, DT_BFLOAT16)");
        }
        ByteBuffer b = ByteBuffer.wrap(readBytes(name)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[Math.toIntExact(e.elements())];
        switch (e.dtype()) {
            case TfDtype.FLOAT -> b.asFloatBuffer().get(out);
            case TfDtype.DOUBLE -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) b.getDouble();
                }
            }
            case TfDtype.HALF -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = HalfFloats.halfToFloat(b.getShort());
                }
            }
            case TfDtype.BFLOAT16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float.intBitsToFloat((b.getShort() & 0xFFFF) << 16);
                }
            }
            default -> throw new IllegalStateException("unhandled floating dtype " + e.dtypeName());
        }
        return out;
    }

    private BundleEntry entry(String name) {
        BundleEntry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no tensor '" + name + "' in " + indexFile);
        }
        return e;
    }

    private synchronized FileChannel channel(int shardId) throws IOException {
        if (shards[shardId] == null) {
            shards[shardId] = FileChannel.open(shardFile(shardId), StandardOpenOption.READ);
        }
        return shards[shardId];
    }

    /** Closes the shard files opened so far. */
    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (int i = 0; i < shards.length; i++) {
            if (shards[i] != null) {
                try {
                    shards[i].close();
                } catch (IOException ex) {
                    first = first == null ? ex : first;
                }
                shards[i] = null;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
