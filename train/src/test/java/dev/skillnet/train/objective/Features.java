package dev.skillnet.train.objective;

import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.tasks.kinds.Feature;
import java.util.Arrays;

/** Test helper: features whose token ids and offsets the objectives do not read. */
final class Features {

    private Features() {}

    /**
     * @param n tokens
     * @param targets the feature's targets
     * @param example its example index
     * @return a feature of n placeholder tokens
     */
    static Feature of(int n, int[] targets, int example) {
        String[] text = new String[n];
        Arrays.fill(text, "t");
        return new Feature(new Encoded(new long[n], new long[n], text, new int[n], new int[n], new int[n], new int[n],
                false), targets, example);
    }
}
