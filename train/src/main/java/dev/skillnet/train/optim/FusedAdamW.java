package dev.skillnet.train.optim;

import java.nio.FloatBuffer;

/**
 * AdamW's rule in one pass over a slice of a parameter, its gradient and its two moments, read and
 * written in place through the tensors' own memory ({@link LentMemory}). The engine's kernel makes
 * about fifteen elementwise passes over the same slice, each allocating its result; this reads each
 * of the four arrays once and writes three of them (and zeroes the gradient), so an update costs
 * what moving its bytes costs.
 *
 * <pre>
 * g ← g · scale;  m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²
 * w ← w − lr · wd · w;  w ← w − lr·√c2/c1 · m / (√v + ε√c2);  gradient ← 0
 * </pre>
 */
final class FusedAdamW {

    private FusedAdamW() {}

    /**
     * @param w the parameter's elements
     * @param g its gradient's (zeroed on the way)
     * @param m its first moment's
     * @param v its second moment's
     * @param from the first element of the slice
     * @param to one past its last
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param decayFactor 1 − lr · wd
     * @param correctedLr lr · √c2 / c1
     * @param scale the clipping factor applied to the gradient
     * @param epsilon ε · √c2
     */
    static void update(FloatBuffer w, FloatBuffer g, FloatBuffer m, FloatBuffer v, int from, int to, float beta1,
            float beta2, float decayFactor, float correctedLr, float scale, float epsilon) {
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        for (int i = from; i < to; i++) {
            float gi = g.get(i) * scale;
            float mi = beta1 * m.get(i) + oneMinusBeta1 * gi;
            float vi = beta2 * v.get(i) + oneMinusBeta2 * gi * gi;
            m.put(i, mi);
            v.put(i, vi);
            w.put(i, w.get(i) * decayFactor - correctedLr * mi / ((float) Math.sqrt(vi) + epsilon));
            g.put(i, 0f);
        }
    }
}
