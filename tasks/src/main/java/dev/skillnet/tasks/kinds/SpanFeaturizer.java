package dev.skillnet.tasks.kinds;

import dev.skillnet.data.Answer;
import dev.skillnet.data.SpanExample;
import dev.skillnet.data.read.DatasetReader;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Span-extraction reading comprehension (SQuAD format, CMRC 2018): {@code [CLS] question [SEP]
 * window [SEP]} over overlapping windows of the passage, one feature per window. Training targets
 * point at [CLS] (0, 0) in windows that do not hold the whole first located answer.
 */
public final class SpanFeaturizer implements Featurizer<SpanExample> {

    @Override
    public List<SpanExample> read(DatasetReader reader, String split) {
        return reader.readSpans(split);
    }

    /** @return an empty list: span extraction has no labels */
    @Override
    public List<String> labelsIn(List<SpanExample> examples) {
        return List.of();
    }

    /** @return the empty label set: the head outputs start and end logits, no labels */
    @Override
    public LabelSet outputLabels(TaskDeclaration declaration, List<String> declaredLabels) {
        return new LabelSet(List.of());
    }

    /**
     * One feature per window ({@code encodeWindows(question, context, max_length, doc_stride)});
     * targets are the {@code [start, end]} token positions of the first located answer when the
     * window's context holds all of it, else {@code [0, 0]}. An example counts as truncated when
     * its question is cut (a long passage is not truncated: its windows cover all of it).
     */
    @Override
    public Featurized featurize(List<SpanExample> examples, BertTokenizer tokenizer,
            TaskDeclaration declaration, LabelSet labels) {
        List<Feature> features = new ArrayList<>();
        int truncated = 0;
        for (int i = 0; i < examples.size(); i++) {
            SpanExample e = examples.get(i);
            List<Encoded> windows = tokenizer.encodeWindows(e.question(), e.context(),
                    declaration.maxLength(), declaration.docStride());
            if (windows.get(0).truncated()) {
                truncated++;
            }
            Optional<Answer> answer = e.answers().stream().filter(Answer::located).findFirst();
            for (Encoded w : windows) {
                int[] targets = answer.map(a -> SpanTargets.locate(w, a.start(), a.end()))
                        .orElse(new int[] {0, 0});
                features.add(new Feature(w, targets, i));
            }
        }
        return new Featurized(features, truncated, 0);
    }
}
