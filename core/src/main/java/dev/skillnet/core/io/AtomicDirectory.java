package dev.skillnet.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;

/**
 * Writes a whole folder so that it appears complete or not at all: the content is assembled in a
 * temporary sibling folder, which is then renamed into place (an existing folder is first moved
 * aside, then deleted). A crash leaves at most a hidden temporary folder, never a half-written one
 * under the real name.
 */
public final class AtomicDirectory {

    /** Fills the temporary folder. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param dir the temporary folder, empty
         * @throws IOException on a write failure
         */
        void write(Path dir) throws IOException;
    }

    private AtomicDirectory() {}

    /**
     * @param dir the destination folder (replaced if present)
     * @param body writes the content
     * @throws IOException on failure; the destination is then untouched
     */
    public static void write(Path dir, Body body) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = AtomicFiles.createUnique(parent, "." + dir.getFileName() + ".", "", true);
        try {
            body.write(tmp);
            if (Files.exists(dir)) {
                Path old = dir.resolveSibling("." + dir.getFileName() + ".old-" + System.nanoTime());
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                delete(old);
            } else {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            delete(tmp);
        }
    }

    /**
     * Puts a folder back after a crash in the instant between moving the old copy aside and
     * moving the new one in: when {@code dir} is missing but an older complete copy
     * ({@code .name.old-*}) is there, the newest such copy is renamed back.
     *
     * @param dir the folder
     * @return whether a copy was put back
     * @throws IOException when renaming fails
     */
    public static boolean recover(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (Files.exists(dir) || parent == null || !Files.isDirectory(parent)) {
            return false;
        }
        String prefix = "." + dir.getFileName() + ".old-";
        try (var list = Files.list(parent)) {
            var newest = list.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString()
                            .substring(prefix.length()))));
            if (newest.isEmpty()) {
                return false;
            }
            Files.move(newest.get(), dir, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
    }

    /**
     * Deletes a folder and everything in it (nothing when it does not exist).
     *
     * @param dir the folder
     * @throws IOException when deleting fails
     */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
