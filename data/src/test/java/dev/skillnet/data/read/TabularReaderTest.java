package dev.skillnet.data.read;

import static dev.skillnet.data.read.Fixtures.assertError;
import static dev.skillnet.data.read.Fixtures.spec;
import static dev.skillnet.data.read.Fixtures.write;
import static dev.skillnet.data.read.Fixtures.writeBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.skillnet.data.DataSpec;
import dev.skillnet.data.Source;
import dev.skillnet.data.TextExample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading tsv and csv files. */
class TabularReaderTest {

    @TempDir Path root;

    DataSpec tsvWithHeader() {
        return spec(root, """
                {"dir": "senti", "format": "tsv", "text": "text_a", "label": "label",
                 "splits": {"train": "train.tsv"}}""");
    }

    @Test
    void readsATsvWithHeaderByColumnName() {
        Path f = write(root, "senti", "train.tsv", "label\ttext_a\n1\t很\"好\"的酒店\n\n0\t差\n");
        List<TextExample> ex = new DatasetReader(tsvWithHeader(), root).readText("train");
        assertEquals(List.of(
                new TextExample("很\"好\"的酒店", null, "1", new Source(f.toAbsolutePath(), 2)),
                new TextExample("差", null, "0", new Source(f.toAbsolutePath(), 4))), ex);
    }

    @Test
    void readsATsvWithoutHeaderByIndexAndSkipsListedLabels() {
        write(root, "pairs", "train.txt", "a\tb\t1\r\nc\td\t-\ne\tf\t0\ng\th\t-\n");
        DataSpec spec = spec(root, """
                {"dir": "pairs", "format": "tsv", "header": false, "text": 0, "text_pair": 1,
                 "label": 2, "skip_labels": ["-"], "splits": {"train": "train.txt"}}""");
        DatasetReader reader = new DatasetReader(spec, root);
        List<TextExample> ex = reader.readText("train");
        assertEquals(2, ex.size());
        assertEquals("b", ex.get(0).textPair());
        assertEquals("1", ex.get(0).label(), "the CR of a CRLF line end is not part of the label");
        ReadSummary s = reader.summary("train");
        assertEquals(2, s.examples());
        assertEquals(2, s.skipped());
        assertEquals(Map.of("-", 2), s.skippedByLabel());
    }

    @Test
    void rowWithTooFewColumnsNamesLineAndCounts() {
        Path f = write(root, "senti", "train.tsv", "label\ttext_a\n1\tok\n0\n");
        assertError(f, 3, () -> new DatasetReader(tsvWithHeader(), root).read("train"),
                "row has 1 column(s), expected at least 2");
    }

    @Test
    void unknownHeaderColumnListsTheHeader() {
        Path f = write(root, "senti", "train.tsv", "label\tsentence\n1\tok\n");
        assertError(f, 1, () -> new DatasetReader(tsvWithHeader(), root).read("train"),
                "column 'text_a'", "label, sentence");
    }

    @Test
    void invalidUtf8NamesTheLine() {
        byte[] good = "label\ttext_a\n1\t好\n0\t".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 3];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xC3;
        bytes[good.length + 1] = (byte) 0x28;
        bytes[good.length + 2] = '\n';
        Path f = writeBytes(root, "senti", "train.tsv", bytes);
        assertError(f, 3, () -> new DatasetReader(tsvWithHeader(), root).read("train"),
                "invalid UTF-8");
    }

    @Test
    void missingFileNamesSplitAndFullPath() {
        Path f = root.resolve("senti").resolve("train.tsv");
        assertError(f, 0, () -> new DatasetReader(tsvWithHeader(), root).read("train"),
                "split 'train'", "not found");
    }

    @Test
    void emptySplitIsAnError() {
        Path f = write(root, "senti", "train.tsv", "label\ttext_a\n");
        assertError(f, 0, () -> new DatasetReader(tsvWithHeader(), root).read("train"),
                "split 'train' of train.tsv has no examples");
    }

    @Test
    void csvHandlesQuotesAndKeepsStartLines() {
        Path f = write(root, "c", "a.csv",
                "id,sentence,label\n1,\"多行\n文本, 有逗号\",pos\n2,\"说\"\"好\"\"\",neg\n");
        DataSpec spec = spec(root, """
                {"dir": "c", "format": "csv", "text": "sentence", "label": "label",
                 "splits": {"test": "a.csv"}}""");
        List<TextExample> ex = new DatasetReader(spec, root).readText("test");
        assertEquals("多行\n文本, 有逗号", ex.get(0).text());
        assertEquals(2, ex.get(0).source().line());
        assertEquals("说\"好\"", ex.get(1).text());
        assertEquals(4, ex.get(1).source().line());
        assertNull(ex.get(1).textPair());
        write(root, "c", "a.csv", "id,sentence,label\n1,ok,pos\n2,short\n");
        assertError(f, 3, () -> new DatasetReader(spec, root).read("test"),
                "row has 2 column(s), expected at least 3");
    }

    @Test
    void askingForTheWrongKindOfExamplesNamesTheDeclaration() {
        DataSpec spec = tsvWithHeader();
        assertError(spec.declarationFile(), 0,
                () -> new DatasetReader(spec, root).readTagged("train"),
                "format 'tsv' gives text examples", "needs tagged examples");
    }
}
