package dev.skillnet.data;

/**
 * A reference answer of a reading-comprehension question.
 *
 * @param text the answer text
 * @param start its start in the context as a Java char offset, or -1 when the data marks it as not
 *     located in the context (CMRC 2018 does so for some extra reference answers); such answers
 *     serve evaluation only
 */
public record Answer(String text, int start) {

    /** @return whether the answer has a position in the context */
    public boolean located() {
        return start >= 0;
    }

    /** @return the end (exclusive) in the context, or -1 when not located */
    public int end() {
        return start >= 0 ? start + text.length() : -1;
    }
}
