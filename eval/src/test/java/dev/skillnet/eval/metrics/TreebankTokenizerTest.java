package dev.skillnet.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected tokens are NLTK's Treebank word tokenizer output for the same strings. */
class TreebankTokenizerTest {

    @Test
    void splitsOnWhitespace() {
        assertEquals(List.of("hello", "world", "2018"), TreebankTokenizer.tokenize(" hello  world 2018"));
        assertEquals(List.of(), TreebankTokenizer.tokenize("   "));
    }

    @Test
    void keepsNumbersWithInnerPeriodOrCommaTogether() {
        assertEquals(List.of("3.5"), TreebankTokenizer.tokenize("3.5"));
        assertEquals(List.of("1,000"), TreebankTokenizer.tokenize("1,000"));
    }

    @Test
    void splitsOffPunctuation() {
        assertEquals(List.of("a", ",", "b"), TreebankTokenizer.tokenize("a,b"));
        assertEquals(List.of("50", "%"), TreebankTokenizer.tokenize("50%"));
        assertEquals(List.of("(", "ibm", ")"), TreebankTokenizer.tokenize("(ibm)"));
        assertEquals(List.of("why", "?"), TreebankTokenizer.tokenize("why?"));
    }

    @Test
    void splitsOnlyTheFinalPeriod() {
        assertEquals(List.of("u.s", "."), TreebankTokenizer.tokenize("u.s."));
        assertEquals(List.of("e.g", "this"), TreebankTokenizer.tokenize("e.g this"));
    }

    @Test
    void quotesAndClitics() {
        assertEquals(List.of("he", "said", "``", "hi", "''"),
                TreebankTokenizer.tokenize("he said \"hi\""));
        assertEquals(List.of("do", "n't"), TreebankTokenizer.tokenize("don't"));
        assertEquals(List.of("tom", "'s"), TreebankTokenizer.tokenize("tom's"));
    }
}
