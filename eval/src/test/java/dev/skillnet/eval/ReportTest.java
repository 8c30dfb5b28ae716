package dev.skillnet.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.eval.report.Report;
import dev.skillnet.eval.report.TaskResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    final Report report = new Report("test", List.of(
            new TaskResult("tnews", List.of("sequence", "general"),
                    new Score("accuracy", 41.123456, 600, Map.of("macro_f1", 30.5)), new Score("accuracy", 10.5, 600)),
            new TaskResult("cmrc2018", List.of("token", "pair", "question", "general"),
                    new Score("cmrc_f1", 20.0, 231, Map.of("em", 5.0)), null)));

    @Test
    void jsonFollowsTheSchemaWithScoresInPercentRoundedToFourDecimals() {
        JsonObject o = JsonParser.parseString(report.toJson()).getAsJsonObject();
        JsonObject tnews = o.getAsJsonObject("tasks").getAsJsonObject("tnews");
        assertEquals("accuracy", tnews.get("main_metric").getAsString());
        assertEquals(41.1235, tnews.get("main_score").getAsDouble());
        assertEquals(600, tnews.get("n_examples").getAsInt());
        assertEquals(30.5, tnews.getAsJsonObject("extras").get("macro_f1").getAsDouble());
        assertEquals(10.5, tnews.getAsJsonObject("baseline").get("main_score").getAsDouble());
        assertEquals((41.123456 + 20.0) / 2, o.get("average").getAsDouble(), 1e-4);
        assertTrue(!o.getAsJsonObject("tasks").getAsJsonObject("cmrc2018").has("baseline"));
    }

    @Test
    void tableAndMarkdownShowBaselineBesideScore() {
        assertTrue(report.toTable().lines().anyMatch(l -> l.startsWith("tnews") && l.contains("41.12")
                && l.contains("10.50") && l.endsWith("beats baseline")), report.toTable());
        assertTrue(report.toMarkdown().contains("| cmrc2018 | token, pair, question, general | cmrc_f1 | 20.00 | n/a | 231 |"),
                report.toMarkdown());
    }

    @Test
    void readingBackGivesTheScoresAsWritten() {
        Report back = Report.fromJson(report.toJson());
        assertEquals("test", back.split());
        TaskResult tnews = back.results().get(0);
        assertEquals("tnews", tnews.task());
        assertEquals(List.of("sequence", "general"), tnews.skills());
        assertEquals(41.1235, tnews.score().value());
        assertEquals(600, tnews.score().n());
        assertEquals(Map.of("macro_f1", 30.5), tnews.score().extras());
        assertEquals(new Score("accuracy", 10.5, 600), tnews.baseline());
        assertNull(back.results().get(1).baseline());
    }

    @Test
    void somethingElseIsRefusedSayingWhatIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Report.fromJson("{\"split\": \"test\"}"));
        assertTrue(e.getMessage().contains("'tasks'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Report.fromJson("[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> Report.fromJson("{\"split\": \"test\", "
                + "\"tasks\": {\"t\": {\"main_metric\": \"accuracy\", \"main_score\": 140, \"n_examples\": 3}}}"));
    }
}
