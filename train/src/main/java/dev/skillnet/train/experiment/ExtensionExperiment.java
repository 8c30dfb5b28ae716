package dev.skillnet.train.experiment;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.eval.report.Report;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.declare.TaskDeclarations;
import dev.skillnet.train.JobConfig;
import dev.skillnet.train.Mode;
import dev.skillnet.train.Routing;
import dev.skillnet.train.TrainConfig;
import dev.skillnet.train.TrainingJob;
import dev.skillnet.train.extend.ExtensionJob;
import dev.skillnet.train.extend.Freeze;
import dev.skillnet.train.extend.SkillSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The extension experiment (the paper's third finding): one task is held out of a skill and a
 * dense base model trained on the rest, then added. The skill base is extended with it in every
 * way {@code skillnet extend} offers (everything it runs, the head only, a new skill beside the
 * declared ones with everything old frozen, all the model's skills, and, when asked, the skills
 * a search picks); the dense base is fine-tuned on it; and the task is trained alone from the
 * same start. The bases' own test scores are variants too ("before"), so that each extension's
 * rows show what the old tasks lost.
 */
final class ExtensionExperiment {

    /**
     * One run, to be added to its variant.
     *
     * @param variant the variant's name
     * @param report its test report
     * @param seconds its wall time
     * @param dir the run folder (holding {@code best/} and {@code throughput.json})
     * @param mode how its model routes
     */
    record Run(String variant, Report report, double seconds, Path dir, Mode mode) {}

    /** The largest skill set the search builds. */
    static final int SEARCH_MAX_SKILLS = 3;

    private final ExperimentConfig config;
    private final SkillTable skills;
    private final List<SkillSearch.Result> searches = new ArrayList<>();

    /**
     * @param config the experiment (its extend task, extension steps and search steps)
     * @param skills the skill table the tasks are declared against
     */
    ExtensionExperiment(ExperimentConfig config, SkillTable skills) {
        this.config = config;
        this.skills = skills;
    }

    /** @return the variant of the task extended through its declared skills, training all it runs */
    static String extended(String task) {
        return "skill base + extend " + task;
    }

    /** @return the variant of the task extended through the skills the search picked */
    static String searched(String task) {
        return extended(task) + ", searched skills";
    }

    /** @return the variant of the task extended through all the model's skills */
    static String allSkills(String task) {
        return extended(task) + ", all skills";
    }

    /** @return the variant of the dense base fine-tuned on the task */
    static String denseFineTuned(String task) {
        return "dense base + fine-tune " + task;
    }

    /**
     * @param task the held-out task
     * @param pretrained whether the runs start from a pretrained encoder
     * @return the variant of the task trained alone
     */
    static String alone(String task, boolean pretrained) {
        return task + " alone " + (pretrained ? "from the pretrained start" : "from scratch");
    }

    /** @return every search run so far, in seed order */
    List<SkillSearch.Result> searches() {
        return List.copyOf(searches);
    }

    /**
     * Runs one seed's bases, extensions and the task alone.
     *
     * @param seed the seed
     * @return the runs, each for its variant
     */
    List<Run> run(long seed) {
        JobConfig t = config.template();
        TaskDeclaration held = TaskDeclarations.load(t.tasksDir(), skills).find(config.extendTask())
                .orElseThrow(() -> new UserInputException(t.tasksDir(),
                        "no task named '" + config.extendTask() + "' to hold out"));
        String task = held.name();
        List<String> rest = new ArrayList<>();
        for (TaskDeclaration d : TaskDeclarations.load(t.tasksDir(), skills).tasks()) {
            if (!d.name().equals(task) && (t.taskNames().isEmpty() || t.taskNames().contains(d.name()))) {
                rest.add(d.name());
            }
        }
        Path root = config.out().resolve("extension");
        TrainConfig extendTrain = t.train().withSteps(config.extendSteps()).withSeed(seed);
        List<Run> runs = new ArrayList<>();

        Path skillBase = base(root, Mode.SKILL, seed, rest, task, runs);
        ExtensionJob.Config declared = ExtensionJob.Config.builder().setModel(skillBase.resolve("best"))
                .setTaskFile(held.file()).setDataRoot(t.dataRoot()).setOut(dir(root, "skill-extended", seed))
                .setTrain(extendTrain).optFreeze(Freeze.ALL).build();
        runs.add(extend(extended(task), declared, seed));
        runs.add(extend(extended(task) + ", head only", declared.withOut(dir(root, "skill-extended-head", seed))
                .withFreeze(Freeze.HEAD), seed));
        runs.add(extend(extended(task) + ", new skill only", declared.withOut(dir(root, "skill-extended-new", seed))
                .withFreeze(Freeze.NEW).withTaskFile(withNewSkill(held, root)), seed));
        List<String> all = SkillTable.load(skillBase.resolve("best").resolve("skills.json")).names();
        runs.add(extend(allSkills(task), declared.withOut(dir(root, "skill-extended-all", seed)).withSkills(all), seed));
        if (config.extendSearchSteps() > 0) {
            ExtensionJob.Config search = declared.withOut(dir(root, "skill-extended-searched", seed));
            List<SkillSearch.Result> fresh = new ArrayList<>();
            FinishedRun run = FinishedRun.findOrRun(search.out(), searched(task), seed, () -> {
                SkillSearch.Result found = new SkillSearch(search, config.extendSearchSteps(), SEARCH_MAX_SKILLS).run();
                SkillSearch.write(found, search.out());
                fresh.add(found);
                return new ExtensionJob(search.withSkills(found.best().skills())).run();
            });
            searches.add(fresh.isEmpty() ? SkillSearch.read(search.out()) : fresh.get(0));
            runs.add(new Run(searched(task), run.report(), run.seconds(), search.out(), Mode.SKILL));
        }

        Path denseBase = base(root, Mode.DENSE, seed, rest, task, runs);
        runs.add(extend(denseFineTuned(task), declared.withModel(denseBase.resolve("best"))
                .withOut(dir(root, "dense-extended", seed)), seed));

        Path aloneDir = dir(root, "alone", seed);
        String aloneName = alone(task, t.init() != null);
        FinishedRun alone = FinishedRun.findOrRun(aloneDir, aloneName, seed, () -> new TrainingJob(
                t.with(aloneDir, List.of(task), t.init(), new Routing(Mode.DENSE, List.of(), 0, 0), extendTrain)).run());
        runs.add(new Run(aloneName, alone.report(), alone.seconds(), aloneDir, Mode.DENSE));
        return runs;
    }

    /** Trains a base model on every task but the held-out one; its test report is the "before" variant. */
    private Path base(Path root, Mode mode, long seed, List<String> rest, String task, List<Run> runs) {
        JobConfig t = config.template();
        Path dir = dir(root, mode.label() + "-base", seed);
        String variant = mode.label() + " base, before " + task;
        FinishedRun run = FinishedRun.findOrRun(dir, variant, seed, () -> new TrainingJob(t.with(dir, rest, t.init(),
                new Routing(mode, t.routing().skillLayers(), 0, 0), t.train().withSeed(seed))).run());
        runs.add(new Run(variant, run.report(), run.seconds(), dir, mode));
        return dir;
    }

    /** Extends a base, or reads the extension back when it has finished; records its wall time. */
    private static Run extend(String variant, ExtensionJob.Config extension, long seed) {
        FinishedRun run = FinishedRun.findOrRun(extension.out(), variant, seed, () -> new ExtensionJob(extension).run());
        return new Run(variant, run.report(), run.seconds(), extension.out(), Mode.SKILL);
    }

    private static Path dir(Path root, String variant, long seed) {
        return root.resolve(variant).resolve("seed-" + seed);
    }

    /**
     * Writes the held-out task's declaration with one new skill, {@code new_<task>}, beside its
     * declared ones (into {@code root/tasks/}), for the extension that trains only what is new.
     */
    private static Path withNewSkill(TaskDeclaration held, Path root) {
        String skill = "new_" + held.name();
        try {
            JsonObject json = JsonParser.parseString(Files.readString(held.file())).getAsJsonObject();
            JsonArray list = new JsonArray();
            held.skills().forEach(list::add);
            list.add(skill);
            json.add("skills", list);
            JsonObject added = new JsonObject();
            added.addProperty("name", skill);
            added.addProperty("description", "a new skill for " + held.name() + ", added by extension");
            JsonArray news = new JsonArray();
            news.add(added);
            json.add("new_skills", news);
            Path file = root.resolve("tasks").resolve(held.name() + "-new-skill.json");
            Files.createDirectories(file.getParent());
            AtomicFiles.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                    .toJson(json));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a declaration with a new skill for " + held.name(), e);
        }
    }
}
