package dev.skillnet.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic writes: the destination appears whole or not at all, nothing temporary is left behind,
 * and what is written gets the permissions any new file or folder gets from the umask (not
 * owner-only, as temporary files would), so another user can serve a saved model.
 */
class AtomicFilesTest {

    @Test
    void aFileIsWrittenWholeWithTheUmasksPermissions(@TempDir Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve("results.json"), "{}\n");
        assertEquals("{}\n", Files.readString(dir.resolve("results.json")));
        assertEquals(List.of("results.json"), names(dir), "no temporary file is left");
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("results.json")));
    }

    @Test
    void aFolderIsWrittenWholeWithTheUmasksPermissions(@TempDir Path dir) throws IOException {
        AtomicDirectory.write(dir.resolve("best"), tmp -> Files.writeString(tmp.resolve("a.txt"), "a"));
        AtomicDirectory.write(dir.resolve("best"), tmp -> Files.writeString(tmp.resolve("b.txt"), "b"));
        assertEquals(List.of("b.txt"), names(dir.resolve("best")), "the second write replaced the first whole");
        assertEquals(List.of("best"), names(dir));
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createDirectory(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("best")));
    }

    @Test
    void aFailedWriteLeavesTheDestinationAsItWasAndNothingElse(@TempDir Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve("f.txt"), "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(dir.resolve("f.txt"), ch -> {
            throw new IOException("disk full");
        }));
        AtomicDirectory.write(dir.resolve("d"), tmp -> Files.writeString(tmp.resolve("old.txt"), "old"));
        assertThrows(IOException.class, () -> AtomicDirectory.write(dir.resolve("d"), tmp -> {
            Files.writeString(tmp.resolve("half.txt"), "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(dir.resolve("f.txt")));
        assertEquals(List.of("old.txt"), names(dir.resolve("d")));
        assertEquals(List.of("d", "f.txt"), names(dir));
    }

    private static List<String> names(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
