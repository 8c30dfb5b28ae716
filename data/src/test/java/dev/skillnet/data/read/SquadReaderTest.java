package dev.skillnet.data.read;

import static dev.skillnet.data.read.Fixtures.assertError;
import static dev.skillnet.data.read.Fixtures.spec;
import static dev.skillnet.data.read.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.skillnet.data.Answer;
import dev.skillnet.data.DataSpec;
import dev.skillnet.data.SpanExample;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading SQuAD v1.1 files. */
class SquadReaderTest {

    @TempDir Path root;

    DataSpec squad() {
        return spec(root, """
                {"dir": "mrc", "format": "squad", "splits": {"train": "a.json"}}""");
    }

    static String file(String context, String answers) {
        return """
                {"version": "v1.0", "data": [
                  {"id": "ART_1", "title": "T", "paragraphs": [
                    {"id": "P_1", "context": "%s",
                     "qas": [
                       {"question": "问？", "id": "Q_1",
                        "answers": %s}
                     ]}
                  ]}
                ]}
                """.formatted(context, answers);
    }

    @Test
    void answerStartIsAJavaCharOffset() {
        // CMRC 2018 counts UTF-16 units: the emoji takes two.
        write(root, "mrc", "a.json", file("😀俗名龙尖，鱼", """
                [{"text": "龙尖", "answer_start": 4}, {"text": "别名", "answer_start": -1}]"""));
        List<SpanExample> ex = new DatasetReader(squad(), root).readSpans("train");
        SpanExample e = ex.get(0);
        assertEquals("Q_1", e.id());
        assertEquals("ART_1", e.articleId());
        assertEquals("问？", e.question());
        assertEquals(List.of(new Answer("龙尖", 4), new Answer("别名", -1)), e.answers());
        assertFalse(e.answers().get(1).located());
        assertEquals(new Answer("龙尖", 4), e.firstLocatedAnswer());
        assertEquals(5, e.source().line(), "the line of the question id");
    }

    @Test
    void codePointOffsetsFromPythonToolsAreConverted() {
        write(root, "mrc", "a.json", file("😀俗名龙尖，鱼", """
                [{"text": "龙尖", "answer_start": 3}]"""));
        SpanExample e = new DatasetReader(squad(), root).readSpans("train").get(0);
        assertEquals(4, e.answers().get(0).start());
    }

    @Test
    void mismatchedAnswerStartNamesTheQuestion() {
        Path f = write(root, "mrc", "a.json", file("俗名龙尖，鱼", """
                [{"text": "龙尖", "answer_start": 0}]"""));
        assertError(f, 5, () -> new DatasetReader(squad(), root).read("train"),
                "question 'Q_1'", "answer_start 0 does not match");
    }

    @Test
    void questionWithoutLocatedAnswerIsRejected() {
        Path f = write(root, "mrc", "a.json", file("俗名龙尖", """
                [{"text": "鱼", "answer_start": -1}]"""));
        assertError(f, 5, () -> new DatasetReader(squad(), root).read("train"),
                "question 'Q_1' has no answer located");
    }

    @Test
    void missingStructureIsNamed() {
        Path f = write(root, "mrc", "a.json", "{\"data\": [{\"title\": \"T\"}]}");
        assertError(f, 0, () -> new DatasetReader(squad(), root).read("train"),
                "data[0]: field 'paragraphs' absent", "title");
        write(root, "mrc", "a.json", "{\"data\": [}");
        assertError(f, 1, () -> new DatasetReader(squad(), root).read("train"), "malformed JSON");
    }
}
