package dev.skillnet.data.read;

import static dev.skillnet.data.read.Fixtures.assertError;
import static dev.skillnet.data.read.Fixtures.spec;
import static dev.skillnet.data.read.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skillnet.data.DataSpec;
import dev.skillnet.data.TaggedExample;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading NER data: conll character-per-line files and ner_jsonl span files. */
class TaggedReadersTest {

    @TempDir Path root;

    DataSpec conll(String scheme) {
        return spec(root, """
                {"dir": "ner", "format": "conll", "scheme": "%s", "splits": {"train": "train.txt"}}"""
                .formatted(scheme));
    }

    DataSpec nerJsonl(String scheme) {
        return spec(root, """
                {"dir": "ner", "format": "ner_jsonl", "scheme": "%s", "splits": {"train": "a.jsonl"}}"""
                .formatted(scheme));
    }

    @Test
    void conllSentencesAreSeparatedByBlankLinesWithSpaceOrTab() {
        write(root, "ner", "train.txt", "\n张 B-PER\n三\tI-PER\n好 O\n\n\n北 B-LOC\n京 I-LOC");
        List<TaggedExample> ex = new DatasetReader(conll("BIO"), root).readTagged("train");
        assertEquals(2, ex.size());
        assertEquals(List.of("张", "三", "好"), ex.get(0).chars());
        assertEquals(List.of("B-PER", "I-PER", "O"), ex.get(0).tags());
        assertEquals(2, ex.get(0).source().line());
        assertEquals(List.of("B-LOC", "I-LOC"), ex.get(1).tags());
        assertEquals(7, ex.get(1).source().line());
    }

    @Test
    void conllLineWithoutTagNamesTheLine() {
        Path f = write(root, "ner", "train.txt", "张 B-PER\n三\n");
        assertError(f, 2, () -> new DatasetReader(conll("BIO"), root).read("train"), "no tag");
    }

    @Test
    void conllTagOutsideTheSchemeNamesTheLine() {
        Path f = write(root, "ner", "train.txt", "张 B-PER\n三 E-PER\n");
        assertError(f, 2, () -> new DatasetReader(conll("BIO"), root).read("train"),
                "tag 'E-PER' is not a BIO tag");
        assertEquals(2, new DatasetReader(conll("BIOES"), root).readTagged("train").get(0)
                .tags().size());
    }

    @Test
    void nerJsonlSpansBecomeTagsPerCodePoint() {
        write(root, "ner", "a.jsonl", """
                {"text": "😀张三在北京", "entities": [{"start": 1, "end": 3, "type": "PER"},
                  {"start": 4, "end": 6, "type": "LOC"}]}
                {"text": "在京", "entities": [{"start": 1, "end": 2, "type": "LOC"}]}
                """.replace("\n  ", " "));
        List<TaggedExample> bio = new DatasetReader(nerJsonl("BIO"), root).readTagged("train");
        assertEquals(List.of("😀", "张", "三", "在", "北", "京"), bio.get(0).chars());
        assertEquals(List.of("O", "B-PER", "I-PER", "O", "B-LOC", "I-LOC"), bio.get(0).tags());
        List<TaggedExample> bioes = new DatasetReader(nerJsonl("BIOES"), root).readTagged("train");
        assertEquals(List.of("O", "B-PER", "E-PER", "O", "B-LOC", "E-LOC"), bioes.get(0).tags());
        assertEquals(List.of("O", "S-LOC"), bioes.get(1).tags());
        assertEquals(2, bioes.get(1).source().line());
        List<TaggedExample> bmes = new DatasetReader(nerJsonl("BMES"), root).readTagged("train");
        assertEquals(List.of("O", "S-LOC"), bmes.get(1).tags());
    }

    @Test
    void nerJsonlEntityOutsideTheTextIsRejected() {
        Path f = write(root, "ner", "a.jsonl", """
                {"text": "张三", "entities": []}
                {"text": "张三", "entities": [{"start": 1, "end": 3, "type": "PER"}]}
                """);
        assertError(f, 2, () -> new DatasetReader(nerJsonl("BIO"), root).read("train"),
                "not inside the text");
    }

    @Test
    void nerJsonlOverlappingEntitiesAreRejected() {
        Path f = write(root, "ner", "a.jsonl", "{\"text\": \"北京市\", \"entities\": [{\"start\": 0,"
                + " \"end\": 2, \"type\": \"LOC\"}, {\"start\": 1, \"end\": 3, \"type\": \"LOC\"}]}\n");
        assertError(f, 1, () -> new DatasetReader(nerJsonl("BIO"), root).read("train"), "overlaps");
    }

    @Test
    void nerJsonlWithoutEntitiesFieldListsTheFields() {
        Path f = write(root, "ner", "a.jsonl", "{\"text\": \"北京\", \"spans\": []}\n");
        assertError(f, 1, () -> new DatasetReader(nerJsonl("BIO"), root).read("train"),
                "field 'entities' absent", "text, spans");
    }
}
