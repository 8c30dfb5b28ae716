package dev.skillnet.tasks.kinds;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import dev.skillnet.data.Answer;
import dev.skillnet.data.Source;
import dev.skillnet.data.SpanExample;
import dev.skillnet.data.read.DatasetReader;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.eval.metrics.CmrcMetric;
import dev.skillnet.eval.metrics.CmrcResult;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Span-extraction reading comprehension (SQuAD format, CMRC 2018): {@code [CLS] question [SEP]
 * window [SEP]} over overlapping windows of the passage, a span head giving start and end logits
 * per token, the best legal span over all windows as the answer (see {@link SpanSearch}), and the
 * official CMRC 2018 F1 and EM.
 *
 * <p>The loss only masks padding; restricting answers to context tokens is done in decoding,
 * because {@link #loss} sees no sequence ids. Training targets point at [CLS] (0, 0) in windows that
 * do not hold the whole first located answer.
 */
public final class SpanKind implements TaskKind<SpanExample, SpanPrediction> {

    /** The {@code metric} value that makes exact match the main score. */
    public static final String EM_METRIC = "cmrc_em";

    /** Logit added at padding positions before the softmax. */
    private static final float PAD_PENALTY = -1e4f;

    @Override
    public HeadKind headKind() {
        return HeadKind.SPAN;
    }

    /** @return the empty label set: the head outputs start and end logits, no labels */
    @Override
    public LabelSet outputLabels(TaskDeclaration declaration, List<String> declaredLabels) {
        return new LabelSet(List.of());
    }

    @Override
    public List<SpanExample> read(DatasetReader reader, String split) {
        return reader.readSpans(split);
    }

    /** @return an empty list: span extraction has no labels */
    @Override
    public List<String> labelsIn(List<SpanExample> examples) {
        return List.of();
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

    /** @return [B, 2] int64, each feature's start and end token position */
    @Override
    public NDArray targets(List<Feature> batch, int length, NDManager manager) {
        long[] t = new long[batch.size() * 2];
        for (int b = 0; b < batch.size(); b++) {
            t[2 * b] = batch.get(b).targets()[0];
            t[2 * b + 1] = batch.get(b).targets()[1];
        }
        return manager.create(t, new Shape(batch.size(), 2));
    }

    /**
     * The mean of the start and end cross entropies over token positions, padding excluded (a
     * large negative logit is added there), averaged over the batch.
     *
     * @param logits [B, T, 2]: channel 0 start, channel 1 end
     * @param targets [B, 2] int64 start and end positions
     * @param attentionMask [B, T], 1 at real tokens
     * @return the mean loss, a scalar
     */
    @Override
    public NDArray loss(NDArray logits, NDArray targets, NDArray attentionMask) {
        DataType type = logits.getDataType();
        int length = (int) logits.getShape().get(1);
        NDArray penalty = attentionMask.toType(type, false).sub(1f).mul(-PAD_PENALTY); // [B, T]
        NDArray logp = logits.add(penalty.expandDims(-1)).logSoftmax(1); // [B, T, 2]
        NDArray oneHot = targets.oneHot(length, type).transpose(0, 2, 1); // [B, T, 2]
        return logp.mul(oneHot).sum(new int[] {1}).mean().neg();
    }

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

    /** Reads {@code {"context": "...", "question": "...", "id": "..."}} ({@code id} optional). */
    @Override
    public SpanExample fromInput(JsonObject input, Path file, long line) {
        String context = PredictInput.string(input, "context", file, line, true);
        String question = PredictInput.string(input, "question", file, line, true);
        String id = PredictInput.string(input, "id", file, line, false);
        return new SpanExample(id != null ? id : "line-" + line, "", context, question, List.of(),
                new Source(file, line));
    }

    /**
     * @return {@code {"answer": text, "start": s, "end": e, "score": x, "probability": p}} (score
     *     null if none)
     */
    @Override
    public JsonObject toJson(SpanExample example, SpanPrediction prediction) {
        JsonObject o = new JsonObject();
        o.addProperty("answer", prediction.text());
        o.addProperty("start", prediction.start());
        o.addProperty("end", prediction.end());
        if (Double.isFinite(prediction.score())) {
            o.addProperty("score", prediction.score());
        } else {
            o.add("score", com.google.gson.JsonNull.INSTANCE);
        }
        if (!Double.isNaN(prediction.probability())) {
            o.addProperty("probability", prediction.probability());
        }
        return o;
    }
}
