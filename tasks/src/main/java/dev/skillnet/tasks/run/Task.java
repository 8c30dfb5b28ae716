package dev.skillnet.tasks.run;

import dev.skillnet.data.DataSpec;
import dev.skillnet.data.read.DatasetReader;
import dev.skillnet.data.read.ReadSummary;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.kinds.Featurized;
import dev.skillnet.tasks.kinds.LabelSet;
import dev.skillnet.tasks.kinds.TaskKind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A declared task made ready to run: its kind, its head's labels, and its data, read and
 * featurized once per split on first use.
 *
 * @param <E> the example type
 * @param <P> the prediction type
 */
public final class Task<E, P> {

    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final TaskDeclaration declaration;
    private final TaskKind<E, P> kind;
    private final DatasetReader reader;
    private final LabelSet labels;
    private final Map<String, List<E>> examples = new HashMap<>();
    private final Map<String, Featurized> features = new HashMap<>();

    Task(TaskDeclaration declaration, TaskKind<E, P> kind, DatasetReader reader, LabelSet labels) {
        this.declaration = declaration;
        this.kind = kind;
        this.reader = reader;
        this.labels = labels;
    }

    /**
     * Opens a task over a data root, resolving its labels from the declaration (and, for {@code
     * {"from": split}} or {@code {"file": ...}} labels, from the data).
     *
     * @param declaration the task
     * @param dataRoot the folder holding the task's data folder
     * @return the task
     */
    public static Task<?, ?> open(TaskDeclaration declaration, Path dataRoot) {
        return open(declaration, dataRoot, null);
    }

    /**
     * Opens a task whose head labels are already known (from a checkpoint).
     *
     * @param declaration the task
     * @param dataRoot the data root (data is read only when a split is asked for)
     * @param headLabels the head's labels, or {@code null} to resolve them from the declaration
     * @return the task
     */
    public static Task<?, ?> open(TaskDeclaration declaration, Path dataRoot, LabelSet headLabels) {
        return create(declaration, TaskKinds.of(declaration.type()), dataRoot, headLabels);
    }

    private static <E, P> Task<E, P> create(TaskDeclaration declaration, TaskKind<E, P> kind, Path dataRoot,
            LabelSet headLabels) {
        DatasetReader reader = new DatasetReader(DataSpec.parse(declaration.data(), declaration.file()), dataRoot);
        if (headLabels != null) {
            return new Task<>(declaration, kind, reader, headLabels);
        }
        List<String> declared = Labels.resolve(declaration, reader, split -> kind.featurizer().labelsIn(kind.featurizer().read(reader, split)));
        return new Task<>(declaration, kind, reader, kind.featurizer().outputLabels(declaration, declared));
    }

    /** @return the task's name */
    public String name() {
        return declaration.name();
    }

    /** @return the declaration */
    public TaskDeclaration declaration() {
        return declaration;
    }

    /** @return the task type's behaviour */
    public TaskKind<E, P> kind() {
        return kind;
    }

    /** @return the head's labels */
    public LabelSet labels() {
        return labels;
    }

    /**
     * @return what was read of each split so far (its files and examples), in reading order
     */
    public Map<String, ReadSummary> readSummaries() {
        return reader.summaries();
    }

    /** @return the declared split names */
    public java.util.Set<String> splits() {
        return reader.splits();
    }

    /**
     * @param split a split name
     * @return its examples (read once)
     */
    public synchronized List<E> examples(String split) {
        return examples.computeIfAbsent(split, s -> kind.featurizer().read(reader, s));
    }

    /**
     * @param split a split name
     * @param tokenizer the model's tokenizer
     * @return its features (built once), with truncations and repairs counted in the log
     */
    public synchronized Featurized features(String split, BertTokenizer tokenizer) {
        return features.computeIfAbsent(split, s -> {
            Featurized f = kind.featurizer().featurize(examples(s), tokenizer, declaration, labels);
            if (f.truncated() > 0) {
                LOG.warn("{} {}: {} of {} examples were longer than max_length {} and were truncated", name(), s,
                        f.truncated(), examples(s).size(), declaration.maxLength());
            }
            if (f.repaired() > 0) {
                LOG.warn("{} {}: {} stray I- tags repaired to B- (as seqeval reads them)", name(), s, f.repaired());
            }
            return f;
        });
    }
}
