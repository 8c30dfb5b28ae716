package dev.skillnet.data.read;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The examples of one data file, before any split sampling.
 *
 * @param file the file
 * @param examples the examples, in file order
 * @param skippedByLabel rows skipped because of {@code skip_labels}, per label
 * @param <T> the example type
 */
record FileExamples<T>(Path file, List<T> examples, Map<String, Integer> skippedByLabel) {

    FileExamples {
        examples = List.copyOf(examples);
        skippedByLabel = Map.copyOf(skippedByLabel);
    }

    /** @return the number of skipped rows */
    int skipped() {
        return skippedByLabel.values().stream().mapToInt(Integer::intValue).sum();
    }
}
