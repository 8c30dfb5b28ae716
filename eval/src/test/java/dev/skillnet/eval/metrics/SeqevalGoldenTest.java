package dev.skillnet.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.TagScheme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The entity chunker against {@code seqeval-golden.txt}: 32 tricky tag sequences (stray I-, type
 * changes inside a chunk, BIOES and BMES singles, chunks at sentence ends) with the entities
 * seqeval's default mode gives, worked out by hand (the reasoning is in the file's comments).
 */
class SeqevalGoldenTest {

    /** One row of the golden file. */
    private record Row(int line, TagScheme scheme, List<String> tags, List<Entity> expected) {}

    @Test
    void everyGoldenSequenceGivesSeqevalsEntities() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 30, "golden rows: " + rows.size());
        for (Row r : rows) {
            assertEquals(r.expected(), EntityExtractor.entities(r.tags(), r.scheme()),
                    "seqeval-golden.txt:" + r.line() + " " + r.scheme() + " " + r.tags());
        }
    }

    private static List<Row> rows() throws IOException {
        String text;
        try (InputStream in = SeqevalGoldenTest.class.getResourceAsStream("/seqeval-golden.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|");
            List<Entity> expected = new ArrayList<>();
            if (!parts[2].strip().equals("-")) {
                for (String e : parts[2].split(",")) {
                    String[] f = e.strip().split(" ");
                    // seqeval's ends are inclusive; Entity's are exclusive
                    expected.add(new Entity(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]) + 1));
                }
            }
            rows.add(new Row(i + 1, TagScheme.valueOf(parts[0].strip()),
                    Arrays.asList(parts[1].strip().split(" ")), expected));
        }
        return rows;
    }
}
