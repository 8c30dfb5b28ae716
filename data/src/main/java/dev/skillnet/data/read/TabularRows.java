package dev.skillnet.data.read;

import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Splits TSV or CSV text into rows of cells, keeping the line each row starts on. */
final class TabularRows {

    /**
     * A row.
     *
     * @param line the 1-based line it starts on
     * @param cells its cells
     */
    record Row(long line, String[] cells) {}

    private TabularRows() {}

    /**
     * TSV: cells separated by TAB, no quoting (quotes are ordinary text); blank lines are skipped.
     *
     * @param text the file text
     * @return the rows
     */
    static List<Row> tsv(String text) {
        List<String> lines = Utf8Text.lines(text);
        List<Row> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                rows.add(new Row(i + 1, line.split("\t", -1)));
            }
        }
        return rows;
    }

    /**
     * CSV as RFC 4180 (double-quoted cells may hold commas and newlines); blank lines are
     * skipped.
     *
     * @param text the file text
     * @param file the file, for messages
     * @return the rows
     */
    static List<Row> csv(String text, Path file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text))
                .setFormat(format).get()) {
            long previousEnd = 0;
            for (CSVRecord r : parser) {
                long start = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue;
                }
                rows.add(new Row(start, r.values()));
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            throw new UserInputException(file, 0, "malformed CSV: " + e.getMessage(), e);
        }
        return rows;
    }
}
