package dev.skillnet.eval.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text normalisation of the official CMRC 2018 evaluation script ({@code cmrc2018_evaluate.py}):
 * lower-casing and trimming, its fixed punctuation list, and "mixed segmentation", in which every
 * Chinese character (U+4E00..U+9FA5) and every listed punctuation mark is a segment of its own
 * while the text between them is tokenized like NLTK's {@code word_tokenize} (so an English word
 * or a number such as {@code 3.5} stays one segment).
 *
 * <p>Only the characters of {@link #PUNCTUATION} are removed; other punctuation (ASCII comma,
 * period, brackets, '%', the single character '…', '‘') is kept, as in the script.
 */
public final class CmrcSegmenter {

    /**
     * The script's punctuation list, as code points. The script also lists the two-character
     * string "……", which can never equal a single character, so it has no effect and is omitted.
     */
    public static final Set<Integer> PUNCTUATION = codePoints(
            "-:_*^/\\~`+=，。：？！“”；’《》·、「」（）－～『』");

    private CmrcSegmenter() {}

    /**
     * The script's {@code mixed_segmentation}.
     *
     * @param text the text to segment
     * @param removePunctuation whether to drop the characters of {@link #PUNCTUATION} first (the
     *     F1 computation does); note that, as in the script, a dropped mark does not separate the
     *     text around it, so {@code "ab-cd"} becomes the single segment {@code "abcd"}
     * @return the segments
     */
    public static List<String> segment(String text, boolean removePunctuation) {
        String s = normalise(text);
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean punct = PUNCTUATION.contains(cp);
            if (removePunctuation && punct) {
                continue;
            }
            if (isChinese(cp) || punct) {
                flush(run, out);
                out.add(new String(Character.toChars(cp)));
            } else {
                run.appendCodePoint(cp);
            }
        }
        flush(run, out);
        return out;
    }

    /**
     * The script's {@code remove_punctuation}: lower-case, trim, then drop the characters of
     * {@link #PUNCTUATION} (whitespace inside the text is kept).
     *
     * @param text the text
     * @return the normalised text
     */
    public static String removePunctuation(String text) {
        String s = normalise(text);
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(cp -> !PUNCTUATION.contains(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * @param cp a code point
     * @return whether the script treats it as a Chinese character (U+4E00..U+9FA5)
     */
    public static boolean isChinese(int cp) {
        return cp >= 0x4E00 && cp <= 0x9FA5;
    }

    /** Python's {@code text.lower().strip()}. */
    private static String normalise(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text is null");
        }
        String s = text.toLowerCase(Locale.ROOT);
        int start = 0;
        int end = s.length();
        while (start < end && TreebankTokenizer.isPythonSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && TreebankTokenizer.isPythonSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static void flush(StringBuilder run, List<String> out) {
        if (run.length() > 0) {
            out.addAll(TreebankTokenizer.tokenize(run.toString()));
            run.setLength(0);
        }
    }

    private static Set<Integer> codePoints(String chars) {
        return Set.copyOf(chars.codePoints().boxed().toList());
    }
}
