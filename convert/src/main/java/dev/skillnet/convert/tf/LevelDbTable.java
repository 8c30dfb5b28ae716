package dev.skillnet.convert.tf;

import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads an immutable sorted key-value table in LevelDB's SSTable format, which TensorFlow uses
 * for a tensor bundle's {@code .index} file ({@code tensorflow/core/lib/io/table*}; the layout is
 * LevelDB's {@code doc/table_format.md}, TensorFlow's {@code tensorflow/core/lib/io/format.cc}).
 *
 * <p>Layout read here:
 *
 * <ul>
 *   <li>Footer, the last 48 bytes: the metaindex block's handle and the index block's handle
 *       (each a varint64 offset and a varint64 size), zero padding up to 40 bytes, then the magic
 *       number {@code 0xdb4775248b80fb57} as a little-endian 64-bit value.
 *   <li>Every block is followed by a 5-byte trailer: a compression type byte (only 0, none, is
 *       supported; TensorFlow writes bundles uncompressed) and the masked CRC-32C of the block
 *       and the type byte, which is checked.
 *   <li>A block holds entries {@code varint32 shared, varint32 non_shared, varint32 value_length,
 *       key_delta[non_shared], value[value_length]} (the key shares its first {@code shared}
 *       bytes with the previous key), then a {@code uint32} restart array and a {@code uint32}
 *       restart count.
 *   <li>The index block maps a separator key to the handle of each data block, in order.
 * </ul>
 *
 * <p>The whole file is read into memory: an index is small (a few hundred bytes per tensor).
 * Corruption (bad magic, bad checksum, a handle or varint that runs past its block) is reported
 * as a {@link UserInputException} naming the file.
 */
public final class LevelDbTable {

    /** The table magic number, {@code kTableMagicNumber}. */
    static final long MAGIC = 0xdb4775248b80fb57L;

    /** Footer length: two padded block handles (40 bytes) and the 8-byte magic. */
    static final int FOOTER_LENGTH = 48;

    private static final int TRAILER_LENGTH = 5;
    private static final int MASK_DELTA = 0xa282ead8;

    /**
     * One key-value pair of the table.
     *
     * @param key the key's bytes
     * @param value the value's bytes
     */
    public record Entry(byte[] key, byte[] value) {}

    private final Path file;
    private final List<Entry> entries;
    private final int dataBlocks;

    private LevelDbTable(Path file, List<Entry> entries, int dataBlocks) {
        this.file = file;
        this.entries = entries;
        this.dataBlocks = dataBlocks;
    }

