package dev.skillnet.data.read;

import dev.skillnet.data.DataSpec;
import dev.skillnet.data.Source;
import dev.skillnet.data.TextExample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the text examples of one file, skipping and counting rows with a skipped label. */
final class TextCollector {

    private final Path file;
    private final DataSpec spec;
    private final List<TextExample> examples = new ArrayList<>();
    private final Map<String, Integer> skipped = new TreeMap<>();

    TextCollector(Path file, DataSpec spec) {
        this.file = file;
        this.spec = spec;
    }

    void add(String text, String textPair, String label, long line) {
        String l = label.strip();
        if (spec.skipLabels().contains(l)) {
            skipped.merge(l, 1, Integer::sum);
            return;
        }
        examples.add(new TextExample(text, textPair, l, new Source(file, line)));
    }

    FileExamples<TextExample> result() {
        return new FileExamples<>(file, examples, skipped);
    }
}
