package dev.skillnet.data;

import java.nio.file.Path;

/**
 * Where an example came from, for error messages.
 *
 * @param file the data file
 * @param line the 1-based line the example starts on, or 0 when unknown
 */
public record Source(Path file, long line) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : String.valueOf(file);
    }
}
