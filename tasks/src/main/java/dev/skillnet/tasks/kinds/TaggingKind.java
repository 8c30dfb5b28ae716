package dev.skillnet.tasks.kinds;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.skillnet.core.TagScheme;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.DataSpec;
import dev.skillnet.data.Source;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.data.read.DatasetReader;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.eval.metrics.SeqevalMetric;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.model.nn.CrossEntropy;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sequence labelling (NER): one tag per character, predicted on the first token of each
 * character by a token head; entity-level micro-F1 as seqeval computes it.
 *
 * <p>The tag set is {@link TagSets#build} of the declared entity types and the data's scheme
 * ({@code O} first). Gold tags are checked against it, stray continuation tags are repaired (see
 * {@link StrayTags}) and counted, and the scheme for scoring is read back from the tag set.
 */
public final class TaggingKind implements TaskKind<TaggedExample, TaggingPrediction> {

    @Override
    public HeadKind headKind() {
        return HeadKind.TOKEN;
    }

    /**
     * @param declaration the task; its {@code data.scheme} decides the tag prefixes
     * @param declaredLabels the entity types, e.g. {@code [PER, LOC, ORG]}
     * @return {@code O}, then each type's tags in scheme order (see {@link TagSets})
     * @throws UserInputException when the data format has no tagging scheme or a type is blank
     *     or repeated
     */
    @Override
    public LabelSet outputLabels(TaskDeclaration declaration, List<String> declaredLabels) {
        TagScheme scheme = DataSpec.parse(declaration.data(), declaration.file()).scheme();
        if (scheme == null) {
            throw new UserInputException(declaration.file(), "task '" + declaration.name()
                    + "' is sequence labelling but its data.format gives no tagging scheme"
                    + " (use conll or ner_jsonl)");
        }
        try {
            return TagSets.build(scheme, declaredLabels);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(declaration.file(), "labels: entity types must be"
                    + " distinct and non-blank: " + declaredLabels, e);
        }
    }

    @Override
    public List<TaggedExample> read(DatasetReader reader, String split) {
        return reader.readTagged(split);
    }

    /** @return the distinct entity types (tags without prefix, {@code O} excluded), sorted */
    @Override
    public List<String> labelsIn(List<TaggedExample> examples) {
        TreeSet<String> types = new TreeSet<>();
        for (TaggedExample e : examples) {
            for (String tag : e.tags()) {
                if (!tag.equals("O")) {
                    types.add(TagSets.typeOf(tag));
                }
            }
        }
        return new ArrayList<>(types);
    }

    /**
     * Encodes each example's characters and puts each character's tag id on its first token;
     * other tokens and the special tokens get {@link Feature#IGNORE}. One feature per example.
     *
     * @throws UserInputException for a gold tag outside {@code labels}, naming the example's file,
     *     line and the tag
     */
    @Override
    public Featurized featurize(List<TaggedExample> examples, BertTokenizer tokenizer,
            TaskDeclaration declaration, LabelSet labels) {
        Map<String, Integer> ids = index(labels);
        List<Feature> features = new ArrayList<>(examples.size());
        int truncated = 0;
        int repaired = 0;
        for (int i = 0; i < examples.size(); i++) {
            TaggedExample e = examples.get(i);
            checkTags(e, ids, labels, declaration);
            StrayTags.Repaired fixed = StrayTags.repair(e.tags());
            repaired += fixed.repaired();
            Encoded enc = tokenizer.encodeChars(e.chars(), declaration.maxLength());
            truncated += enc.truncated() ? 1 : 0;
            int[] targets = new int[enc.length()];
            Arrays.fill(targets, Feature.IGNORE);
            for (int t : firstTokens(enc)) {
                targets[t] = ids.get(fixed.tags().get(enc.wordIds()[t]));
            }
            features.add(new Feature(enc, targets, i));
        }
        return new Featurized(features, truncated, repaired);
    }

    /**
     * @return [B, T] int64, each feature's targets then {@link Feature#IGNORE} padding
     */
    @Override
    public NDArray targets(List<Feature> batch, int length, NDManager manager) {
        long[] t = new long[batch.size() * length];
        Arrays.fill(t, Feature.IGNORE);
        for (int b = 0; b < batch.size(); b++) {
            int[] f = batch.get(b).targets();
            for (int j = 0; j < f.length; j++) {
                t[b * length + j] = f[j];
            }
        }
        return manager.create(t, new Shape(batch.size(), length));
    }

    /**
     * Token-level cross entropy averaged over the positions whose target is not {@link
     * Feature#IGNORE} (0 when there are none).
     *
     * @param logits [B, T, C]
     * @param targets [B, T] int64, {@link Feature#IGNORE} where no loss applies
     * @param attentionMask [B, T]; unused, padding already has IGNORE targets
     * @return the mean loss, a scalar
     */
    @Override
    public NDArray loss(NDArray logits, NDArray targets, NDArray attentionMask) {
        return CrossEntropy.maskedMean(logits, targets);
    }

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
            for (int t : firstTokens(feature.encoded())) {
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

    /** Reads {@code {"text": "..."}}, one character per code point, all tags {@code O}. */
    @Override
    public TaggedExample fromInput(JsonObject input, Path file, long line) {
        String text = PredictInput.string(input, "text", file, line, true);
        List<String> chars = text.codePoints().mapToObj(Character::toString).toList();
        return new TaggedExample(chars, Collections.nCopies(chars.size(), "O"), new Source(file, line));
    }

    /** @return {@code {"entities": [{"text", "type", "start", "end"}], "tags": [...]}} */
    @Override
    public JsonObject toJson(TaggedExample example, TaggingPrediction prediction) {
        JsonArray entities = new JsonArray();
        for (EntityMention m : prediction.entities()) {
            JsonObject o = new JsonObject();
            o.addProperty("text", m.text());
            o.addProperty("type", m.type());
            o.addProperty("start", m.start());
            o.addProperty("end", m.end());
            entities.add(o);
        }
        JsonArray tags = new JsonArray();
        prediction.tags().forEach(tags::add);
        JsonObject o = new JsonObject();
        o.add("entities", entities);
        o.add("tags", tags);
        return o;
    }

    private static void checkTags(TaggedExample e, Map<String, Integer> ids, LabelSet labels,
            TaskDeclaration declaration) {
        for (int c = 0; c < e.tags().size(); c++) {
            String tag = e.tags().get(c);
            if (!ids.containsKey(tag)) {
                throw new UserInputException(e.source().file(), e.source().line(), "character "
                        + (c + 1) + " ('" + e.chars().get(c) + "') has tag '" + tag + "', which is"
                        + " not in task '" + declaration.name() + "''s tag set " + labels.labels());
            }
        }
    }

    /** Token positions that are the first token of their character. */
    private static List<Integer> firstTokens(Encoded enc) {
        List<Integer> out = new ArrayList<>();
        int[] words = enc.wordIds();
        for (int t = 0; t < words.length; t++) {
            if (words[t] >= 0 && (t == 0 || words[t - 1] != words[t])) {
                out.add(t);
            }
        }
        return out;
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

    private static Map<String, Integer> index(LabelSet labels) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            m.put(labels.get(i), i);
        }
        return m;
    }
}
