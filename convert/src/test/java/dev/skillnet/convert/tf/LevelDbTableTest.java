package dev.skillnet.convert.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * Damage a real TensorFlow writer never produces, so built by hand here: an index block whose
 * checksum is right but whose contents are not (the well-formed case is covered by
 * {@link TensorBundleTest} against TensorFlow's own output).
 */
class LevelDbTableTest {

    private static final Path FILE = Path.of("hand-made.index");

    @Test
    void aVarintLongerThanTenBytesIsCorruption() {
        byte[] block = new byte[16];
        Arrays.fill(block, 0, 11, (byte) 0x80);
        var e = assertThrows(UserInputException.class, () -> LevelDbTable.parse(FILE, table(block)));
        assertEquals(FILE, e.file());
        assertTrue(e.getMessage().contains("index block") && e.getMessage().contains("varint"), e.getMessage());
    }

    @Test
    void aVarint32BeyondThirtyTwoBitsIsCorruption() {
        // one entry: shared = 2^35 (varint 80 80 80 80 80 01), then the restart array: one restart, count 1
        byte[] block = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01, 0, 0, 0, 0, 0, 1, 0, 0, 0};
        var e = assertThrows(UserInputException.class, () -> LevelDbTable.parse(FILE, table(block)));
        assertTrue(e.getMessage().contains("varint"), e.getMessage());
    }

    @Test
    void anEntryRunningPastItsBlockIsCorruption() {
        // shared 0, non_shared 100, value_length 0, but only 1 key byte before the restart array
        byte[] block = {0, 100, 0, 'k', 0, 0, 0, 0, 1, 0, 0, 0};
        var e = assertThrows(UserInputException.class, () -> LevelDbTable.parse(FILE, table(block)));
        assertTrue(e.getMessage().contains("claims 100 bytes"), e.getMessage());
    }

    @Test
    void aCompressedBlockIsRefused() {
        byte[] bytes = table(new byte[] {0, 0, 0, 0, 1, 0, 0, 0});
        bytes[8] = 1; // the index block's compression type: snappy
        var e = assertThrows(UserInputException.class, () -> LevelDbTable.parse(FILE, bytes));
        assertTrue(e.getMessage().contains("compression type 1"), e.getMessage());
    }

    @Test
    void anEmptyTableHasNoEntries() {
        LevelDbTable t = LevelDbTable.parse(FILE, table(new byte[] {0, 0, 0, 0, 1, 0, 0, 0}));
        assertEquals(0, t.entries().size());
        assertEquals(0, t.dataBlocks());
    }

    /** A table whose metaindex and index blocks are both {@code indexBlock}, checksummed, then the footer. */
    private static byte[] table(byte[] indexBlock) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(indexBlock);
        out.write(0);
        CRC32C crc = new CRC32C();
        crc.update(indexBlock);
        crc.update(0);
        int masked = LevelDbTable.mask((int) crc.getValue());
        for (int i = 0; i < 4; i++) {
            out.write(masked >>> (8 * i));
        }
        byte[] footer = new byte[LevelDbTable.FOOTER_LENGTH];
        footer[0] = 0;
        footer[1] = (byte) indexBlock.length;
        footer[2] = 0;
        footer[3] = (byte) indexBlock.length;
        for (int i = 0; i < 8; i++) {
            footer[40 + i] = (byte) (LevelDbTable.MAGIC >>> (8 * i));
        }
        out.writeBytes(footer);
        return out.toByteArray();
    }
}
