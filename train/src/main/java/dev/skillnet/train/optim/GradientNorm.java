package dev.skillnet.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The global L2 norm of a set of gradients, computed with one host synchronisation. */
final class GradientNorm {

    private GradientNorm() {}

    /**
     * @param grads the gradients
     * @param scope manager for the temporaries
     * @return sqrt(Σ g²) over every element of every gradient (NaN or infinite when any entry is)
     */
    static double of(Collection<NDArray> grads, NDManager scope) {
        NDList squares = new NDList(grads.size());
        for (NDArray g : grads) {
            // one reduction pass per tensor; squaring first would write a full-size temporary
            NDArray norm = g.norm(false);
            norm.attach(scope);
            squares.add(norm.mul(norm).reshape(1));
        }
        NDArray total = NDArrays.concat(squares).sum();
        return Math.sqrt(total.getFloat());
    }

    /**
     * Names the gradients holding a NaN or an infinite entry.
     *
     * @param grads gradients by parameter name
     * @param limit how many names at most
     * @return "name (max |g| x)", comma-separated
     */
    static String nonFinite(Map<String, NDArray> grads, int limit) {
        List<String> out = new ArrayList<>();
        for (var e : grads.entrySet()) {
            float sq = e.getValue().square().sum().getFloat();
            if (!Float.isFinite(sq) && out.size() < limit) {
                out.add(e.getKey() + " (max |g| " + e.getValue().abs().max().getFloat() + ")");
            }
        }
        return String.join(", ", out);
    }
}
