package dev.skillnet.convert.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A zip's (or jar's) entries; an entry is extracted only when asked for. */
final class ZipTree implements FileTree {

    private final ZipFile zip;
    private final String origin;
    private final List<String> names;

    ZipTree(Path file, String origin) throws IOException {
        this.zip = new ZipFile(file.toFile());
        this.origin = origin;
        names = Collections.list(zip.entries()).stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName)
                .sorted().toList();
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public byte[] head(String name, int n) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readNBytes(n);
        }
    }

    @Override
    public Path materialize(String name, Path scratch) throws IOException {
        Path target = scratch.resolve(name).normalize();
        if (!target.startsWith(scratch)) {
            throw new IOException(origin + ": entry '" + name + "' points outside the archive");
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
