package dev.skillnet.tasks.kinds;

import dev.skillnet.data.TextExample;
import dev.skillnet.eval.metrics.Accuracy;
import dev.skillnet.eval.metrics.MacroF1;
import dev.skillnet.eval.metrics.MajorityBaseline;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Classification: the softmax of each example's logits, accuracy (or macro-F1) with the other as an extra. */
public final class ClassificationDecoder implements Decoder<TextExample, ClassPrediction> {

    /** @param logits per example, [C] */
    @Override
    public List<ClassPrediction> decode(List<TextExample> examples, List<Feature> features, List<float[]> logits,
            LabelSet labels, TaskDeclaration declaration) {
        List<ClassPrediction> out = new ArrayList<>(examples.size());
        for (float[] row : logits) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            double[] p = new double[row.length];
            for (int c = 0; c < row.length; c++) {
                p[c] = Math.exp(row[c] - max);
                sum += p[c];
            }
            Map<String, Double> probs = new LinkedHashMap<>();
            int best = 0;
            for (int c = 0; c < row.length; c++) {
                probs.put(labels.get(c), p[c] / sum);
                best = p[c] > p[best] ? c : best;
            }
            out.add(new ClassPrediction(labels.get(best), Collections.unmodifiableMap(probs)));
        }
        return out;
    }

    @Override
    public Score score(List<TextExample> examples, List<ClassPrediction> predictions, LabelSet labels, String metric) {
        List<String> gold = examples.stream().map(TextExample::label).toList();
        List<String> pred = predictions.stream().map(ClassPrediction::label).toList();
        return "macro_f1".equals(metric) ? MacroF1.score(gold, pred) : withMacroF1(Accuracy.score(gold, pred), gold, pred);
    }

    private static Score withMacroF1(Score accuracy, List<String> gold, List<String> pred) {
        Map<String, Double> extras = new LinkedHashMap<>(accuracy.extras());
        extras.put("macro_f1", 100 * MacroF1.compute(gold, pred));
        return new Score(accuracy.metric(), accuracy.value(), accuracy.n(), extras);
    }

    @Override
    public Score baseline(List<TextExample> train, List<TextExample> test, LabelSet labels, String metric) {
        String majority = MajorityBaseline.compute(train.stream().map(TextExample::label).toList(),
                test.stream().map(TextExample::label).toList()).label();
        List<ClassPrediction> constant = test.stream().map(e -> new ClassPrediction(majority, Map.of())).toList();
        return score(test, constant, labels, metric);
    }
}
