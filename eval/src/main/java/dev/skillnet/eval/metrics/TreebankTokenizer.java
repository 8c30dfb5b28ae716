package dev.skillnet.eval.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The subset of NLTK's {@code word_tokenize} that the CMRC 2018 evaluation script applies to
 * non-Chinese stretches of text: the classic Penn Treebank rules (quotes, punctuation, brackets,
 * double dashes, clitics), then a split on whitespace.
 *
 * <p>Not ported: Punkt sentence splitting (the whole stretch is one sentence, so only a period at
 * its very end is split off) and NLTK's rewriting of {@code cannot}, {@code gonna} and similar
 * words. Both are rare in span answers, and both sides of a comparison are tokenized alike.
 */
final class TreebankTokenizer {

    private record Rule(Pattern pattern, String replacement) {
        Rule(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }

        String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }
    }

    private static final List<Rule> BEFORE_PADDING = List.of(
            // starting quotes
            new Rule("^\"", "``"),
            new Rule("(``)", " $1 "),
            new Rule("([ (\\[{<])(\"|'{2})", "$1 `` "),
            // punctuation
            new Rule("([:,])([^\\d])", " $1 $2"),
            new Rule("([:,])$", " $1 "),
            new Rule("\\.\\.\\.", " ... "),
            new Rule("[;@#$%&]", " $0 "),
            new Rule("([^.])(\\.)([\\])}>\"']*)\\s*$", "$1 $2$3 "),
            new Rule("[?!]", " $0 "),
            new Rule("([^'])' ", "$1 ' "),
            // brackets and double dashes
            new Rule("[\\]\\[(){}<>]", " $0 "),
            new Rule("--", " -- "));

    private static final List<Rule> AFTER_PADDING = List.of(
            // ending quotes and clitics
            new Rule("\"", " '' "),
            new Rule("(\\S)('')", "$1 $2 "),
            new Rule("([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 "),
            new Rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 "));

    private TreebankTokenizer() {}

    /**
     * Tokenizes one stretch of non-Chinese text.
     *
     * @param text the text (already lower-cased by the caller)
     * @return the tokens; empty when the text is only whitespace
     */
    static List<String> tokenize(String text) {
        String t = text;
        for (Rule rule : BEFORE_PADDING) {
            t = rule.apply(t);
        }
        t = " " + t + " ";
        for (Rule rule : AFTER_PADDING) {
            t = rule.apply(t);
        }
        return splitOnWhitespace(t);
    }

    /** Python's {@code str.split()}: split on runs of (Unicode) whitespace, drop empty pieces. */
    static List<String> splitOnWhitespace(String t) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (isPythonSpace(cp)) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.appendCodePoint(cp);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Python's {@code str.isspace()} for one code point (Java's test plus the no-break spaces). */
    static boolean isPythonSpace(int cp) {
        return Character.isWhitespace(cp)
                || cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || cp == 0x0085;
    }
}
