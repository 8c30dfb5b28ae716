package dev.skillnet.train.sampling;

import dev.skillnet.core.UserInputException;
import java.util.Locale;
import java.util.Objects;

/**
 * Which sampling strategy to use and its parameter, written as {@code "proportional"}, {@code
 * "temperature:2"}, {@code "capped:5000"} or {@code "uniform"}.
 *
 * @param strategy the strategy
 * @param temperature T for {@link SamplingStrategy#TEMPERATURE} (positive, finite); 1 otherwise
 * @param cap K for {@link SamplingStrategy#CAPPED} (at least 1); 0 otherwise
 */
public record SamplingConfig(SamplingStrategy strategy, double temperature, long cap) {

    /** The form of a configuration string, for error messages. */
    public static final String FORMS = "proportional, temperature:T (T > 0), capped:K (K >= 1) or uniform";

    /** Checks the parameter of the strategy. */
    public SamplingConfig {
        Objects.requireNonNull(strategy, "strategy");
        if (strategy == SamplingStrategy.TEMPERATURE && !(temperature > 0 && Double.isFinite(temperature))) {
            throw new UserInputException("sampling temperature must be a positive number, found " + temperature);
        }
        if (strategy == SamplingStrategy.CAPPED && cap < 1) {
            throw new UserInputException("sampling cap must be at least 1, found " + cap);
        }
    }

    /** @return the default: proportional to size */
    public static SamplingConfig proportional() {
        return new SamplingConfig(SamplingStrategy.PROPORTIONAL, 1, 0);
    }

    /**
     * @param t the temperature
     * @return p_i ∝ n_i^(1/t)
     */
    public static SamplingConfig temperature(double t) {
        return new SamplingConfig(SamplingStrategy.TEMPERATURE, t, 0);
    }

    /**
     * @param k the cap
     * @return p_i ∝ min(n_i, k)
     */
    public static SamplingConfig capped(long k) {
        return new SamplingConfig(SamplingStrategy.CAPPED, 1, k);
    }

    /** @return equal probability for every task with examples */
    public static SamplingConfig uniform() {
        return new SamplingConfig(SamplingStrategy.UNIFORM, 1, 0);
    }

    /**
     * Parses a configuration string (case-insensitive, surrounding spaces ignored).
     *
     * @param text such as {@code "temperature:2"}
     * @return the configuration
     * @throws UserInputException if the text is not one of the four forms
     */
    public static SamplingConfig parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        String value = colon < 0 ? null : s.substring(colon + 1).strip();
        switch (name) {
            case "proportional", "uniform" -> {
                if (value != null) {
                    throw bad(text, name + " takes no parameter");
                }
                return name.equals("uniform") ? uniform() : proportional();
            }
            case "temperature" -> {
                double t = number(text, value);
                if (!(t > 0) || !Double.isFinite(t)) {
                    throw bad(text, "the temperature must be a positive number");
                }
                return temperature(t);
            }
            case "capped" -> {
                double k = number(text, value);
                if (k != Math.rint(k) || k < 1 || k > Long.MAX_VALUE) {
                    throw bad(text, "the cap must be a whole number of at least 1");
                }
                return capped((long) k);
            }
            default -> throw bad(text, "unknown strategy '" + name + "'");
        }
    }

    private static double number(String text, String value) {
        if (value == null || value.isEmpty()) {
            throw bad(text, "a value is needed after ':'");
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw bad(text, "'" + value + "' is not a number");
        }
    }

    private static UserInputException bad(String text, String why) {
        return new UserInputException("invalid sampling '" + text + "': " + why + "; use " + FORMS);
    }

    /**
     * The probability of each task given the tasks' sizes. A task of size 0 gets probability 0
     * under every strategy.
     *
     * @param sizes the number of training examples of each task (none negative)
     * @return probabilities summing to 1, one per task
     * @throws UserInputException if there are no tasks or every size is 0
     */
    public double[] probabilities(long[] sizes) {
        if (sizes.length == 0) {
            throw new UserInputException("no tasks to sample from");
        }
        double[] weights = new double[sizes.length];
        double maxLog = Double.NEGATIVE_INFINITY;
        for (long n : sizes) {
            if (n < 0) {
                throw new IllegalArgumentException("negative task size " + n);
            }
            if (n > 0) {
                maxLog = Math.max(maxLog, Math.log(n));
            }
        }
        if (maxLog == Double.NEGATIVE_INFINITY) {
            throw new UserInputException("every task has 0 training examples; nothing to sample");
        }
        for (int i = 0; i < sizes.length; i++) {
            long n = sizes[i];
            weights[i] = n == 0 ? 0 : switch (strategy) {
                case PROPORTIONAL -> n;
                // Relative to the largest task, in log space, so that n^(1/T) cannot overflow.
                case TEMPERATURE -> Math.exp((Math.log(n) - maxLog) / temperature);
                case CAPPED -> Math.min(n, cap);
                case UNIFORM -> 1;
            };
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= total;
        }
        return weights;
    }

    /** @return the configuration string this was parsed from, in canonical form */
    @Override
    public String toString() {
        return switch (strategy) {
            case PROPORTIONAL, UNIFORM -> strategy.jsonName();
            case TEMPERATURE -> "temperature:" + (temperature == Math.rint(temperature)
                    ? Long.toString((long) temperature) : Double.toString(temperature));
            case CAPPED -> "capped:" + cap;
        };
    }
}
