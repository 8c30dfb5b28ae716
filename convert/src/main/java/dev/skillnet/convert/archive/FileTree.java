package dev.skillnet.convert.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The files of a folder or of a zip, by '/'-separated relative name. */
interface FileTree extends Closeable {

    /** @return where the tree comes from, for messages (a folder, a zip, or a zip inside one) */
    String origin();

    /** @return every regular file's relative name, '/'-separated, sorted */
    List<String> names();

    /**
     * @param name a relative name
     * @return its first bytes (at most {@code n})
     * @throws IOException on a read failure
     */
    byte[] head(String name, int n) throws IOException;

    /**
     * A file of the tree as a file on disk: a folder's own file, or a zip entry extracted under
     * {@code scratch} (keeping its relative name, so siblings stay siblings).
     *
     * @param name a relative name
     * @param scratch a folder for extracted files
     * @return the file
     * @throws IOException on a read or write failure
     */
    Path materialize(String name, Path scratch) throws IOException;
}
