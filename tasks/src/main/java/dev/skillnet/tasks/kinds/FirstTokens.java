package dev.skillnet.tasks.kinds;

import dev.skillnet.data.tokenize.Encoded;
import java.util.ArrayList;
import java.util.List;

/** The token that carries each character's tag in sequence labelling: its first. */
final class FirstTokens {

    private FirstTokens() {}

    /**
     * @param enc an encoding of characters ({@code encodeChars})
     * @return the token positions that are the first token of their character, in order
     */
    static List<Integer> of(Encoded enc) {
        List<Integer> out = new ArrayList<>();
        int[] words = enc.wordIds();
        for (int t = 0; t < words.length; t++) {
            if (words[t] >= 0 && (t == 0 || words[t - 1] != words[t])) {
                out.add(t);
            }
        }
        return out;
    }
}
