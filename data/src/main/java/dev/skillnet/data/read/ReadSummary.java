package dev.skillnet.data.read;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What reading one split gave, for logs.
 *
 * @param split the split name
 * @param files the files it was read from
 * @param examples the number of examples kept
 * @param skippedByLabel rows skipped because their label is in {@code skip_labels}, per label
 *     (counted over the whole files, before fraction ranges)
 */
public record ReadSummary(String split, List<Path> files, int examples,
        Map<String, Integer> skippedByLabel) {

    /** Makes unmodifiable copies. */
    public ReadSummary {
        files = List.copyOf(files);
        skippedByLabel = Map.copyOf(skippedByLabel);
    }

    /** @return the total number of skipped rows */
    public int skipped() {
        return skippedByLabel.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        return "split '" + split + "': " + examples + " examples, " + skipped() + " skipped"
                + (skippedByLabel.isEmpty() ? "" : " " + skippedByLabel) + " from " + files;
    }
}
