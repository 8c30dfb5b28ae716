package dev.skillnet.data.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.util.List;

/**
 * A full (untruncated) Hugging Face encoding converted to Java arrays, with offsets turned from
 * code points into Java char indices, from which truncated or windowed {@link Encoded}s are cut.
 */
final class TokenTable {

    private final long[] ids;
    private final long[] typeIds;
    private final String[] tokens;
    private final int[] wordIds;
    private final int[] seqIds;
    private final int[] charStart;
    private final int[] charEnd;
    /** Rank of each non-special token within its segment; -1 for special tokens. */
    private final int[] rank;
    private final int[] segmentSize = new int[2];

    private TokenTable(Encoding e) {
        ids = e.getIds();
        typeIds = e.getTypeIds();
        tokens = e.getTokens();
        int n = ids.length;
        wordIds = toInt(e.getWordIds());
        seqIds = toInt(e.getSequenceIds());
        long[] special = e.getSpecialTokenMask();
        charStart = new int[n];
        charEnd = new int[n];
        rank = new int[n];
        for (int i = 0; i < n; i++) {
            if (special[i] != 0 || seqIds[i] < 0) {
                seqIds[i] = -1;
                wordIds[i] = -1;
                rank[i] = -1;
                charStart[i] = -1;
                charEnd[i] = -1;
            } else {
                rank[i] = segmentSize[seqIds[i]]++;
            }
        }
    }

    /**
     * Converts an encoding of one or two plain strings (offsets relative to each segment).
     *
     * @param e the encoding
     * @param segments the original strings, by sequence id
     * @return the table
     */
    static TokenTable ofSegments(Encoding e, String... segments) {
        TokenTable t = new TokenTable(e);
        int[][] maps = new int[segments.length][];
        for (int s = 0; s < segments.length; s++) {
            maps[s] = codePointToChar(segments[s]);
        }
        CharSpan[] spans = e.getCharTokenSpans();
        for (int i = 0; i < t.ids.length; i++) {
            if (t.rank[i] >= 0 && spans[i] != null) {
                int[] map = maps[t.seqIds[i]];
                t.charStart[i] = map[Math.min(spans[i].getStart(), map.length - 1)];
                t.charEnd[i] = map[Math.min(spans[i].getEnd(), map.length - 1)];
            }
        }
        return t;
    }

    /**
     * Converts an encoding of pre-tokenized words (offsets relative to each word), giving offsets
     * into the concatenation of the words.
     *
     * @param e the encoding
     * @param words the words
     * @return the table
     */
    static TokenTable ofWords(Encoding e, List<String> words) {
        TokenTable t = new TokenTable(e);
        int[] base = new int[words.size() + 1];
        for (int w = 0; w < words.size(); w++) {
            base[w + 1] = base[w] + words.get(w).length();
        }
        CharSpan[] spans = e.getCharTokenSpans();
        for (int i = 0; i < t.ids.length; i++) {
            if (t.rank[i] >= 0 && spans[i] != null) {
                String word = words.get(t.wordIds[i]);
                int[] map = codePointToChar(word);
                t.charStart[i] = base[t.wordIds[i]] + map[Math.min(spans[i].getStart(), map.length - 1)];
                t.charEnd[i] = base[t.wordIds[i]] + map[Math.min(spans[i].getEnd(), map.length - 1)];
            }
        }
        return t;
    }

    /**
     * @param segment 0 or 1
     * @return its number of (non-special) tokens
     */
    int size(int segment) {
        return segmentSize[segment];
    }

    /**
     * Keeps the special tokens and, of each segment, the tokens whose rank is in {@code [from,
     * to)}.
     *
     * @param from first kept rank per segment
     * @param to end of the kept ranks per segment
     * @param truncated the flag to report
     * @return the encoding
     */
    Encoded select(int[] from, int[] to, boolean truncated) {
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (kept(i, from, to)) {
                n++;
            }
        }
        long[] oIds = new long[n];
        long[] oTypes = new long[n];
        String[] oTokens = new String[n];
        int[] oStart = new int[n];
        int[] oEnd = new int[n];
        int[] oWords = new int[n];
        int[] oSeq = new int[n];
        int j = 0;
        for (int i = 0; i < ids.length; i++) {
            if (kept(i, from, to)) {
                oIds[j] = ids[i];
                oTypes[j] = typeIds[i];
                oTokens[j] = tokens[i];
                oStart[j] = charStart[i];
                oEnd[j] = charEnd[i];
                oWords[j] = wordIds[i];
                oSeq[j] = seqIds[i];
                j++;
            }
        }
        return new Encoded(oIds, oTypes, oTokens, oStart, oEnd, oWords, oSeq, truncated);
    }

    private boolean kept(int i, int[] from, int[] to) {
        if (rank[i] < 0) {
            return true;
        }
        int s = seqIds[i];
        return rank[i] >= from[s] && rank[i] < to[s];
    }

    /** Map from code point index (0..count inclusive) to Java char index. */
    static int[] codePointToChar(String s) {
        int[] map = new int[s.codePointCount(0, s.length()) + 1];
        int cp = 0;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            map[cp++] = i;
        }
        map[cp] = s.length();
        return map;
    }

    private static int[] toInt(long[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = (int) a[i];
        }
        return r;
    }
}
