package dev.skillnet.train.extend;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import dev.skillnet.eval.report.Report;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.inference.evaluate.EvaluateAll;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.bert.SkillParameters;
import dev.skillnet.model.bert.SkillSet;
import dev.skillnet.model.heads.HeadSpec;
import dev.skillnet.model.nn.ParameterInit;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.Declared;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.declare.TaskDeclarations;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.JointTrainer;
import dev.skillnet.train.LabelPrior;
import dev.skillnet.train.ModelFactory;
import dev.skillnet.train.Throughput;
import dev.skillnet.train.TrainConfig;
import dev.skillnet.train.TrainingJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds a newly declared task to a trained model: a new head, and, when the declaration brings
 * {@code new_skills}, a new feed-forward per skill layer for each, starting as a copy of the
 * {@code general} skill (or of the first old skill the task uses). Trains the new task alone with
 * what {@link Freeze} allows, keeps the best checkpoint by the new task's dev score in
 * {@code OUT/best} (with every old task's declaration and labels), then evaluates the new task
 * and every old task on test, so forgetting shows.
 */
public final class ExtensionJob {

    /**
     * @param model the trained model folder
     * @param taskFile the new task's declaration
     * @param dataRoot the data root (the new task's and the old tasks' data)
     * @param out the folder to write
     * @param freeze what to train
     * @param train the optimisation settings
     */
    public record Config(Path model, Path taskFile, Path dataRoot, Path out, Freeze freeze, TrainConfig train,
            List<String> skills) {

        /** Copies the skill list. */
        public Config {
            skills = List.copyOf(skills);
        }

        /**
         * An extension that routes the new task through the skills its declaration lists.
         *
         * @param model the trained model folder
         * @param taskFile the new task's declaration
         * @param dataRoot the data root
         * @param out the folder to write
         * @param freeze what to train
         * @param train the optimisation settings
         */
        public Config(Path model, Path taskFile, Path dataRoot, Path out, Freeze freeze, TrainConfig train) {
            this(model, taskFile, dataRoot, out, freeze, train, List.of());
        }

        /**
         * @param otherSkills the skills the new task runs through instead of its declared ones
         * @return this extension with them
         */
        public Config withSkills(List<String> otherSkills) {
            return new Config(model, taskFile, dataRoot, out, freeze, train, otherSkills);
        }

        /**
         * @param otherModel another trained model folder
         * @return this extension of that model
         */
        public Config withModel(Path otherModel) {
            return new Config(otherModel, taskFile, dataRoot, out, freeze, train, skills);
        }

        /**
         * @param otherTaskFile another declaration of the new task
         * @return this extension with it
         */
        public Config withTaskFile(Path otherTaskFile) {
            return new Config(model, otherTaskFile, dataRoot, out, freeze, train, skills);
        }

        /**
         * @param otherOut another folder to write
         * @return this extension writing there
         */
        public Config withOut(Path otherOut) {
            return new Config(model, taskFile, dataRoot, otherOut, freeze, train, skills);
        }

        /**
         * @param otherFreeze what else to train
         * @return this extension training that
         */
        public Config withFreeze(Freeze otherFreeze) {
            return new Config(model, taskFile, dataRoot, out, otherFreeze, train, skills);
        }

        /**
         * @param otherTrain other optimisation settings
         * @return this extension with them
         */
        public Config withTrain(TrainConfig otherTrain) {
            return new Config(model, taskFile, dataRoot, out, freeze, otherTrain, skills);
        }

        /** @return a builder: what to train defaults to {@link Freeze#ALL} */
        public static Builder builder() {
            return new Builder();
        }

        /**
         * Builds a {@link Config}. Required: {@code setModel}, {@code setTaskFile}, {@code
         * setDataRoot}, {@code setOut}, {@code setTrain}; optional: {@code optFreeze} ({@link
         * Freeze#ALL}: everything the new task runs).
         */
        public static final class Builder {

            private Path model;
            private Path taskFile;
            private Path dataRoot;
            private Path out;
            private TrainConfig train;
            private Freeze freeze = Freeze.ALL;
            private List<String> skills = List.of();

            private Builder() {}

            /** @param v the trained model folder @return this builder */
            public Builder setModel(Path v) {
                model = v;
                return this;
            }

            /** @param v the new task's declaration file @return this builder */
            public Builder setTaskFile(Path v) {
                taskFile = v;
                return this;
            }

            /** @param v the data root (the new task's and the old tasks' data) @return this builder */
            public Builder setDataRoot(Path v) {
                dataRoot = v;
                return this;
            }

            /** @param v the folder to write @return this builder */
            public Builder setOut(Path v) {
                out = v;
                return this;
            }

            /** @param v the optimisation settings @return this builder */
            public Builder setTrain(TrainConfig v) {
                train = v;
                return this;
            }

            /** @param v what to train @return this builder */
            public Builder optFreeze(Freeze v) {
                freeze = v;
                return this;
            }

            /**
             * @param v the skills the new task runs through instead of its declared ones (empty:
             *     as declared)
             * @return this builder
             */
            public Builder optSkills(List<String> v) {
                skills = v;
                return this;
            }

            /**
             * @return the extension
             * @throws NullPointerException naming a required value that was not set
             */
            public Config build() {
                return new Config(Objects.requireNonNull(model, "model"), Objects.requireNonNull(taskFile, "taskFile"),
                        Objects.requireNonNull(dataRoot, "dataRoot"), Objects.requireNonNull(out, "out"),
                        Objects.requireNonNull(freeze, "freeze"), Objects.requireNonNull(train, "train"),
                        Objects.requireNonNull(skills, "skills"));
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ExtensionJob.class);

    private final Config config;

    /** @param config the extension */
    public ExtensionJob(Config config) {
        this.config = config;
    }

    /**
     * The old model grown by the new task, ready to train.
     *
     * @param old the trained model
     * @param task the new task (routed through the skills it runs)
     * @param everything the old tasks and the new one, as the extended model saves them
     * @param saved the old model's skill table
     * @param model the grown model
     * @param trainable what the new task's steps may update
     */
    private record Extension(TrainedModel old, Task<?, ?> task, List<Task<?, ?>> everything, SkillTable saved,
            SkillNetModel model, Predicate<String> trainable) {}

    /** @return the test report over the new task and every old one */
    public Report run() {
        try (NDManager manager = NDManager.newBaseManager();
                TrainedModel old = TrainedModel.load(config.model(), manager)) {
            Extension ext = prepare(old, manager);
            Path best = config.out().resolve("best");
            JointTrainer.Result result = new JointTrainer(ext.model(), List.of(ext.task()), old.tokenizer(),
                    config.train(), manager, ext.trainable()).train((step, dev, avg) -> {
                        JsonObject training = new JsonObject();
                        training.addProperty("step", step);
                        training.addProperty("extended_from", config.model().toAbsolutePath().toString());
                        training.addProperty("train", config.freeze().name().toLowerCase(Locale.ROOT));
                        training.add("dev", new Gson().toJsonTree(dev));
                        TrainedModel.save(best, ext.everything(), ext.saved(), ext.model(), old.tokenizer(), training);
                    });
            long testStart = System.nanoTime();
            try (NDManager evalManager = manager.newSubManager();
                    TrainedModel trained = TrainedModel.load(best, evalManager)) {
                Report report = EvaluateAll.run(trained.tasks(config.dataRoot(), List.of()), "test", trained.model(),
                        trained.tokenizer(), evalManager, config.train().evalBatchSize());
                TrainingJob.writeReport(report, config.out());
                Throughput.of(result, report, (System.nanoTime() - testStart) / 1e9).write(config.out());
                return report;
            }
        }
    }

    /**
     * Trains the extension as {@link #run} does and writes nothing: a trial of the skill-set search.
     *
     * @return the new task's best dev main score over the run's evaluations, in percent
     */
    public double devScore() {
        try (NDManager manager = NDManager.newBaseManager();
                TrainedModel old = TrainedModel.load(config.model(), manager)) {
            Extension ext = prepare(old, manager);
            return new JointTrainer(ext.model(), List.of(ext.task()), old.tokenizer(), config.train(), manager,
                    ext.trainable()).train((step, dev, avg) -> {}).bestDevAverage();
        }
    }

    /** Checks the request against the old model and grows the model by the new task. */
    private Extension prepare(TrainedModel old, NDManager manager) {
        Declared added = TaskDeclarations.loadFiles(List.of(config.taskFile()), old.declared().skills());
        TaskDeclaration decl = added.tasks().get(0);
        if (old.declared().find(decl.name()).isPresent()) {
            throw new UserInputException(config.taskFile(), "the model already has a task named '" + decl.name()
                    + "'; extension adds a new one");
        }
        SkillTable table = added.skills();
        if (!config.skills().isEmpty()) {
            for (String s : config.skills()) {
                if (!table.names().contains(s)) {
                    throw new UserInputException(config.taskFile(), "skill '" + s + "' is not one of the model's "
                            + "skills " + table.names());
                }
            }
            decl = decl.withSkills(config.skills());
        }
        SkillTable saved = SkillTable.load(config.model().resolve("skills.json")); // new_skills extend it on load
        int positions = old.model().bert().config().maxPositionEmbeddings();
        if (decl.maxLength() > positions) {
            throw new UserInputException(config.taskFile(), "max_length " + decl.maxLength() + " exceeds the "
                    + "model's max_position_embeddings " + positions + "; lower max_length to at most " + positions);
        }
        List<String> newSkills = new ArrayList<>(table.names());
        newSkills.removeAll(old.declared().skills().names());
        SkillLayout layout = old.model().bert().layout();
        if (!config.skills().isEmpty() && layout.skills().isEmpty()) {
            throw new UserInputException(config.model(), "routing the new task through chosen skills needs a model "
                    + "with skill layers; this one has none (mode " + (layout.experts() > 0 ? "moe" : "dense") + ")");
        }
        if (!newSkills.isEmpty() && layout.skills().isEmpty()) {
            throw new UserInputException(config.taskFile(), "new skills " + newSkills + " need a model with skill "
                    + "layers; this one has none (mode " + (layout.experts() > 0 ? "moe" : "dense") + ")");
        }
        if (config.freeze() == Freeze.NEW && newSkills.isEmpty()) {
            throw new UserInputException(config.taskFile(), "training only new skills needs new skills, and this "
                    + "declaration adds none (declare one under \"new_skills\")");
        }
        Task<?, ?> task = Task.open(decl, config.dataRoot());
        List<Task<?, ?>> everything = new ArrayList<>(old.tasks(config.dataRoot(), List.of()));
        everything.add(task);
        SkillNetModel model = grow(old.model(), table, newSkills, task, decl, config.train().seed(), manager);
        if (config.train().labelPrior()) {
            LabelPrior.apply(model, List.of(task), old.tokenizer());
        }
        Predicate<String> trainable = trainable(decl.name(), newSkills, SkillParameters.of(model));
        LOG.info("extending {} with {} (skills {}; new skills {}; training {})", config.model(), decl.name(),
                decl.skills(), newSkills, config.freeze().name().toLowerCase(Locale.ROOT));
        return new Extension(old, task, everything, saved, model, trainable);
    }

    private Predicate<String> trainable(String task, List<String> newSkills, Map<String, String> skillOf) {
        String head = "heads." + task + ".";
        return switch (config.freeze()) {
            case ALL -> name -> true;
            case HEAD -> name -> name.startsWith(head);
            case NEW -> name -> name.startsWith(head)
                    || newSkills.contains(skillOf.get(name));
        };
    }

    /** The old model with the new task's head and any new skills, old weights copied. */
    private static SkillNetModel grow(SkillNetModel old, SkillTable table, List<String> newSkills, Task<?, ?> task,
            TaskDeclaration decl, long seed, NDManager manager) {
        HeadSpec spec = ModelFactory.head(task);
        double range = old.bert().config().initializerRange();
        if (newSkills.isEmpty()) {
            old.addHead(spec);
            ParameterInit.initialize(old.head(decl.name()), manager, range, seed ^ decl.name().hashCode());
            return old;
        }
        SkillLayout layout = old.bert().layout();
        BertModel bert = new BertModel(old.bert().config(), new SkillLayout(table.names(), layout.skillLayers()));
        List<HeadSpec> heads = new ArrayList<>(old.headSpecs());
        heads.add(spec);
        SkillNetModel grown = new SkillNetModel(bert, heads);
        ParameterInit.initialize(grown, manager, range, seed ^ decl.name().hashCode());
        Map<String, Parameter> from = old.namedParameters();
        for (var e : grown.namedParameters().entrySet()) { // everything the old model has, under the same name
            if (from.containsKey(e.getKey())) {
                ParameterInit.attach(e.getValue(), from.get(e.getKey()).getArray().duplicate());
            }
        }
        String source = layout.skills().contains("general") ? "general"
                : decl.skills().stream().filter(layout.skills()::contains).findFirst().orElse(layout.skills().get(0));
        Map<String, SkillSet> oldSets = SkillParameters.sets(old);
        SkillParameters.sets(grown).forEach((prefix, set) -> { // each new skill: a copy of the source skill there
            Map<String, Parameter> copyOf = oldSets.get(prefix).skill(source).namedParameters();
            for (String s : newSkills) {
                set.skill(s).namedParameters().forEach((name, p) ->
                        ParameterInit.attach(p, copyOf.get(name).getArray().duplicate()));
            }
        });
        return grown;
    }
}
