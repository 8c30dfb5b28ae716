package dev.skillnet.train;

import ai.djl.ndarray.NDManager;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.VocabBuilder;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import dev.skillnet.model.checkpoint.SafetensorsFile;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.model.heads.HeadSpec;
import dev.skillnet.model.nn.ParameterInit;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.run.ExampleTexts;
import dev.skillnet.tasks.run.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the tokenizer and the model a training run starts from: from scratch or from a pretrained BERT. */
public final class ModelFactory {

    private ModelFactory() {}

    /**
     * Builds a character vocabulary from the tasks' training texts and loads it as a tokenizer.
     *
     * @param tasks the tasks
     * @param minCount the fewest occurrences a character needs
     * @param dir where to write {@code vocab.txt}
     * @return the tokenizer
     */
    public static BertTokenizer scratchTokenizer(List<Task<?, ?>> tasks, int minCount, Path dir) {
        VocabBuilder builder = new VocabBuilder();
        for (Task<?, ?> t : tasks) {
            for (Object e : t.examples("train")) {
                ExampleTexts.of(e).forEach(builder::add);
            }
        }
        try {
            VocabBuilder.write(builder.build(minCount, 30_000), dir.resolve("vocab.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir, e);
        }
        return BertTokenizer.fromDirectory(dir);
    }

    /**
     * @param tasks the tasks
     * @return one head per task, sized by its labels
     */
    public static List<HeadSpec> heads(List<Task<?, ?>> tasks) {
        List<HeadSpec> heads = new ArrayList<>();
        for (Task<?, ?> t : tasks) {
            heads.add(head(t));
        }
        return heads;
    }

    /**
     * @param task a task
     * @return its head: its kind, sized by its labels (2 for a span head), with its declared pooling
     */
    public static HeadSpec head(Task<?, ?> task) {
        HeadKind kind = task.kind().headKind();
        return new HeadSpec(task.name(), kind, kind == HeadKind.SPAN ? 2 : task.labels().size(),
                task.declaration().pooling());
    }

    /**
     * A randomly initialised model with every declared skill in the skill layers.
     *
     * @param skills the skill table
     * @param skillLayers the layers that hold skills, or empty for all
     * @param tasks the tasks (one head each)
     * @param size the encoder size
     * @param vocabSize the tokenizer's vocabulary size
     * @param seed the initialisation seed
     * @param manager owns the weights
     * @return the model
     */
    public static SkillNetModel fromScratch(SkillTable skills, List<Integer> skillLayers, List<Task<?, ?>> tasks,
            ModelSize size, int vocabSize, long seed, NDManager manager) {
        return fromScratch(skills, Routing.skills(skillLayers), tasks, size, vocabSize, seed, manager);
    }

    /**
     * A randomly initialised model with the given routing.
     *
     * @param skills the skill table
     * @param routing the mode and its layers
     * @param tasks the tasks (one head each)
     * @param size the encoder size
     * @param vocabSize the tokenizer's vocabulary size
     * @param seed the initialisation seed
     * @param manager owns the weights
     * @return the model
     */
    public static SkillNetModel fromScratch(SkillTable skills, Routing routing, List<Task<?, ?>> tasks,
            ModelSize size, int vocabSize, long seed, NDManager manager) {
        return fromScratch(skills, routing, tasks, size, vocabSize, seed, null, manager);
    }

    /**
     * A randomly initialised model with the given routing and dropout.
     *
     * @param skills the skill table
     * @param routing the mode and its layers
     * @param tasks the tasks (one head each)
     * @param size the encoder size
     * @param vocabSize the tokenizer's vocabulary size
     * @param seed the initialisation seed
     * @param dropout the dropout probability, or null for the size's own (0.1)
     * @param manager owns the weights
     * @return the model
     */
    public static SkillNetModel fromScratch(SkillTable skills, Routing routing, List<Task<?, ?>> tasks,
            ModelSize size, int vocabSize, long seed, Double dropout, NDManager manager) {
        int maxLength = tasks.stream().mapToInt(t -> t.declaration().maxLength()).max().orElse(128);
        // BERT's 512 positions, so that a task added later may use longer inputs than these.
        BertConfig sized = size.config(vocabSize, Math.max(maxLength, 512));
        BertConfig config = dropout == null ? sized : sized.withDropout(dropout);
        BertModel bert = new BertModel(config, routing.layout(skills, config.numHiddenLayers()));
        SkillNetModel model = new SkillNetModel(bert, heads(tasks));
        ParameterInit.initialize(model, manager, config.initializerRange(), seed);
        return model;
    }

    /**
     * A pretrained BERT whose every skill starts as its feed-forward sub-layer, with new heads.
     *
     * @param dir the pretrained directory
     * @param skills the skill table
     * @param skillLayers the layers that hold skills, or empty for all
     * @param tasks the tasks (one head each)
     * @param seed the heads' initialisation seed
     * @param manager owns the weights
     * @return the model
     */
    public static SkillNetModel fromPretrained(Path dir, SkillTable skills, List<Integer> skillLayers,
            List<Task<?, ?>> tasks, long seed, NDManager manager) {
        return fromPretrained(dir, skills, Routing.skills(skillLayers), tasks, seed, manager);
    }

    /**
     * A pretrained BERT with the given routing: skills and experts absent from the checkpoint start
     * as its plain feed-forward sub-layer; the heads are new.
     *
     * @param dir the pretrained directory
     * @param skills the skill table
     * @param routing the mode and its layers
     * @param tasks the tasks (one head each)
     * @param seed the heads' (and a mixture's gates') initialisation seed
     * @param manager owns the weights
     * @return the model
     */
    public static SkillNetModel fromPretrained(Path dir, SkillTable skills, Routing routing,
            List<Task<?, ?>> tasks, long seed, NDManager manager) {
        return fromPretrained(dir, skills, routing, tasks, seed, null, manager);
    }

    /**
     * A pretrained BERT with the given routing and dropout (see the overload without it).
     *
     * @param dir the pretrained directory
     * @param skills the skill table
     * @param routing the mode and its layers
     * @param tasks the tasks (one head each)
     * @param seed the heads' (and a mixture's gates') initialisation seed
     * @param dropout the dropout probability, or null for the checkpoint's own
     * @param manager owns the weights
     * @return the model
     */
    public static SkillNetModel fromPretrained(Path dir, SkillTable skills, Routing routing,
            List<Task<?, ?>> tasks, long seed, Double dropout, NDManager manager) {
        BertCheckpoint.requireModelDirectory(dir);
        BertConfig read = BertConfig.read(dir.resolve(BertCheckpoint.CONFIG));
        BertConfig config = dropout == null ? read : read.withDropout(dropout);
        BertModel bert = new BertModel(config, routing.layout(skills, config.numHiddenLayers()));
        if (bert.layout().experts() > 0) {
            ParameterInit.initialize(bert, manager, config.initializerRange(), seed); // the gates are new
        }
        BertCheckpoint.loadInto(bert, SafetensorsFile.open(dir.resolve(BertCheckpoint.WEIGHTS)), manager);
        SkillNetModel model = new SkillNetModel(bert, heads(tasks));
        for (HeadSpec h : model.headSpecs()) {
            ParameterInit.initialize(model.head(h.task()), manager, bert.config().initializerRange(),
                    seed ^ h.task().hashCode());
        }
        return model;
    }
}
