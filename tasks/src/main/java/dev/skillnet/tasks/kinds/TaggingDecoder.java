package dev.skillnet.tasks.kinds;

import dev.skillnet.core.TagScheme;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.eval.metrics.SeqevalMetric;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequence labelling: the argmax tag on each character's first token, entities read off the tags
 * in the tag set's scheme, and entity-level micro-F1 as seqeval computes it.
 */
public final class TaggingDecoder implements Decoder<TaggedExample, TaggingPrediction> {

    /**
     * Takes the argmax tag on each character's first token; characters without a token (cut by
     * truncation, or yielding none) are {@code O}.
     *
     * @param logits per feature, [T_i * C] row-major
     */
    @Override
    public List<TaggingPrediction> decode(List<TaggedExample> examples, List<Feature> features,
            List<float[]> logits, LabelSet labels, TaskDeclaration declaration) {
        List<List<String>> tags = new ArrayList<>(examples.size());
        for (TaggedExample e : examples) {
            tags.add(new ArrayList<>(Collections.nCopies(e.chars().size(), "O")));
        }
        int classes = labels.size();
        for (int f = 0; f < features.size(); f++) {
            Feature feature = features.get(f);
            float[] row = logits.get(f);
            List<String> out = tags.get(feature.example());
            for (int t : FirstTokens.of(feature.encoded())) {
                out.set(feature.encoded().wordIds()[t], labels.get(argmax(row, t * classes, classes)));
            }
        }
        TagScheme scheme = TagSets.schemeOf(labels);
        List<TaggingPrediction> predictions = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            predictions.add(new TaggingPrediction(tags.get(i),
                    EntityMentions.of(examples.get(i).chars(), tags.get(i), scheme)));
        }
        return predictions;
    }

    /**
     * @return seqeval's entity micro-F1 named {@code metric} (e.g. {@code entity_f1}), with
     *     extras {@code precision}, {@code recall} and {@code f1/TYPE} per type; n = sentences
     */
    @Override
    public Score score(List<TaggedExample> examples, List<TaggingPrediction> predictions,
            LabelSet labels, String metric) {
        List<List<String>> gold = examples.stream().map(TaggedExample::tags).toList();
        List<List<String>> pred = predictions.stream().map(TaggingPrediction::tags).toList();
        Score s = SeqevalMetric.evaluate(gold, pred, TagSets.schemeOf(labels)).toScore();
        return new Score(metric, s.value(), s.n(), s.extras());
    }

    /** Predicts the most frequent training tag ({@code O} in practice) for every character. */
    @Override
    public Score baseline(List<TaggedExample> train, List<TaggedExample> test, LabelSet labels,
            String metric) {
        Map<String, Integer> counts = new HashMap<>();
        train.forEach(e -> e.tags().forEach(t -> counts.merge(t, 1, Integer::sum)));
        String majority = counts.entrySet().stream()
                .min(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse("O");
        List<TaggingPrediction> constant = test.stream()
                .map(e -> new TaggingPrediction(Collections.nCopies(e.chars().size(), majority),
                        List.of()))
                .toList();
        return score(test, constant, labels, metric);
    }

    private static int argmax(float[] row, int from, int n) {
        int best = 0;
        for (int c = 1; c < n; c++) {
            if (row[from + c] > row[from + best]) {
                best = c;
            }
        }
        return best;
    }
}
