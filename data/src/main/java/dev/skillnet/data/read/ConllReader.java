package dev.skillnet.data.read;

import dev.skillnet.core.UserInputException;
import dev.skillnet.data.DataSpec;
import dev.skillnet.data.Source;
import dev.skillnet.data.TaggedExample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads tagged sentences in CoNLL style: one {@code char tag} per line, separated by spaces or a
 * TAB (with more columns, the first is the character and the last the tag), and a blank line
 * between sentences. A whitespace character cannot be a token in this format.
 */
final class ConllReader {

    private ConllReader() {}

    static FileExamples<TaggedExample> read(Path file, DataSpec spec) {
        List<String> lines = Utf8Text.readLines(file);
        List<TaggedExample> out = new ArrayList<>();
        List<String> chars = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        long start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            long n = i + 1;
            if (line.isBlank()) {
                if (!chars.isEmpty()) {
                    out.add(new TaggedExample(chars, tags, new Source(file, start)));
                    chars.clear();
                    tags.clear();
                }
                continue;
            }
            String[] parts = fields(line);
            if (parts.length < 2) {
                throw new UserInputException(file, n, "expected 'char tag' separated by a space or"
                        + " TAB, found '" + line + "' (no tag)");
            }
            String tag = parts[parts.length - 1];
            if (!spec.scheme().accepts(tag)) {
                throw new UserInputException(file, n, "tag '" + tag + "' is not a "
                        + spec.scheme() + " tag (expected " + spec.scheme().expected() + ")");
            }
            if (chars.isEmpty()) {
                start = n;
            }
            chars.add(parts[0]);
            tags.add(tag);
        }
        if (!chars.isEmpty()) {
            out.add(new TaggedExample(chars, tags, new Source(file, start)));
        }
        return new FileExamples<>(file, out, Map.of());
    }

    /** Splits a line on runs of spaces and TABs (faster than a regular expression). */
    static String[] fields(String line) {
        List<String> parts = new ArrayList<>(2);
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                i++;
            }
            if (i > start) {
                parts.add(line.substring(start, i));
            }
        }
        return parts.toArray(String[]::new);
    }
}
