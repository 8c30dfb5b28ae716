package dev.skillnet.convert.trim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which wordpieces of a {@code vocab.txt} a trimmed encoder keeps. */
public enum VocabularyCut {

    /** Every wordpiece. */
    ALL,

    /**
     * The special tokens ({@code [PAD] [UNK] [CLS] [SEP] [MASK]}) and every wordpiece of one
     * character, as a word and as a continuation ({@code ##x}). BERT's tokenizer makes each Han
     * character a word of its own, so Chinese characters tokenize exactly as with the whole
     * vocabulary; any other word of known characters still tokenizes, spelt character by character
     * instead of in longer pieces. For mBERT this keeps 20,001 of 119,547 wordpieces (Abdaoui et
     * al., "Load What You Need: Smaller Versions of Multilingual BERT", 2020, cut mBERT to one
     * language's pieces the same way, by what a corpus used).
     */
    CHARACTERS;

    private static final Set<String> SPECIAL = Set.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    /**
     * @param token a wordpiece as {@code vocab.txt} spells it
     * @return whether this cut keeps it
     */
    public boolean keeps(String token) {
        if (this == ALL || SPECIAL.contains(token)) {
            return true;
        }
        String body = token.startsWith("##") && token.length() > 2 ? token.substring(2) : token;
        return body.codePointCount(0, body.length()) == 1;
    }

    /**
     * @param vocabulary the wordpieces, in id order
     * @return the old ids of the kept wordpieces, in id order (so a kept piece's new id is its
     *     position in this list)
     */
    public int[] kept(List<String> vocabulary) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            if (keeps(vocabulary.get(i))) {
                ids.add(i);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
