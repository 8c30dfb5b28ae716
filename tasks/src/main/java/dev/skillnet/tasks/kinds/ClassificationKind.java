package dev.skillnet.tasks.kinds;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.TextExample;
import dev.skillnet.data.read.DatasetReader;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.eval.metrics.Accuracy;
import dev.skillnet.eval.metrics.MacroF1;
import dev.skillnet.eval.metrics.MajorityBaseline;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.model.nn.CrossEntropy;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Single-text and text-pair classification: [CLS] text [SEP] (pair [SEP]) into a head over the
 * pooled output; cross-entropy loss; accuracy (or macro-F1) with the other as an extra.
 */
public final class ClassificationKind implements TaskKind<TextExample, ClassPrediction> {

    private final boolean pair;

    /** @param pair whether examples hold two texts */
    public ClassificationKind(boolean pair) {
        this.pair = pair;
    }

    @Override
    public HeadKind headKind() {
        return HeadKind.SEQUENCE;
    }

    @Override
    public LabelSet outputLabels(TaskDeclaration declaration, List<String> declaredLabels) {
        return new LabelSet(declaredLabels);
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

    @Override
    public NDArray targets(List<Feature> batch, int length, NDManager manager) {
        long[] t = new long[batch.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = batch.get(i).targets()[0];
        }
        return manager.create(t);
    }

    /**
     * Cross-entropy.
     *
     * @param logits [B, C]
     * @param targets [B] int64
     * @param attentionMask unused
     * @return the mean loss, a scalar
     */
    @Override
    public NDArray loss(NDArray logits, NDArray targets, NDArray attentionMask) {
        return CrossEntropy.mean(logits, targets);
    }

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

    @Override
    public TextExample fromInput(JsonObject input, Path file, long line) {
        String text = PredictInput.string(input, "text", file, line, true);
        String textPair = PredictInput.string(input, "text_pair", file, line, pair);
        return new TextExample(text, textPair, null, new dev.skillnet.data.Source(file, line));
    }

    @Override
    public JsonObject toJson(TextExample example, ClassPrediction prediction) {
        JsonObject o = new JsonObject();
        o.addProperty("label", prediction.label());
        JsonObject p = new JsonObject();
        prediction.probabilities().forEach(p::addProperty);
        o.add("probabilities", p);
        return o;
    }
}
