package dev.skillnet.tasks.kinds;

import dev.skillnet.data.Answer;
import dev.skillnet.data.SpanExample;
import dev.skillnet.eval.metrics.CmrcMetric;
import dev.skillnet.eval.metrics.CmrcResult;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Span extraction: the best legal span of each question over all its windows (see {@link
 * SpanSearch}), scored with the official CMRC 2018 F1 and EM.
 */
public final class SpanDecoder implements Decoder<SpanExample, SpanPrediction> {

    /** The {@code metric} value that makes exact match the main score. */
    public static final String EM_METRIC = "cmrc_em";

    /**
     * The best legal span of each example over all its windows (see {@link SpanSearch}; at most
     * {@code max_answer_length} tokens, context tokens only).
     *
     * @param logits per feature, [T_i * 2] row-major over [T_i, 2]
     */
    @Override
    public List<SpanPrediction> decode(List<SpanExample> examples, List<Feature> features,
            List<float[]> logits, LabelSet labels, TaskDeclaration declaration) {
        List<List<SpanSearch.Window>> byExample = new ArrayList<>(examples.size());
        examples.forEach(e -> byExample.add(new ArrayList<>()));
        for (int f = 0; f < features.size(); f++) {
            Feature feature = features.get(f);
            byExample.get(feature.example()).add(new SpanSearch.Window(feature.encoded(), logits.get(f)));
        }
        List<SpanPrediction> out = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            out.add(SpanSearch.best(examples.get(i).context(), byExample.get(i),
                    declaration.maxAnswerLength()));
        }
        return out;
    }

    /**
     * @param metric {@code cmrc_em} for exact match as the main score; otherwise F1
     * @return CMRC 2018 F1 ({@code cmrc_f1}) with extras {@code em} and {@code average}, or EM
     *     ({@code cmrc_em}) with extras {@code f1} and {@code average}; gold answers are all
     *     reference texts, located or not
     */
    @Override
    public Score score(List<SpanExample> examples, List<SpanPrediction> predictions, LabelSet labels,
            String metric) {
        List<List<String>> gold = examples.stream()
                .map(e -> e.answers().stream().map(Answer::text).toList())
                .toList();
        List<String> pred = predictions.stream().map(SpanPrediction::text).toList();
        CmrcResult r = CmrcMetric.evaluate(gold, pred);
        Map<String, Double> extras = new LinkedHashMap<>();
        if (EM_METRIC.equals(metric)) {
            extras.put("f1", r.f1());
            extras.put("average", r.average());
            return new Score(EM_METRIC, r.em(), r.total(), extras);
        }
        extras.put("em", r.em());
        extras.put("average", r.average());
        return new Score("cmrc_f1", r.f1(), r.total(), extras);
    }

    /**
     * Answers every test question with the most frequent first located answer text of the
     * training questions (ties: the smallest string).
     */
    @Override
    public Score baseline(List<SpanExample> train, List<SpanExample> test, LabelSet labels,
            String metric) {
        String majority = majorityAnswer(train);
        List<SpanPrediction> constant = test.stream()
                .map(e -> new SpanPrediction(majority, -1, -1, 0.0, Double.NaN))
                .toList();
        return score(test, constant, labels, metric);
    }

    /**
     * @param train training examples
     * @return the most frequent first located answer text (ties: the smallest string); empty
     *     when there are no examples
     */
    static String majorityAnswer(List<SpanExample> train) {
        Map<String, Integer> counts = new HashMap<>();
        for (SpanExample e : train) {
            e.answers().stream().filter(Answer::located).findFirst()
                    .ifPresent(a -> counts.merge(a.text(), 1, Integer::sum));
        }
        return counts.entrySet().stream()
                .min(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse("");
    }
}
