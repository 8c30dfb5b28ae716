package dev.skillnet.data;

import java.util.List;

/**
 * A sequence-tagging (NER) example: one tag per character.
 *
 * @param chars the characters (one code point each for ner_jsonl; the first column for conll)
 * @param tags the tags, as many as characters, in the declared scheme
 * @param source where the sentence starts
 */
public record TaggedExample(List<String> chars, List<String> tags, Source source) {

    /** Makes unmodifiable copies and checks both lists have the same size. */
    public TaggedExample {
        chars = List.copyOf(chars);
        tags = List.copyOf(tags);
        if (chars.size() != tags.size()) {
            throw new IllegalArgumentException(
                    chars.size() + " characters but " + tags.size() + " tags at " + source);
        }
    }
}
