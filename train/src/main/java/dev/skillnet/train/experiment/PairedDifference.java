package dev.skillnet.train.experiment;

import java.util.List;

/**
 * The difference between two variants' scores paired by seed (both ran with the same seeds): its
 * mean over seeds and a 95% confidence interval from Student's t with n - 1 degrees of freedom,
 * the seeds taken as independent draws of everything a seed decides (initialisation, sampling,
 * dropout, batch order). A difference is "reproduced" only when the interval excludes zero on the
 * side the claim predicts.
 *
 * @param n seeds
 * @param mean mean difference (first minus second)
 * @param low lower end of the 95% interval (NaN with fewer than two seeds)
 * @param high upper end of the 95% interval (NaN with fewer than two seeds)
 */
public record PairedDifference(int n, double mean, double low, double high) {

    /** Two-sided 97.5% quantiles of Student's t for 1 to 30 degrees of freedom. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    /**
     * @param first the first variant's score for each seed
     * @param second the second variant's score for the same seeds, in the same order
     * @return their paired difference
     * @throws IllegalArgumentException when the lists differ in length or are empty
     */
    public static PairedDifference of(List<Double> first, List<Double> second) {
        if (first.size() != second.size() || first.isEmpty()) {
            throw new IllegalArgumentException("paired scores need the same seeds: " + first.size() + " against "
                    + second.size());
        }
        int n = first.size();
        double[] d = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            d[i] = first.get(i) - second.get(i);
            sum += d[i];
        }
        double mean = sum / n;
        if (n < 2) {
            return new PairedDifference(n, mean, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : d) {
            ss += (v - mean) * (v - mean);
        }
        double half = t975(n - 1) * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        return new PairedDifference(n, mean, mean - half, mean + half);
    }

    /**
     * @param degrees degrees of freedom, at least 1
     * @return the 97.5% quantile of Student's t (the normal's 1.960 beyond 30)
     */
    static double t975(int degrees) {
        return degrees <= T975.length ? T975[degrees - 1] : 1.960;
    }

    /** @return whether the interval lies wholly above zero (the first variant better) */
    public boolean firstIsBetter() {
        return low > 0;
    }

    /** @return whether the interval lies wholly below zero (the second variant better) */
    public boolean secondIsBetter() {
        return high < 0;
    }

    /** @return e.g. {@code +1.23 [-0.40, +2.86]}, or {@code +1.23 (one seed: no interval)} */
    public String text() {
        if (Double.isNaN(low)) {
            return String.format(java.util.Locale.ROOT, "%+.2f (one seed: no interval)", mean);
        }
        return String.format(java.util.Locale.ROOT, "%+.2f [%+.2f, %+.2f]", mean, low, high);
    }
}
