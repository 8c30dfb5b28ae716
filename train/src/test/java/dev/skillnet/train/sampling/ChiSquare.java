package dev.skillnet.train.sampling;

/**
 * Test helper: the Pearson chi-square statistic and the chi-square distribution's quantiles,
 * computed from the regularised incomplete gamma function (Numerical Recipes, ch. 6.2).
 */
final class ChiSquare {

    private ChiSquare() {}

    /** Σ (observed − expected)² / expected over categories with positive probability. */
    static double statistic(long[] observed, double[] probabilities) {
        long total = 0;
        for (long o : observed) {
            total += o;
        }
        double chi2 = 0;
        for (int i = 0; i < observed.length; i++) {
            if (probabilities[i] > 0) {
                double expected = total * probabilities[i];
                chi2 += (observed[i] - expected) * (observed[i] - expected) / expected;
            }
        }
        return chi2;
    }

    /** The x with P(χ²_df ≤ x) = p, by bisection on the CDF. */
    static double quantile(int df, double p) {
        double lo = 0;
        double hi = 10.0 * df + 100;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(df, mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(χ²_df ≤ x) = P(df/2, x/2), the regularised lower incomplete gamma function. */
    static double cdf(int df, double x) {
        return x <= 0 ? 0 : regularizedGammaP(df / 2.0, x / 2.0);
    }

    private static double regularizedGammaP(double a, double x) {
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 1000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
        }
        // Continued fraction for Q(a, x) (modified Lentz).
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return 1 - Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9). */
    static double logGamma(double x) {
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905,
            -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += g[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
