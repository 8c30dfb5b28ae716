package dev.skillnet.bench;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * Two kinds of step timed in alternation, A B B A A B ..., so that drift in the machine's speed
 * (other tenants, thermal state, the allocator's history) falls on both alike; compared by their
 * medians. Both models stay alive for the whole comparison.
 *
 * @param first seconds of each {@code a} step
 * @param second seconds of each {@code b} step
 */
record Alternating(double[] first, double[] second) {

    /**
     * @param a times one step of the first kind, in seconds
     * @param b times one step of the second kind
     * @param pairs steps of each kind
     * @return the timings
     */
    static Alternating run(DoubleSupplier a, DoubleSupplier b, int pairs) {
        double[] first = new double[pairs];
        double[] second = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            if (i % 2 == 0) {
                first[i] = a.getAsDouble();
                second[i] = b.getAsDouble();
            } else {
                second[i] = b.getAsDouble();
                first[i] = a.getAsDouble();
            }
        }
        return new Alternating(first, second);
    }

    /** @return the median of the first kind's steps */
    double firstMedian() {
        return median(first);
    }

    /** @return the median of the second kind's steps */
    double secondMedian() {
        return median(second);
    }

    /** @return second over first, in percent above (negative: below) */
    double changePercent() {
        return 100 * (secondMedian() / firstMedian() - 1);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
