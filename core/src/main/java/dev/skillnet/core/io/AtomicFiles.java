package dev.skillnet.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old complete file or the new complete one, never
 * half of it: the content goes to a temporary file beside the destination, is forced to disk, and
 * is renamed over the destination; the directory is then synced so the rename survives a crash.
 */
public final class AtomicFiles {

    /** Writes content into an open channel. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param channel the temporary file's channel
         * @throws IOException on a write failure
         */
        void write(FileChannel channel) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * @param file the destination
     * @param body writes the content
     * @throws IOException on failure; the temporary file is removed and the destination untouched
     */
    public static void write(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = createUnique(dir, "." + file.getFileName() + ".", ".tmp", false);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                body.write(ch);
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Creates a new empty file or folder named {@code prefix + n + suffix} in {@code dir}. Unlike
     * {@code Files.createTempFile}, which makes it readable by its owner alone, it gets the
     * permissions the process's umask gives any new file, so a model folder written by one user
     * can be served by another, as with files any other tool writes.
     *
     * @param dir the folder to create it in
     * @param prefix the name's start
     * @param suffix the name's end
     * @param directory whether to create a folder rather than a file
     * @return its path
     * @throws IOException when it cannot be created
     */
    static Path createUnique(Path dir, String prefix, String suffix, boolean directory) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + suffix);
            try {
                return directory ? Files.createDirectory(p) : Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Writes a UTF-8 text file atomically.
     *
     * @param file the destination
     * @param text the content
     * @throws IOException on failure
     */
    public static void writeString(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(file, ch -> {
            var buf = java.nio.ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        });
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for sync; the rename itself is still atomic.
        }
    }
}
