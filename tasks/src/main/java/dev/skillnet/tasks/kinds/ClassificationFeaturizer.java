package dev.skillnet.tasks.kinds;

import dev.skillnet.core.UserInputException;
import dev.skillnet.data.TextExample;
import dev.skillnet.data.read.DatasetReader;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Single-text and text-pair classification: {@code [CLS] text [SEP] (pair [SEP])}, the label's index as target. */
public final class ClassificationFeaturizer implements Featurizer<TextExample> {

    private final boolean pair;

    /** @param pair whether examples hold two texts */
    public ClassificationFeaturizer(boolean pair) {
        this.pair = pair;
    }

    @Override
    public List<TextExample> read(DatasetReader reader, String split) {
        return reader.readText(split);
    }

    @Override
    public List<String> labelsIn(List<TextExample> examples) {
        TreeSet<String> labels = new TreeSet<>();
        examples.forEach(e -> labels.add(e.label()));
        return new ArrayList<>(labels);
    }

    /** @return the declared labels, in order */
    @Override
    public LabelSet outputLabels(TaskDeclaration declaration, List<String> declaredLabels) {
        return new LabelSet(declaredLabels);
    }

    /** One feature per example; its target is the label's index, -1 when it has no label. */
    @Override
    public Featurized featurize(List<TextExample> examples, BertTokenizer tokenizer, TaskDeclaration declaration,
            LabelSet labels) {
        List<Feature> features = new ArrayList<>(examples.size());
        int truncated = 0;
        for (int i = 0; i < examples.size(); i++) {
            TextExample e = examples.get(i);
            int label = -1;
            if (e.label() != null) {
                label = labels.indexOf(e.label());
                if (label < 0) {
                    throw new UserInputException(e.source().file(), e.source().line(), "label '" + e.label()
                            + "' is not in task " + declaration.name() + "'s labels " + labels.labels());
                }
            }
            Encoded enc = tokenizer.encode(e.text(), pair ? e.textPair() : null, declaration.maxLength());
            truncated += enc.truncated() ? 1 : 0;
            features.add(new Feature(enc, new int[] {label}, i));
        }
        return new Featurized(features, truncated, 0);
    }
}