    /**
     * Reads and verifies a whole table.
     *
     * @param file the table file (a bundle's {@code .index})
     * @return the table with every entry, in key order
     * @throws IOException when the file cannot be read
     * @throws UserInputException when the file is not a table or is corrupt
     */
    public static LevelDbTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file, "missing tensor bundle index file");
        }
        return parse(file, Files.readAllBytes(file));
    }

    /**
     * Parses a table held in memory.
     *
     * @param file the file the bytes came from, for messages
     * @param bytes the whole file
     * @return the table with every entry, in key order
     * @throws UserInputException when the bytes are not a table or are corrupt
     */
    public static LevelDbTable parse(Path file, byte[] bytes) {
        if (bytes.length < FOOTER_LENGTH) {
            throw new UserInputException(file, "truncated tensor bundle index: " + bytes.length
                    + " bytes, shorter than the " + FOOTER_LENGTH + "-byte table footer");
        }
        int footer = bytes.length - FOOTER_LENGTH;
        long magic = Cursor.littleEndian(bytes, footer + 40, 8);
        if (magic != MAGIC) {
            throw new UserInputException(file, String.format(
                    "not a TensorFlow tensor bundle index (or truncated): table magic is 0x%016x, expected 0x%016x",
                    magic, MAGIC));
        }
        Cursor f = new Cursor(file, bytes, footer, footer + 40, "table footer");
        Handle metaindex = Handle.decode(f);
        Handle index = Handle.decode(f);
        readBlock(file, bytes, metaindex, footer, "metaindex block");
        Cursor indexBlock = readBlock(file, bytes, index, footer, "index block");
        List<Entry> entries = new ArrayList<>();
        int dataBlocks = 0;
        for (Entry ie : blockEntries(indexBlock)) {
            Cursor hc = new Cursor(file, ie.value(), 0, ie.value().length, "index entry");
            Handle data = Handle.decode(hc);
            dataBlocks++;
            entries.addAll(blockEntries(readBlock(file, bytes, data, footer, "data block " + dataBlocks)));
        }
        return new LevelDbTable(file, Collections.unmodifiableList(entries), dataBlocks);
    }

    /** @return the file this table was read from */
    public Path file() {
        return file;
    }

    /** @return every entry, in the table's (bytewise) key order */
    public List<Entry> entries() {
        return entries;
    }

    /** @return how many data blocks the index block points to */
    public int dataBlocks() {
        return dataBlocks;
    }

    /** A block's location: offset and size, not counting its 5-byte trailer. */
    private record Handle(long offset, long size) {

        static Handle decode(Cursor c) {
            return new Handle(c.varint64(), c.varint64());
        }
    }

    /** Checks a block's bounds, compression type and checksum; returns a cursor over its contents. */
    private static Cursor readBlock(Path file, byte[] bytes, Handle h, int limit, String what) {
        if (h.offset() < 0 || h.size() < 0 || h.offset() + h.size() + TRAILER_LENGTH > limit) {
            throw new UserInputException(file, "corrupt or truncated tensor bundle index: " + what + " at offset "
                    + h.offset() + " with size " + h.size() + " runs past the table's end (" + limit + ")");
        }
        int start = (int) h.offset();
        int end = start + (int) h.size();
        int type = bytes[end] & 0xFF;
        if (type != 0) {
            throw new UserInputException(file, what + " uses compression type " + type
                    + "; only uncompressed tables (type 0) are supported");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, start, end - start + 1);
        int computed = mask((int) crc.getValue());
        int stored = (int) Cursor.littleEndian(bytes, end + 1, 4);
        if (computed != stored) {
            throw new UserInputException(file, String.format(
                    "corrupt tensor bundle index: %s at offset %d: crc32c mismatch, stored 0x%08x, computed 0x%08x",
                    what, start, stored, computed));
        }
        return new Cursor(file, bytes, start, end, what);
    }

    /** Decodes every entry of a block, expanding the shared key prefixes. */
    private static List<Entry> blockEntries(Cursor block) {
        int size = block.limit - block.pos;
        if (size < 4) {
            throw block.corrupt("shorter than its restart count");
        }
        long numRestarts = Cursor.littleEndian(block.bytes, block.limit - 4, 4);
        long restartsBytes = 4 * (numRestarts + 1);
        if (restartsBytes > size) {
            throw block.corrupt("restart count " + numRestarts + " does not fit in " + size + " bytes");
        }
        Cursor c = new Cursor(block.file, block.bytes, block.pos, (int) (block.limit - restartsBytes), block.what);
        List<Entry> out = new ArrayList<>();
        byte[] key = new byte[0];
        while (c.pos < c.limit) {
            int shared = c.varint32();
            int nonShared = c.varint32();
            int valueLength = c.varint32();
            if (shared > key.length) {
                throw c.corrupt("entry shares " + shared + " key bytes but the previous key has " + key.length);
            }
            byte[] next = new byte[shared + c.checkLength(nonShared)];
            System.arraycopy(key, 0, next, 0, shared);
            c.copy(next, shared, nonShared);
            byte[] value = new byte[c.checkLength(valueLength)];
            c.copy(value, 0, valueLength);
            key = next;
            out.add(new Entry(key, value));
        }
        return out;
    }

    /** LevelDB's checksum mask: rotate right by 15 bits and add a constant. */
    static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }

    /** Reads varints and bytes from a range of an array, reporting overruns as corruption. */
    private static final class Cursor {
        final Path file;
        final byte[] bytes;
        final int limit;
        final String what;
        int pos;

        Cursor(Path file, byte[] bytes, int pos, int limit, String what) {
            this.file = file;
            this.bytes = bytes;
            this.pos = pos;
            this.limit = limit;
            this.what = what;
        }

        static long littleEndian(byte[] b, int at, int n) {
            long v = 0;
            for (int i = n - 1; i >= 0; i--) {
                v = (v << 8) | (b[at + i] & 0xFF);
            }
            return v;
        }

        int varint32() {
            long v = varint(5);
            if (v >>> 32 != 0) {
                throw corrupt("varint32 at offset " + pos + " overflows 32 bits");
            }
            return (int) v;
        }

        long varint64() {
            return varint(10);
        }

        private long varint(int maxBytes) {
            long v = 0;
            int start = pos;
            for (int i = 0; i < maxBytes; i++) {
                if (pos >= limit) {
                    throw corrupt("varint at offset " + start + " runs past the end");
                }
                int b = bytes[pos++] & 0xFF;
                v |= (long) (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw corrupt("varint at offset " + start + " is longer than " + maxBytes + " bytes");
        }

        int checkLength(int n) {
            if (n < 0 || n > limit - pos) {
                throw corrupt("entry at offset " + pos + " claims " + Integer.toUnsignedString(n)
                        + " bytes, only " + (limit - pos) + " remain");
            }
            return n;
        }

        void copy(byte[] dst, int at, int n) {
            checkLength(n);
            System.arraycopy(bytes, pos, dst, at, n);
            pos += n;
        }

        UserInputException corrupt(String reason) {
            return new UserInputException(file, "corrupt tensor bundle index: " + what + ": " + reason);
        }
    }
}
