package dev.skillnet.inference;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import dev.skillnet.data.Source;
import dev.skillnet.data.SpanExample;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.data.TextExample;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.inference.djl.TaskBlock;
import dev.skillnet.inference.djl.TaskTranslator;
import dev.skillnet.inference.evaluate.LogitsEngine;
import dev.skillnet.inference.evaluate.TaskEvaluator;
import dev.skillnet.inference.evaluate.TaskLogits;
import dev.skillnet.inference.json.FieldException;
import dev.skillnet.inference.json.PredictJson;
import dev.skillnet.inference.json.PredictJsons;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.declare.TaskType;
import dev.skillnet.tasks.kinds.ClassPrediction;
import dev.skillnet.tasks.kinds.EntityMention;
import dev.skillnet.tasks.kinds.Featurized;
import dev.skillnet.tasks.kinds.LabelSet;
import dev.skillnet.tasks.kinds.SpanPrediction;
import dev.skillnet.tasks.kinds.TaggingPrediction;
import dev.skillnet.tasks.kinds.TaskKind;
import dev.skillnet.tasks.run.TaskKinds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained model loaded for use: every task it was trained on, by name. Obtain one with {@link
 * SkillNet#load}; close it to free its weights and its native tokenizer.
 *
 * <p><b>Threads.</b> Any number of threads may call it at once. Tokenizing and decoding run in the
 * calling thread; forward passes take turns under one fair lock, because each already uses every
 * core (PyTorch's intra-op threads) and a turn keeps the memory of one batch at a time. A call
 * returns exactly what it would return alone. {@link #close} waits for the forward pass under way.
 *
 * <p><b>Inputs.</b> Texts longer than the task's {@code max_length} are truncated (a warning is
 * logged); reading-comprehension passages are read in windows and never truncated. A task name
 * that the model lacks, or a method that does not fit the task's type, throws an {@link
 * IllegalArgumentException} naming the task.
 */
public final class MultitaskModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MultitaskModel.class);

    private final Path dir;
    private final NDManager manager;
    private final TrainedModel trained;
    private final int batchSize;
    private final ReentrantLock forward = new ReentrantLock(true);
    private final Map<String, Model> djlModels = new ConcurrentHashMap<>();
    private final TaskLogits logits;
    private volatile boolean closed;

    private MultitaskModel(Path dir, NDManager manager, TrainedModel trained, int batchSize, LogitsEngine engine) {
        this.dir = dir;
        this.manager = manager;
        this.trained = trained;
        this.batchSize = batchSize;
        this.logits = engine.open(trained.model(), trained.tokenizer().padId(), manager);
    }

    static MultitaskModel open(Path dir, int batchSize, LogitsEngine engine) {
        NDManager manager = NDManager.newBaseManager();
        TrainedModel trained = null;
        try {
            trained = TrainedModel.load(dir, manager);
            return new MultitaskModel(dir, manager, trained, batchSize, engine);
        } catch (RuntimeException e) {
            if (trained != null) {
                trained.close();
            }
            manager.close();
            throw e;
        }
    }

    /** @return the model's tasks, in declaration order */
    public List<TaskInfo> tasks() {
        return trained.declared().tasks().stream().map(this::info).toList();
    }

    /**
     * @param task a task name
     * @return what the task is
     * @throws IllegalArgumentException when the model has no such task
     */
    public TaskInfo task(String task) {
        return info(declaration(task));
    }

    /**
     * Classifies one text with a single-text task.
     *
     * @param task a single-text classification task, e.g. {@code chnsenticorp}
     * @param text the text
     * @return the label and the probabilities
     */
    public Classification classify(String task, String text) {
        return classifyAll(task, List.of(text)).get(0);
    }

    /**
     * Classifies one text pair with a text-pair task.
     *
     * @param task a text-pair classification task, e.g. {@code afqmc}
     * @param text the first text
     * @param textPair the second text
     * @return the label and the probabilities
     */
    public Classification classify(String task, String text, String textPair) {
        return classifyPairs(task, List.of(new TextPair(text, textPair))).get(0);
    }

    /**
     * Classifies texts with a single-text task, in batches.
     *
     * @param task a single-text classification task
     * @param texts the texts
     * @return one classification per text, in order
     */
    public List<Classification> classifyAll(String task, List<String> texts) {
        return this.<String, TextExample, ClassPrediction, Classification>run(
                declaration(task, TaskType.SINGLE_TEXT_CLASSIFICATION), texts, "texts",
                (String text, Integer i) -> new TextExample(text, null, null, source(i)),
                MultitaskModel::classification);
    }

    /**
     * Classifies text pairs with a text-pair task, in batches.
     *
     * @param task a text-pair classification task
     * @param pairs the pairs
     * @return one classification per pair, in order
     */
    public List<Classification> classifyPairs(String task, List<TextPair> pairs) {
        return this.<TextPair, TextExample, ClassPrediction, Classification>run(
                declaration(task, TaskType.TEXT_PAIR_CLASSIFICATION), pairs, "pairs",
                (TextPair p, Integer i) -> new TextExample(p.text(), p.textPair(), null, source(i)),
                MultitaskModel::classification);
    }

    /**
     * Tags one text with a sequence-labelling task.
     *
     * @param task a sequence-labelling task, e.g. {@code msra_ner}
     * @param text the text
     * @return its entities (Java char offsets into {@code text}) and tags
     */
    public Tagging tag(String task, String text) {
        return tagAll(task, List.of(text)).get(0);
    }

    /**
     * Tags texts with a sequence-labelling task, in batches.
     *
     * @param task a sequence-labelling task
     * @param texts the texts
     * @return one tagging per text, in order
     */
    public List<Tagging> tagAll(String task, List<String> texts) {
        return this.<String, TaggedExample, TaggingPrediction, Tagging>run(
                declaration(task, TaskType.SEQUENCE_LABELING), texts, "texts", MultitaskModel::taggedExample,
                MultitaskModel::tagging);
    }

    /**
     * Answers one question from a passage with a reading-comprehension task.
     *
     * @param task a span-extraction task, e.g. {@code cmrc2018}
     * @param question the question
     * @param context the passage
     * @return the answer span and its probability
     */
    public Answer answer(String task, String question, String context) {
        return answerAll(task, List.of(new Question(question, context))).get(0);
    }

    /**
     * Answers questions with a reading-comprehension task, in batches of passage windows.
     *
     * @param task a span-extraction task
     * @param questions the questions with their passages
     * @return one answer per question, in order
     */
    public List<Answer> answerAll(String task, List<Question> questions) {
        return this.<Question, SpanExample, SpanPrediction, Answer>run(
                declaration(task, TaskType.SPAN_EXTRACTION), questions, "questions", MultitaskModel::spanExample,
                MultitaskModel::answer);
    }

    /** Frees the weights and the native tokenizer, after the forward pass under way; idempotent. */
    @Override
    public void close() {
        forward.lock();
        try {
            if (!closed) {
                closed = true;
                djlModels.values().forEach(Model::close);
                logits.close();
                trained.close();
                manager.close();
            }
        } finally {
            forward.unlock();
        }
    }

    /**
     * A DJL predictor of a single-text classification task (see {@link dev.skillnet.inference.djl}).
     * Like every DJL predictor it is for one thread at a time; close it when done.
     *
     * @param task a single-text classification task
     * @return the predictor
     */
    public Predictor<String, Classification> newClassifier(String task) {
        return this.<String, TextExample, ClassPrediction, Classification>newPredictor(
                declaration(task, TaskType.SINGLE_TEXT_CLASSIFICATION),
                (String text) -> new TextExample(text, null, null, source(0)),
                MultitaskModel::classification);
    }

    /**
     * @param task a text-pair classification task
     * @return a DJL predictor of it (one thread at a time; close it when done)
     */
    public Predictor<TextPair, Classification> newPairClassifier(String task) {
        return this.<TextPair, TextExample, ClassPrediction, Classification>newPredictor(
                declaration(task, TaskType.TEXT_PAIR_CLASSIFICATION),
                (TextPair p) -> new TextExample(p.text(), p.textPair(), null, source(0)), MultitaskModel::classification);
    }

    /**
     * @param task a sequence-labelling task
     * @return a DJL predictor of it (one thread at a time; close it when done)
     */
    public Predictor<String, Tagging> newTagger(String task) {
        return this.<String, TaggedExample, TaggingPrediction, Tagging>newPredictor(
                declaration(task, TaskType.SEQUENCE_LABELING), (String text) -> taggedExample(text, 0),
                MultitaskModel::tagging);
    }

    /**
     * @param task a span-extraction task
     * @return a DJL predictor of it (one thread at a time; close it when done)
     */
    public Predictor<Question, Answer> newReader(String task) {
        return this.<Question, SpanExample, SpanPrediction, Answer>newPredictor(
                declaration(task, TaskType.SPAN_EXTRACTION), (Question q) -> spanExample(q, 0),
                MultitaskModel::answer);
    }

    private <I, E, P, O> Predictor<I, O> newPredictor(TaskDeclaration d, Function<I, E> toExample,
            Function<P, O> toResult) {
        Model model = djlModels.computeIfAbsent(d.name(), name -> {
            Model m = Model.newInstance(name, "PyTorch");
            m.setBlock(new TaskBlock(trained.model(), d));
            return m;
        });
        TaskKind<E, P> kind = kind(d);
        return model.newPredictor(new TaskTranslator<>(kind, d, trained.labels().get(d.name()), trained.tokenizer(),
                toExample, toResult));
    }

    /**
     * Predicts inputs given as the JSON of {@code skillnet predict} (one object per input: {@code
     * text}, {@code text_pair}, or {@code question} and {@code context}, as the task's type reads),
     * answering what {@code skillnet predict} prints, in order. The HTTP server's path.
     *
     * @param task a task of the model, of any type
     * @param inputs the input objects
     * @return one object per input
     * @throws FieldException naming the input and the field that is missing or not a string
     * @throws IllegalArgumentException when the model has no such task
     */
    public List<JsonObject> predictJson(String task, List<JsonObject> inputs) {
        TaskDeclaration d = declaration(task);
        return predictJson(d, MultitaskModel.<Object, Object>kind(d), PredictJsons.of(d.type()), inputs);
    }

    @SuppressWarnings("unchecked") // TaskKinds.of and PredictJsons.of agree type by type
    private <E, P> List<JsonObject> predictJson(TaskDeclaration d, TaskKind<E, P> kind, PredictJson<?, ?> codec,
            List<JsonObject> inputs) {
        PredictJson<E, P> json = (PredictJson<E, P>) codec;
        List<E> examples = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            try {
                examples.add(json.fromInput(nonNull(inputs.get(i), "inputs", i), source(i)));
            } catch (FieldException e) {
                throw e.at(i);
            }
        }
        List<P> predictions = predict(d, kind, examples);
        List<JsonObject> out = new ArrayList<>(predictions.size());
        for (int i = 0; i < predictions.size(); i++) {
            out.add(json.toJson(examples.get(i), predictions.get(i)));
        }
        return out;
    }

    /**
     * The batched methods' one path: each input (none may be null; {@code list} names them in the
     * message) becomes the kind's example, the examples are predicted, each prediction a result.
     */
    private <I, E, P, O> List<O> run(TaskDeclaration d, List<I> inputs, String list,
            BiFunction<I, Integer, E> toExample, Function<P, O> toResult) {
        List<E> examples = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            examples.add(toExample.apply(nonNull(inputs.get(i), list, i), i));
        }
        List<P> predictions = predict(d, MultitaskModel.<E, P>kind(d), examples);
        return predictions.stream().map(toResult).toList();
    }

    private static Classification classification(ClassPrediction p) {
        return new Classification(p.label(), p.probabilities().get(p.label()), p.probabilities());
    }

    private static Tagging tagging(TaggingPrediction p) {
        List<Entity> entities = new ArrayList<>(p.entities().size());
        for (EntityMention m : p.entities()) {
            entities.add(new Entity(m.text(), m.type(), m.start(), m.end()));
        }
        return new Tagging(entities, p.tags());
    }

    private static Answer answer(SpanPrediction p) {
        return new Answer(p.text(), p.start(), p.end(), p.probability());
    }

    private static TaggedExample taggedExample(String text, int index) {
        List<String> chars = text.codePoints().mapToObj(Character::toString).toList();
        return new TaggedExample(chars, Collections.nCopies(chars.size(), "O"), source(index));
    }

    private static SpanExample spanExample(Question q, int index) {
        return new SpanExample("input-" + index, "", q.context(), q.question(), List.of(), source(index));
    }

    private <E, P> List<P> predict(TaskDeclaration d, TaskKind<E, P> kind, List<E> examples) {
        if (examples.isEmpty()) {
            return List.of();
        }
        checkOpen();
        LabelSet labels = trained.labels().get(d.name());
        Featurized f = kind.featurizer().featurize(examples, trained.tokenizer(), d, labels);
        if (f.truncated() > 0) {
            LOG.warn("{}: {} of {} inputs were longer than max_length {} and were truncated", d.name(), f.truncated(),
                    examples.size(), d.maxLength());
        }
        forward.lock();
        try {
            checkOpen();
            return TaskEvaluator.predict(kind, d, labels, examples, f.features(), logits, batchSize);
        } finally {
            forward.unlock();
        }
    }

    @SuppressWarnings("unchecked")
    private static <E, P> TaskKind<E, P> kind(TaskDeclaration d) {
        return (TaskKind<E, P>) TaskKinds.of(d.type());
    }

    private TaskDeclaration declaration(String task) {
        checkOpen();
        if (task == null) {
            throw new IllegalArgumentException("task must not be null; the model has " + trained.declared().names());
        }
        return trained.declared().find(task).orElseThrow(() -> new IllegalArgumentException(
                "unknown task '" + task + "'; the model in " + dir + " has " + trained.declared().names()));
    }

    private TaskDeclaration declaration(String task, TaskType type) {
        TaskDeclaration d = declaration(task);
        if (d.type() != type) {
            throw new IllegalArgumentException("task '" + task + "' is " + d.type().jsonName() + ", not "
                    + type.jsonName() + "; for it use " + useFor(d.type()));
        }
        return d;
    }

    private static String useFor(TaskType type) {
        return switch (type) {
            case SINGLE_TEXT_CLASSIFICATION -> "classify(task, text) or classifyAll";
            case TEXT_PAIR_CLASSIFICATION -> "classify(task, text, textPair) or classifyPairs";
            case SEQUENCE_LABELING -> "tag or tagAll";
            case SPAN_EXTRACTION -> "answer or answerAll";
        };
    }

    private TaskInfo info(TaskDeclaration d) {
        return new TaskInfo(d.name(), d.type().jsonName(), d.skills(), trained.labels().get(d.name()).labels(),
                d.maxLength());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the model from " + dir + " is closed");
        }
    }

    private static <T> T nonNull(T value, String list, int index) {
        if (value == null) {
            throw new IllegalArgumentException(list + "[" + index + "] is null");
        }
        return value;
    }

    private static Source source(int index) {
        return new Source(Path.of("input"), index + 1L);
    }
}
