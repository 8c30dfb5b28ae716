package dev.skillnet.tasks.kinds;

import dev.skillnet.core.TagScheme;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the tag set a tagging head predicts from entity types and a scheme, and reads the scheme
 * back from a tag set.
 *
 * <p>The order is fixed: {@code O} first, then for each entity type in the given order its tags in
 * the scheme's prefix order — BIO: {@code B, I}; BIOES: {@code B, I, E, S}; BMES: {@code B, M, E,
 * S}. For types {@code [PER, LOC]} in BIO this gives {@code O, B-PER, I-PER, B-LOC, I-LOC}.
 */
public final class TagSets {

    private TagSets() {}

    /**
     * @param scheme the tagging scheme
     * @param types the entity types, in declared order, each once
     * @return the tags, {@code O} first
     * @throws IllegalArgumentException if a type is blank or repeated
     */
    public static LabelSet build(TagScheme scheme, List<String> types) {
        List<String> tags = new ArrayList<>();
        tags.add("O");
        for (String type : types) {
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("blank entity type in " + types);
            }
            for (String prefix : prefixes(scheme)) {
                tags.add(prefix + "-" + type);
            }
        }
        return new LabelSet(tags);
    }

    /**
     * @param scheme a scheme
     * @return its entity prefixes in tag-set order
     */
    public static List<String> prefixes(TagScheme scheme) {
        return switch (scheme) {
            case BIO -> List.of("B", "I");
            case BIOES -> List.of("B", "I", "E", "S");
            case BMES -> List.of("B", "M", "E", "S");
        };
    }

    /**
     * Infers the scheme of a tag set built by {@link #build}: BMES when it has an {@code M-} tag,
     * else BIOES when it has an {@code E-} or {@code S-} tag, else BIO.
     *
     * @param tags the tag set
     * @return the scheme, as the metrics module names it
     */
    public static TagScheme schemeOf(LabelSet tags) {
        boolean m = false;
        boolean es = false;
        for (String tag : tags.labels()) {
            m |= tag.startsWith("M-");
            es |= tag.startsWith("E-") || tag.startsWith("S-");
        }
        return m ? TagScheme.BMES
                : es ? TagScheme.BIOES
                : TagScheme.BIO;
    }

    /**
     * @param tag a tag such as {@code B-PER} or {@code O}
     * @return its entity type, or {@code ""} for {@code O}
     */
    public static String typeOf(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? "" : tag.substring(dash + 1);
    }
}
