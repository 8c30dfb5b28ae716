package dev.skillnet.convert.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A folder's files; nothing is copied. */
final class FolderTree implements FileTree {

    /** Deeper files are not looked at (a model's files sit a level or two down). */
    private static final int MAX_DEPTH = 6;

    private final Path root;
    private final List<String> names;

    FolderTree(Path root) throws IOException {
        this.root = root;
        try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
            names = files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                    .sorted().toList();
        }
    }

    @Override
    public String origin() {
        return root.toString();
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public byte[] head(String name, int n) throws IOException {
        try (InputStream in = Files.newInputStream(root.resolve(name))) {
            return in.readNBytes(n);
        }
    }

    @Override
    public Path materialize(String name, Path scratch) {
        return root.resolve(name);
    }

    @Override
    public void close() {}
}
