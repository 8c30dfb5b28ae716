package dev.skillnet.data.read;

import dev.skillnet.core.UserInputException;
import dev.skillnet.data.DataSpec;
import dev.skillnet.data.FieldRef;
import dev.skillnet.data.Format;
import dev.skillnet.data.TextExample;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads text examples from TSV or CSV files, with or without a header row. */
final class TabularReader {

    private TabularReader() {}

    static FileExamples<TextExample> read(Path file, DataSpec spec) {
        String text = Utf8Text.read(file);
        List<TabularRows.Row> rows =
                spec.format() == Format.CSV ? TabularRows.csv(text, file) : TabularRows.tsv(text);
        int first = 0;
        List<String> header = null;
        if (spec.header()) {
            if (rows.isEmpty()) {
                throw new UserInputException(file, 1, "the header row is missing (the file is"
                        + " empty)");
            }
            header = Arrays.stream(rows.get(0).cells()).map(String::strip).toList();
            first = 1;
        }
        long headerLine = rows.isEmpty() ? 1 : rows.get(0).line();
        int textCol = column(spec.text(), "text", header, file, headerLine);
        int pairCol = spec.textPair() == null ? -1
                : column(spec.textPair(), "text_pair", header, file, headerLine);
        int labelCol = column(spec.label(), "label", header, file, headerLine);
        int needed = Math.max(textCol, Math.max(pairCol, labelCol)) + 1;
        TextCollector out = new TextCollector(file, spec);
        for (TabularRows.Row row : rows.subList(first, rows.size())) {
            String[] c = row.cells();
            if (c.length < needed) {
                throw new UserInputException(file, row.line(), "row has " + c.length
                        + " column(s), expected at least " + needed + " (text in column " + textCol
                        + (pairCol >= 0 ? ", text_pair in column " + pairCol : "")
                        + ", label in column " + labelCol + ")");
            }
            out.add(c[textCol], pairCol >= 0 ? c[pairCol] : null, c[labelCol], row.line());
        }
        return out.result();
    }

    private static int column(FieldRef ref, String field, List<String> header, Path file,
            long headerLine) {
        if (ref.isIndex()) {
            return ref.index();
        }
        int i = header.indexOf(ref.name());
        if (i < 0) {
            throw new UserInputException(file, headerLine, "column '" + ref.name() + "' (data."
                    + field + ") is not in the header; the header has: " + String.join(", ", header));
        }
        return i;
    }
}
