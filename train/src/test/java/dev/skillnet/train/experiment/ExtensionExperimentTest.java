package dev.skillnet.train.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.train.JobConfig;
import dev.skillnet.train.ModelSize;
import dev.skillnet.train.TrainConfig;
import dev.skillnet.train.extend.SkillSearch;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension experiment on a tiny model: tnews held out of a chnsenticorp base, then added in
 * every way; the bases' scores are the "before" rows; extensions that freeze the old weights leave
 * the old task's score exactly as it was; the searched extension routes through what the search
 * picked; the report lists the search.
 */
class ExtensionExperimentTest {

    /** chnsenticorp and tnews on a tiny model, tnews held out and added with {@code extendSteps} steps. */
    private static ExperimentConfig config(Path tmp, int extendSteps) {
        JobConfig template = JobConfig.builder().setOut(tmp).setTasksDir(Path.of("..", "declarations"))
                .setDataRoot(Path.of("..", "data", "samples")).optTaskNames(List.of("chnsenticorp", "tnews"))
                .optSize(ModelSize.parse("tiny"))
                .setTrain(new TrainConfig(12, 16, 1e-3, 0.1, 0.01, 1.0, 12, 12, 64, 5, SamplingConfig.proportional()))
                .build();
        return ExperimentConfig.builder().setOut(tmp).setTemplate(template).optModes(List.of()).optSeeds(List.of(5L))
                .optExtendTask("tnews").optExtendSteps(extendSteps).optExtendSearchSteps(2).build();
    }

    @Test
    void holdsATaskOutThenAddsItEveryWayAndShowsWhatTheOldTaskKeeps(@TempDir Path tmp) throws Exception {
        Experiment experiment = new Experiment(config(tmp, 6));
        List<VariantResult> results = experiment.run();
        Map<String, VariantResult> v = results.stream()
                .collect(Collectors.toMap(VariantResult::name, Function.identity()));
        assertEquals(List.of("skill base, before tnews", "skill base + extend tnews", "skill base + extend tnews, head only",
                "skill base + extend tnews, new skill only", "skill base + extend tnews, all skills",
                "skill base + extend tnews, searched skills", "dense base, before tnews",
                "dense base + fine-tune tnews", "tnews alone from scratch"),
                results.stream().map(VariantResult::name).toList());
        assertFalse(v.get("skill base, before tnews").scores().containsKey("tnews"), "the base never saw tnews");
        double before = v.get("skill base, before tnews").scores().get("chnsenticorp").get(0);
        for (String frozen : List.of("head only", "new skill only")) {
            assertEquals(before, v.get("skill base + extend tnews, " + frozen).scores().get("chnsenticorp").get(0), 0.0,
                    frozen + ": the old weights are untouched, so the old task scores as before");
            assertTrue(v.get("skill base + extend tnews, " + frozen).scores().containsKey("tnews"));
        }

        SkillSearch.Result search = experiment.searches().get(0);
        JsonArray routed = JsonParser.parseString(Files.readString(tmp.resolve("extension/skill-extended-searched/"
                + "seed-5/best/tasks/tnews.json"))).getAsJsonObject().getAsJsonArray("skills");
        assertEquals(search.best().skills(), routed.asList().stream().map(e -> e.getAsString()).toList());
        JsonArray all = JsonParser.parseString(Files.readString(tmp.resolve("extension/skill-extended-all/"
                + "seed-5/best/tasks/tnews.json"))).getAsJsonObject().getAsJsonArray("skills");
        assertEquals(7, all.size(), "all seven skills");

        ExperimentReport.write(tmp, results, List.of(5L), "./skillnet experiment ...", experiment.searches());
        String md = Files.readString(tmp.resolve("experiment.md"));
        assertTrue(md.contains("Skill-set searches for the new task"), md);
        assertTrue(md.contains("| skill base + extend tnews, searched skills better than skill base + extend tnews | tnews |"),
                md);
        assertTrue(md.contains("| skill base + extend tnews better than tnews alone from scratch | tnews |"), md);
        assertEquals(1, JsonParser.parseString(Files.readString(tmp.resolve("experiment.json"))).getAsJsonObject()
                .getAsJsonArray("searches").size());
    }

    @Test
    void runAgainItReadsFinishedRunsBackAndRunsOnlyWhatDidNotFinish(@TempDir Path tmp) throws Exception {
        Experiment first = new Experiment(config(tmp, 6));
        List<VariantResult> before = first.run();
        Path base = tmp.resolve("extension/skill-base/seed-5");
        Path alone = tmp.resolve("extension/alone/seed-5");
        FileTime baseResults = Files.getLastModifiedTime(base.resolve("results.json"));
        Files.delete(alone.resolve("results.json")); // as if the run had stopped inside the last variant

        Experiment again = new Experiment(config(tmp, 6));
        List<VariantResult> after = again.run();
        assertEquals(baseResults, Files.getLastModifiedTime(base.resolve("results.json")), "a finished run is not run again");
        assertTrue(Files.isRegularFile(alone.resolve("results.json")), "the unfinished run ran");
        assertEquals(before.stream().map(VariantResult::name).toList(), after.stream().map(VariantResult::name).toList());
        for (int i = 0; i < before.size(); i++) {
            VariantResult b = before.get(i);
            VariantResult a = after.get(i);
            if (!b.name().startsWith("tnews alone")) {
                assertEquals(b.seconds(), a.seconds(), b.name() + ": the recorded wall time comes back");
            }
            assertEquals(b.stored(), a.stored());
            b.scores().forEach((task, scores) -> assertEquals(scores.get(0), a.scores().get(task).get(0), 5e-5,
                    b.name() + " " + task + ": scores come back as written, to four decimals"));
        }
        assertEquals(first.searches().get(0).best().skills(), again.searches().get(0).best().skills());
        assertEquals(first.searches().get(0).trials().size(), again.searches().get(0).trials().size());

        UserInputException other = assertThrows(UserInputException.class, () -> new Experiment(config(tmp, 7)).run());
        assertTrue(other.getMessage().contains(ExperimentSettings.NAME) && other.getMessage().contains("extend_steps"),
                other.getMessage());
    }
}
