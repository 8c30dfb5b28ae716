package dev.skillnet.tasks.kinds;

import dev.skillnet.core.TagScheme;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.DataSpec;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.data.read.DatasetReader;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sequence labelling (NER): one tag per character, carried by the first token of each character.
 *
 * <p>The tag set is {@link TagSets#build} of the declared entity types and the data's scheme
 * ({@code O} first). Gold tags are checked against it, and stray continuation tags are repaired
 * (see {@link StrayTags}) and counted.
 */
public final class TaggingFeaturizer implements Featurizer<TaggedExample> {

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
            for (int t : FirstTokens.of(enc)) {
                targets[t] = ids.get(fixed.tags().get(enc.wordIds()[t]));
            }
            features.add(new Feature(enc, targets, i));
        }
        return new Featurized(features, truncated, repaired);
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

    private static Map<String, Integer> index(LabelSet labels) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            m.put(labels.get(i), i);
        }
        return m;
    }
}
