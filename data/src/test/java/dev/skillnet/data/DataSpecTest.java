package dev.skillnet.data;

import dev.skillnet.core.TagScheme;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parsing the "data" object of a task declaration. */
class DataSpecTest {

    static final Path DECL = Path.of("tasks", "demo.json");

    static DataSpec parse(String json) {
        return DataSpec.parse(JsonParser.parseString(json).getAsJsonObject(), DECL);
    }

    static void assertRejected(String json, String... parts) {
        UserInputException e = assertThrows(UserInputException.class, () -> parse(json));
        assertEquals(DECL, e.file());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage() + " should contain " + part);
        }
    }

    @Test
    void parsesATsvDeclarationWithDefaults() {
        DataSpec s = parse("""
                {"dir": "chnsenticorp", "format": "tsv", "text": "text_a", "label": "label",
                 "splits": {"train": "train.tsv", "dev": "dev.tsv"}}""");
        assertEquals("chnsenticorp", s.dir());
        assertEquals(Format.TSV, s.format());
        assertTrue(s.header(), "header defaults to true");
        assertEquals(FieldRef.named("text_a"), s.text());
        assertNull(s.textPair());
        assertEquals(List.of("train", "dev"), List.copyOf(s.splits()));
        assertEquals(List.of(SplitSource.whole("train.tsv")), s.sources("train"));
        assertTrue(s.skipLabels().isEmpty());
        assertNull(s.scheme());
    }

    @Test
    void parsesColumnIndicesSkipLabelsAndFractionSources() {
        DataSpec s = parse("""
                {"dir": "afqmc", "format": "tsv", "header": false, "text": 0, "text_pair": 1,
                 "label": 2, "skip_labels": ["-"],
                 "splits": {"train": [{"file": "train.txt", "from": 0, "to": 0.9, "seed": 13}],
                            "dev": [{"file": "train.txt", "from": 0.9, "seed": 13}, "dev.txt"]}}""");
        assertFalse(s.header());
        assertEquals(FieldRef.at(1), s.textPair());
        assertEquals(Set.of("-"), s.skipLabels());
        assertEquals(new SplitSource("train.txt", 0.9, 1.0, 13L, false), s.sources("dev").get(0));
        assertEquals(SplitSource.whole("dev.txt"), s.sources("dev").get(1));
    }

    @Test
    void taggedFormatsDefaultToBio() {
        assertEquals(TagScheme.BIO, parse("""
                {"dir": "msra_ner", "format": "conll", "splits": {"test": "dev.txt"}}""").scheme());
        DataSpec s = parse("""
                {"dir": "x", "format": "ner_jsonl", "scheme": "bmes", "splits": {"test": "a.jsonl"}}""");
        assertEquals(TagScheme.BMES, s.scheme());
        assertEquals(FieldRef.named("text"), s.text());
    }

    @Test
    void squadSourcesMayGroupByArticle() {
        DataSpec s = parse("""
                {"dir": "cmrc2018", "format": "squad", "splits": {"test": [
                  {"file": "cmrc2018_dev.json", "from": 0.5, "to": 1.0, "seed": 13,
                   "group": "article"}]}}""");
        assertTrue(s.sources("test").get(0).byArticle());
    }

    @Test
    void rejectsAnUnknownFormatListingTheKnownOnes() {
        assertRejected("""
                {"dir": "d", "format": "xml", "text": "t", "label": "l", "splits": {"a": "f"}}""",
                "data.format", "xml", "tsv, csv, jsonl, conll, ner_jsonl, squad");
    }

    @Test
    void rejectsMissingRequiredFields() {
        assertRejected("""
                {"format": "tsv", "text": "t", "label": "l", "splits": {"a": "f"}}""", "data.dir");
        assertRejected("""
                {"dir": "d", "format": "tsv", "text": "t", "splits": {"a": "f"}}""", "data.label");
        assertRejected("""
                {"dir": "d", "format": "jsonl", "text": "t", "label": "l"}""", "data.splits");
    }

    @Test
    void rejectsUnknownAndMisplacedFields() {
        assertRejected("""
                {"dir": "d", "format": "tsv", "text": "t", "label": "l", "lable": "x",
                 "splits": {"a": "f"}}""", "data.lable", "unknown field");
        assertRejected("""
                {"dir": "d", "format": "conll", "label": "l", "splits": {"a": "f"}}""",
                "data.label", "not used by format conll");
        assertRejected("""
                {"dir": "d", "format": "jsonl", "header": true, "text": "t", "label": "l",
                 "splits": {"a": "f"}}""", "data.header");
        assertRejected("""
                {"dir": "d", "format": "jsonl", "text": 0, "label": "l", "splits": {"a": "f"}}""",
                "data.text", "field name");
    }

    @Test
    void rejectsColumnNamesWithoutHeader() {
        assertRejected("""
                {"dir": "d", "format": "tsv", "header": false, "text": "text_a", "label": 1,
                 "splits": {"a": "f"}}""", "data.text", "0-based column index");
    }

    @Test
    void rejectsBadFractionSources() {
        assertRejected("""
                {"dir": "d", "format": "conll", "splits": {"dev": [{"file": "f", "from": 0.9,
                 "to": 0.5, "seed": 1}]}}""", "data.splits.dev[0]", "less than");
        assertRejected("""
                {"dir": "d", "format": "conll", "splits": {"dev": [{"file": "f", "from": 0.9}]}}""",
                "data.splits.dev[0].seed", "required");
        assertRejected("""
                {"dir": "d", "format": "conll", "splits": {"dev": [{"file": "f", "to": 1.5,
                 "seed": 1}]}}""", "data.splits.dev[0].to");
        assertRejected("""
                {"dir": "d", "format": "conll", "splits": {"dev": [{"file": "f", "from": 0.5,
                 "seed": 1, "group": "article"}]}}""", "data.splits.dev[0].group", "squad");
        assertRejected("""
                {"dir": "d", "format": "conll", "splits": {"dev": []}}""", "data.splits.dev");
    }

    @Test
    void unknownSplitNamesTheDeclaredOnes() {
        DataSpec s = parse("""
                {"dir": "d", "format": "conll", "splits": {"train": "a", "test": "b"}}""");
        UserInputException e = assertThrows(UserInputException.class, () -> s.sources("dev"));
        assertTrue(e.getMessage().contains("train, test"), e.getMessage());
    }

    @Test
    void schemesValidateAndBuildTags() {
        assertTrue(TagScheme.BIO.accepts("B-PER"));
        assertTrue(TagScheme.BIO.accepts("O"));
        assertFalse(TagScheme.BIO.accepts("E-PER"));
        assertFalse(TagScheme.BIO.accepts("B-"));
        assertFalse(TagScheme.BIO.accepts("PER"));
        assertTrue(TagScheme.BMES.accepts("M-LOC"));
        assertEquals(List.of("B-LOC", "I-LOC", "I-LOC"), TagScheme.BIO.spanTags("LOC", 3));
        assertEquals(List.of("B-LOC", "I-LOC", "E-LOC"), TagScheme.BIOES.spanTags("LOC", 3));
        assertEquals(List.of("S-LOC"), TagScheme.BIOES.spanTags("LOC", 1));
        assertEquals(List.of("B-LOC", "M-LOC", "E-LOC"), TagScheme.BMES.spanTags("LOC", 3));
    }
}
