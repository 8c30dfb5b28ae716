package dev.skillnet.train.extend;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.declare.TaskDeclarations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of a trained model's skills should a new task run through? Greedy forward selection, each
 * candidate set scored by a short seeded extension ({@link ExtensionJob#devScore}) on the new
 * task's dev split; the idea of µ2Net, which searches how a new task routes through a frozen model,
 * with a search a two-core machine can afford.
 *
 * <ol>
 *   <li>The declared set is tried first, as the reference.
 *   <li>Round 1 tries each of the model's skills alone; round k adds each remaining skill to the
 *       best set of round k - 1. Skills the declaration brings under {@code new_skills} are in
 *       every set (they exist for this task).
 *   <li>The search stops after a round that does not beat the best set so far, or at {@code
 *       maxSkills} skills.
 *   <li>It keeps the best set it tried (ties: the smaller set, then the one tried first).
 * </ol>
 *
 * Every trial starts from the same model with the same seed, so trials differ only by their skills,
 * and a search repeats exactly on one machine. Why greedy rather than µ2Net's evolutionary search:
 * at one short fine-tune per trial, forward selection over seven skills costs at most 1 + 7 + 6 + 5
 * trials for sets of up to three, and each round's comparisons are of sets that differ by one skill.
 */
public final class SkillSearch {

    /**
     * One set tried.
     *
     * @param round 0 for the declared set, else the round of forward selection
     * @param skills the set, in the skill table's order
     * @param devScore the new task's dev main score after the short fine-tune, in percent
     * @param seconds the trial's wall time
     */
    public record Trial(int round, List<String> skills, double devScore, double seconds) {

        /** Copies the skill list. */
        public Trial {
            skills = List.copyOf(skills);
        }
    }

    /**
     * What a search did.
     *
     * @param task the new task
     * @param declared the set its declaration lists
     * @param trials every set tried, in order
     * @param best the best trial
     * @param trialSteps steps of each trial
     * @param seconds the search's wall time
     */
    public record Result(String task, List<String> declared, List<Trial> trials, Trial best, int trialSteps,
            double seconds) {

        /** Copies the lists. */
        public Result {
            declared = List.copyOf(declared);
            trials = List.copyOf(trials);
        }

        /** @return the result as JSON: the task, the declared and the picked set, and every trial */
        public JsonObject toJson() {
            Gson gson = new Gson();
            JsonObject o = new JsonObject();
            o.addProperty("task", task);
            o.add("declared", gson.toJsonTree(declared));
            o.add("picked", gson.toJsonTree(best.skills()));
            o.addProperty("picked_dev_score", best.devScore());
            o.addProperty("trial_steps", trialSteps);
            o.addProperty("seconds", round(seconds));
            JsonArray rows = new JsonArray();
            for (Trial t : trials) {
                JsonObject r = new JsonObject();
                r.addProperty("round", t.round());
                r.add("skills", gson.toJsonTree(t.skills()));
                r.addProperty("dev_score", t.devScore());
                r.addProperty("seconds", round(t.seconds()));
                rows.add(r);
            }
            o.add("trials", rows);
            return o;
        }

        /** @return the trials as a Markdown table, with the picked and the declared set named */
        public String toMarkdown() {
            StringBuilder b = new StringBuilder();
            b.append("# Skill-set search: ").append(task).append("\n\n");
            b.append(String.format(Locale.ROOT, "%d trials of %d steps each, %.0f s in all; dev main score of the "
                    + "new task after each.%n%n", trials.size(), trialSteps, seconds));
            b.append("| round | skills | dev score | seconds |\n|---:|---|---:|---:|\n");
            for (Trial t : trials) {
                String mark = t == best ? " **(picked)**" : "";
                b.append(String.format(Locale.ROOT, "| %s | %s%s | %.2f | %.0f |%n",
                        t.round() == 0 ? "declared" : Integer.toString(t.round()), String.join(", ", t.skills()),
                        mark, t.devScore(), t.seconds()));
            }
            b.append("\nDeclared: ").append(String.join(", ", declared)).append(". Picked: ")
                    .append(String.join(", ", best.skills())).append(".\n");
            return b.toString();
        }

        private static double round(double seconds) {
            return Math.round(seconds * 10) / 10.0;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SkillSearch.class);

    private final ExtensionJob.Config config;
    private final int trialSteps;
    private final int maxSkills;
    private final ToDoubleFunction<ExtensionJob.Config> score;

    /**
     * @param config the extension to search for (its train settings, with {@code trialSteps}
     *     steps, are each trial's)
     * @param trialSteps steps of each trial
     * @param maxSkills the largest set forward selection builds
     */
    public SkillSearch(ExtensionJob.Config config, int trialSteps, int maxSkills) {
        this(config, trialSteps, maxSkills, c -> new ExtensionJob(c).devScore());
    }

    /**
     * @param score trains one trial and returns its dev score (tests pass a known function)
     */
    SkillSearch(ExtensionJob.Config config, int trialSteps, int maxSkills,
            ToDoubleFunction<ExtensionJob.Config> score) {
        if (trialSteps <= 0) {
            throw new UserInputException("steps per search trial must be positive, got " + trialSteps);
        }
        if (maxSkills <= 0) {
            throw new UserInputException("the largest skill set searched must be positive, got " + maxSkills);
        }
        this.config = config;
        this.trialSteps = trialSteps;
        this.maxSkills = maxSkills;
        this.score = score;
    }

    /** @return the sets tried and the best */
    public Result run() {
        long start = System.nanoTime();
        SkillTable old = SkillTable.load(config.model().resolve("skills.json"));
        TaskDeclaration decl = TaskDeclarations.loadFiles(List.of(config.taskFile()), old).tasks().get(0);
        List<String> candidates = old.names();
        List<String> own = decl.skills().stream().filter(s -> !candidates.contains(s)).toList(); // new_skills
        ExtensionJob.Config trialConfig = config.withTrain(config.train().withSteps(trialSteps));
        List<Trial> trials = new ArrayList<>();
        Map<Set<String>, Trial> tried = new HashMap<>();
        Trial declared = trial(0, decl.skills(), trialConfig, trials, tried);
        List<String> current = new ArrayList<>();
        Trial currentBest = null;
        for (int round = 1; round <= maxSkills && current.size() < candidates.size(); round++) {
            Trial roundBest = null;
            for (String c : candidates) {
                if (current.contains(c)) {
                    continue;
                }
                List<String> set = new ArrayList<>();
                for (String s : candidates) { // the table's order
                    if (current.contains(s) || s.equals(c)) {
                        set.add(s);
                    }
                }
                set.addAll(own);
                Trial t = trial(round, set, trialConfig, trials, tried);
                if (roundBest == null || t.devScore() > roundBest.devScore()) {
                    roundBest = t;
                }
            }
            if (currentBest != null && roundBest.devScore() <= currentBest.devScore()) {
                break;
            }
            currentBest = roundBest;
            current = new ArrayList<>(roundBest.skills());
            current.removeAll(own);
        }
        Trial best = declared;
        for (Trial t : trials) {
            if (t.devScore() > best.devScore()
                    || (t.devScore() == best.devScore() && t.skills().size() < best.skills().size())) {
                best = t;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("skill-set search for {}: picked {} (dev {}), declared {} (dev {}); {} trials in {} s", decl.name(),
                best.skills(), fmt(best.devScore()), declared.skills(), fmt(declared.devScore()), trials.size(),
                Math.round(seconds));
        return new Result(decl.name(), decl.skills(), trials, best, trialSteps, seconds);
    }

    /** Tries a set, or returns the trial of the same set tried before. */
    private Trial trial(int round, List<String> skills, ExtensionJob.Config trialConfig, List<Trial> trials,
            Map<Set<String>, Trial> tried) {
        Set<String> key = new LinkedHashSet<>(skills);
        Trial seen = tried.get(key);
        if (seen != null) {
            return seen;
        }
        long start = System.nanoTime();
        double dev = score.applyAsDouble(trialConfig.withSkills(skills));
        Trial t = new Trial(round, skills, dev, (System.nanoTime() - start) / 1e9);
        LOG.info("search trial {} (round {}): skills {} dev {} ({} s)", trials.size() + 1, round, skills, fmt(dev),
                Math.round(t.seconds()));
        trials.add(t);
        tried.put(key, t);
        return t;
    }

    /**
     * Writes {@code search.json} and {@code search.md} into a folder, each atomically.
     *
     * @param result the search
     * @param dir the folder
     */
    public static void write(Result result, Path dir) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.writeString(dir.resolve("search.json"),
                    new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(result.toJson()));
            AtomicFiles.writeString(dir.resolve("search.md"), result.toMarkdown());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search's report into " + dir, e);
        }
    }

    /**
     * Reads back the {@code search.json} that {@link #write} put into a folder. Seconds come back
     * as written, to a tenth.
     *
     * @param dir the folder
     * @return the search
     * @throws UserInputException when the file is missing or is not a search's report
     */
    public static Result read(Path dir) {
        Path file = dir.resolve("search.json");
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            List<Trial> trials = new ArrayList<>();
            for (var e : o.getAsJsonArray("trials")) {
                JsonObject t = e.getAsJsonObject();
                trials.add(new Trial(t.get("round").getAsInt(), strings(t.getAsJsonArray("skills")),
                        t.get("dev_score").getAsDouble(), t.get("seconds").getAsDouble()));
            }
            List<String> picked = strings(o.getAsJsonArray("picked"));
            Trial best = trials.stream().filter(t -> t.skills().equals(picked)).findFirst()
                    .orElseThrow(() -> new UserInputException(file, "the picked set " + picked + " is not among the trials"));
            return new Result(o.get("task").getAsString(), strings(o.getAsJsonArray("declared")), trials, best,
                    o.get("trial_steps").getAsInt(), o.get("seconds").getAsDouble());
        } catch (IOException e) {
            throw new UserInputException(file, "cannot read the search's report: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof UserInputException u) {
                throw u;
            }
            throw new UserInputException(file, "not a skill-set search's report: " + e);
        }
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.getAsString()));
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
