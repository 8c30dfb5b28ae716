package dev.skillnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skillnet tasks} prints the task-to-skill table of the bundled and of user declarations. */
class TasksCommandTest {

    static final Path BUNDLED = Path.of("..", "declarations");

    @Test
    void printsTheSixBundledTasksAndTheirSkills() {
        CliRun run = CliRun.of("tasks", "--tasks", BUNDLED.toString());
        assertEquals(0, run.code(), run.err());
        for (String task : new String[] {"chnsenticorp", "afqmc", "ocnli", "tnews", "msra_ner", "cmrc2018"}) {
            assertTrue(run.out().contains(task), task);
        }
        String cmrc = run.out().lines().filter(l -> l.startsWith("cmrc2018")).findFirst().orElseThrow();
        assertEquals(4, java.util.Arrays.stream(cmrc.trim().split("\\s+")).filter("x"::equals).count(), cmrc);
    }

    @Test
    void aNewTaskWithANewSkillIsOneFile(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("legal.json"), """
                {"name": "legal_cls", "type": "single_text_classification",
                 "skills": ["sequence", "legal", "general"],
                 "new_skills": [{"name": "legal", "description": "legal language"}],
                 "data": {"dir": "legal", "format": "tsv", "text": "text", "label": "label",
                          "splits": {"train": "train.tsv"}},
                 "labels": ["a", "b"]}
                """);
        CliRun run = CliRun.of("tasks", "--tasks", tmp.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("legal      legal language"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("legal_cls")), run.out());
    }

    @Test
    void unknownSkillNamesTheFileAndExitsWith2(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.json"), """
                {"name": "bad", "type": "single_text_classification", "skills": ["sequence", "humour"],
                 "data": {"dir": "x", "format": "tsv", "text": "t", "label": "l", "splits": {"train": "a.tsv"}},
                 "labels": ["a", "b"]}
                """);
        CliRun run = CliRun.of("tasks", "--tasks", tmp.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains(f.toString()) && run.err().contains("humour"), run.err());
    }
}
