package dev.skillnet.tasks.kinds;

import dev.skillnet.core.TagScheme;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.eval.metrics.SeqevalMetric;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequence labelling: the most probable legal tag sequence over each character's first token
 * ({@link TagPath}), entities read off the tags in the tag set's scheme, and entity-level micro-F1
 * as seqeval computes it.
 */
public final class TaggingDecoder implements Decoder<TaggedExample, TaggingPrediction> {

    /**
     * Scores each character by its first token's log-softmax and takes the most probable sequence
     * the scheme allows; characters without a token (cut by truncation, or yielding none) are
     * {@code O}.
     *
     * @param logits per feature, [T_i * C] row-major
     */
    @Override
    public List<TaggingPrediction> decode(List<TaggedExample> examples, List<Feature> features,
            List<float[]> logits, LabelSet labels, TaskDeclaration declaration) {
        int classes = labels.size();
        List<float[][]> scores = new ArrayList<>(examples.size());
        for (TaggedExample e : examples) {
            float[][] rows = new float[e.chars().size()][];
            Arrays.setAll(rows, i -> onlyO(classes));
            scores.add(rows);
        }
        for (int f = 0; f < features.size(); f++) {
            Feature feature = features.get(f);
            float[] row = logits.get(f);
            float[][] rows = scores.get(feature.example());
            for (int t : FirstTokens.of(feature.encoded())) {
                rows[feature.encoded().wordIds()[t]] = logSoftmax(row, t * classes, classes);
            }
        }
        TagTransitions transitions = TagTransitions.of(labels);
        TagScheme scheme = TagSets.schemeOf(labels);
        List<TaggingPrediction> predictions = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            List<String> tags = new ArrayList<>();
            for (int tag : TagPath.best(scores.get(i), transitions)) {
                tags.add(labels.get(tag));
            }
            predictions.add(new TaggingPrediction(tags,
                    EntityMentions.of(examples.get(i).chars(), tags, scheme)));
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

    /** A character without a token: {@code O} (index 0) and nothing else. */
    private static float[] onlyO(int classes) {
        float[] row = new float[classes];
        Arrays.fill(row, 1, classes, Float.NEGATIVE_INFINITY);
        return row;
    }

    private static float[] logSoftmax(float[] row, int from, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            max = Math.max(max, row[from + c]);
        }
        double sum = 0;
        for (int c = 0; c < n; c++) {
            sum += Math.exp(row[from + c] - max);
        }
        float log = (float) (max + Math.log(sum));
        float[] out = new float[n];
        for (int c = 0; c < n; c++) {
            out[c] = row[from + c] - log;
        }
        return out;
    }
}
