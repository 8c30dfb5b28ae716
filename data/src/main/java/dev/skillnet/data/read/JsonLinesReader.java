package dev.skillnet.data.read;

import com.google.gson.JsonObject;
import dev.skillnet.data.DataSpec;
import dev.skillnet.data.TextExample;
import java.nio.file.Path;
import java.util.List;

/** Reads text examples from JSON lines: one object per line, fields named by the spec. */
final class JsonLinesReader {

    private JsonLinesReader() {}

    static FileExamples<TextExample> read(Path file, DataSpec spec) {
        List<String> lines = Utf8Text.readLines(file);
        TextCollector out = new TextCollector(file, spec);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            long n = i + 1;
            JsonObject o = StrictJson.object(line, file, n);
            String text = StrictJson.text(o, spec.text().name(), "the record", file, n);
            String pair = spec.textPair() == null ? null
                    : StrictJson.text(o, spec.textPair().name(), "the record", file, n);
            String label = StrictJson.text(o, spec.label().name(), "the record", file, n);
            out.add(text, pair, label, n);
        }
        return out.result();
    }
}
