package dev.skillnet.train.extend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.train.TrainConfig;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The skill-set search: forward selection tries the declared set, then every skill alone, then
 * grows the best set one skill a round while that helps, and keeps the best set it tried; on a real
 * tiny model it repeats exactly with a seed.
 */
class SkillSearchTest {

    /** The seven built-in skills, in the table's order (the tiny model's table). */
    static final List<String> SEVEN = SkillTable.defaults().names();

    /** A dev score worked out by hand: the sum of each skill's worth, so the best sets are known. */
    static double worth(List<String> skills) {
        Map<String, Double> w = Map.of("token", -1.0, "sequence", 5.0, "pair", 1.0, "question", -2.0,
                "entity", -3.0, "sentiment", 0.5, "general", 3.0);
        return 40 + skills.stream().mapToDouble(w::get).sum();
    }

    @Test
    void forwardSelectionGrowsTheBestSetWhileItHelpsAndKeepsTheBestTried(@TempDir Path tmp) throws Exception {
        List<List<String>> asked = new ArrayList<>();
        SkillSearch.Result r = new SkillSearch(config(tmp), 7, 3, c -> {
            asked.add(c.skills());
            assertEquals(7, c.train().steps(), "each trial runs the search's steps");
            return worth(c.skills());
        }).run();
        assertEquals(List.of("sequence", "general"), r.declared());
        assertEquals(List.of("sequence", "general"), asked.get(0), "the declared set is tried first");
        assertEquals(SEVEN.stream().map(List::of).toList(), asked.subList(1, 8), "round 1: every skill alone");
        // round 1's best is sequence (45); round 2 adds general (48); round 3 adds pair (49), the cap
        assertEquals(List.of("sequence", "pair", "general"), r.best().skills());
        assertEquals(49.0, r.best().devScore(), 0.0);
        assertEquals(3, r.best().round());
        int round2 = (int) r.trials().stream().filter(t -> t.round() == 2).count();
        int round3 = (int) r.trials().stream().filter(t -> t.round() == 3).count();
        assertEquals(5, round2, "round 2: six sets with sequence, one of them the declared set, tried once");
        assertEquals(5, round3);
        assertEquals(1 + 7 + 5 + 5, asked.size(), "a set is never trained twice");
        for (SkillSearch.Trial t : r.trials()) {
            assertTrue(t.devScore() <= r.best().devScore(), "the pick is the best set tried");
        }
    }

    @Test
    void stopsWhenARoundDoesNotHelpAndPrefersTheSmallerSetOnATie(@TempDir Path tmp) throws Exception {
        SkillSearch.Result r = new SkillSearch(config(tmp), 7, 7,
                c -> c.skills().contains("sequence") ? 50 : 10).run();
        // the declared set {sequence, general} scores 50, so does {sequence} alone: the smaller wins;
        // round 2 adds nothing better, so there is no round 3
        assertEquals(List.of("sequence"), r.best().skills());
        assertFalse(r.trials().stream().anyMatch(t -> t.round() == 3));
    }

    @Test
    void newSkillsAreInEverySetTried(@TempDir Path tmp) throws Exception {
        Path decl = ExtensionTest.declaration(tmp, "[\"sequence\", \"topic\", \"general\"]",
                " \"new_skills\": [{\"name\": \"topic\", \"description\": \"news topics\"}],");
        ExtensionJob.Config c = new ExtensionJob.Config(ExtensionTest.base().resolve("best"), decl,
                ExtensionTest.SAMPLES, tmp.resolve("out"), Freeze.ALL, ExtensionTest.SHORT);
        List<List<String>> asked = new ArrayList<>();
        new SkillSearch(c, 3, 1, x -> {
            asked.add(x.skills());
            return worth(x.skills().stream().filter(s -> !s.equals("topic")).toList());
        }).run();
        assertEquals(8, asked.size());
        asked.forEach(s -> assertTrue(s.contains("topic"), s + " lacks the task's own new skill"));
    }

    @Test
    void onATinyModelTheSearchRepeatsWithItsSeedAndWritesItsReport(@TempDir Path tmp) throws Exception {
        ExtensionJob.Config c = config(tmp);
        SkillSearch.Result first = new SkillSearch(c, 4, 1).run();
        SkillSearch.Result again = new SkillSearch(c, 4, 1).run();
        assertEquals(first.trials().stream().map(t -> t.skills() + "=" + t.devScore()).toList(),
                again.trials().stream().map(t -> t.skills() + "=" + t.devScore()).toList());
        assertTrue(first.trials().stream().map(SkillSearch.Trial::devScore).distinct().count() > 1,
                "the skills a task runs through change what it learns: " + first.trials());
        double max = first.trials().stream().mapToDouble(SkillSearch.Trial::devScore).max().orElseThrow();
        assertEquals(max, first.best().devScore(), 0.0);
        SkillSearch.write(first, tmp.resolve("report"));
        JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve("report").resolve("search.json")))
                .getAsJsonObject();
        assertEquals(first.trials().size(), json.getAsJsonArray("trials").size());
        assertEquals(first.best().skills().get(0), json.getAsJsonArray("picked").get(0).getAsString());
        assertTrue(Files.readString(tmp.resolve("report").resolve("search.md")).contains("(picked)"));
        SkillSearch.Result back = SkillSearch.read(tmp.resolve("report"));
        assertEquals(first.trials().stream().map(t -> t.skills() + "=" + t.devScore()).toList(),
                back.trials().stream().map(t -> t.skills() + "=" + t.devScore()).toList(), "read back as written");
        assertEquals(first.best().skills(), back.best().skills());
        assertEquals(first.declared(), back.declared());
        assertThrows(UserInputException.class, () -> SkillSearch.read(tmp.resolve("nowhere")));
        assertFalse(Files.exists(tmp.resolve("out")), "a search trains nothing into the extension's folder");
    }

    @Test
    void badSettingsAndUnknownSkillsAreRefused(@TempDir Path tmp) throws Exception {
        ExtensionJob.Config c = config(tmp);
        assertThrows(UserInputException.class, () -> new SkillSearch(c, 0, 3));
        assertThrows(UserInputException.class, () -> new SkillSearch(c, 10, 0));
        UserInputException unknown = assertThrows(UserInputException.class,
                () -> new ExtensionJob(c.withSkills(List.of("sequence", "juggling"))).devScore());
        assertTrue(unknown.getMessage().contains("juggling"), unknown.getMessage());
    }

    /** Extending the tiny chnsenticorp model by tnews, which declares {sequence, general}. */
    private static ExtensionJob.Config config(Path tmp) throws Exception {
        Path decl = ExtensionTest.declaration(tmp, "[\"sequence\", \"general\"]", "");
        TrainConfig train = new TrainConfig(20, 16, 1e-3, 0.1, 0.01, 1.0, 20, 20, 64, 5, SamplingConfig.proportional());
        return new ExtensionJob.Config(ExtensionTest.base().resolve("best"), decl, ExtensionTest.SAMPLES,
                tmp.resolve("out"), Freeze.ALL, train);
    }
}
