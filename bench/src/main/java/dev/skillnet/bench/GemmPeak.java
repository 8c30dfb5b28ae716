package dev.skillnet.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** fp32 matrix-multiply throughput, measured at a model's own GEMM shapes. */
final class GemmPeak {

    private GemmPeak() {}

    /**
     * @param shape the model and batch shape
     * @param seconds time to spend per GEMM shape
     * @return the best GFLOP/s over the feed-forward and projection GEMMs of one layer
     */
    static double measure(BenchShape shape, double seconds) {
        long m = shape.tokens();
        long h = shape.hidden();
        long i = shape.intermediate();
        long[][] gemms = {{m, h, i}, {m, i, h}, {m, h, h}};
        double best = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (long[] g : gemms) {
                NDArray a = manager.randomNormal(new Shape(g[0], g[1]));
                NDArray b = manager.randomNormal(new Shape(g[1], g[2]));
                for (int w = 0; w < 3; w++) {
                    try (NDArray c = a.matMul(b)) {
                        c.getFloat(0, 0);
                    }
                }
                int reps = 0;
                long start = System.nanoTime();
                double elapsed;
                do {
                    try (NDArray c = a.matMul(b)) {
                        c.getFloat(0, 0);
                    }
                    reps++;
                    elapsed = (System.nanoTime() - start) / 1e9;
                } while (elapsed < seconds);
                best = Math.max(best, 2.0 * g[0] * g[1] * g[2] * reps / elapsed / 1e9);
            }
        }
        return best;
    }
}
