package dev.skillnet.data.read;

import static dev.skillnet.data.read.Fixtures.assertError;
import static dev.skillnet.data.read.Fixtures.spec;
import static dev.skillnet.data.read.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skillnet.data.DataSpec;
import dev.skillnet.data.TextExample;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading classification examples from JSON lines. */
class JsonLinesReaderTest {

    @TempDir Path root;

    DataSpec nli() {
        return spec(root, """
                {"dir": "nli", "format": "jsonl", "text": "sentence1", "text_pair": "sentence2",
                 "label": "label", "skip_labels": ["-"], "splits": {"dev": "dev.json"}}""");
    }

    @Test
    void readsFieldsAndNumericLabelsAndSkipsListedLabels() {
        write(root, "nli", "dev.json", """
                {"sentence1": "甲", "sentence2": "乙", "label": "neutral", "id": 0}
                {"sentence1": "丙", "sentence2": "丁", "label": "-"}
                {"sentence1": "戊", "sentence2": "己", "label": 2}""");
        DatasetReader reader = new DatasetReader(nli(), root);
        List<TextExample> ex = reader.readText("dev");
        assertEquals(2, ex.size());
        assertEquals("乙", ex.get(0).textPair());
        assertEquals("2", ex.get(1).label());
        assertEquals(3, ex.get(1).source().line());
        assertEquals(1, reader.summary("dev").skipped());
    }

    @Test
    void malformedJsonNamesTheLine() {
        Path f = write(root, "nli", "dev.json", """
                {"sentence1": "甲", "sentence2": "乙", "label": "neutral"}
                {"sentence1": "丙", sentence2: "丁", "label": "neutral"}
                """);
        assertError(f, 2, () -> new DatasetReader(nli(), root).read("dev"), "malformed JSON");
    }

    @Test
    void trailingGarbageIsMalformed() {
        Path f = write(root, "nli", "dev.json",
                "{\"sentence1\": \"甲\", \"sentence2\": \"乙\", \"label\": \"x\"} extra\n");
        assertError(f, 1, () -> new DatasetReader(nli(), root).read("dev"), "malformed JSON");
    }

    @Test
    void absentFieldIsNamedWithTheFieldsPresent() {
        Path f = write(root, "nli", "dev.json", """
                {"sentence1": "甲", "sentence2": "乙", "label": "neutral"}

                {"sentence1": "丙", "hypothesis": "丁", "label": "neutral"}
                """);
        assertError(f, 3, () -> new DatasetReader(nli(), root).read("dev"),
                "field 'sentence2' absent", "sentence1, hypothesis, label");
    }

    @Test
    void aLineThatIsNotAnObjectIsRejected() {
        Path f = write(root, "nli", "dev.json", "[1, 2]\n");
        assertError(f, 1, () -> new DatasetReader(nli(), root).read("dev"), "expected a JSON object");
    }

    @Test
    void allRowsSkippedMakesAnEmptySplit() {
        Path f = write(root, "nli", "dev.json",
                "{\"sentence1\": \"a\", \"sentence2\": \"b\", \"label\": \"-\"}\n");
        assertError(f, 0, () -> new DatasetReader(nli(), root).read("dev"),
                "split 'dev' of dev.json has no examples", "skip_labels");
    }
}
