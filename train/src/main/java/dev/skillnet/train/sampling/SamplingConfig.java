package dev.skillnet.train.sampling;

import dev.skillnet.core.UserInputException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which sampling strategy to use and its parameter, written as {@code "proportional"}, {@code
 * "temperature:2"}, {@code "capped:5000"} or {@code "uniform"}, and any task weights on top (as
 * jiant's {@code SpecifiedProbMultiTaskSampler} lets a user set a task's share), and the order in
 * which the batches follow those probabilities.
 *
 * @param strategy the strategy
 * @param temperature T for {@link SamplingStrategy#TEMPERATURE} (positive, finite); 1 otherwise
 * @param cap K for {@link SamplingStrategy#CAPPED} (at least 1); 0 otherwise
 * @param taskWeights multipliers of the strategy's probabilities by task name (positive, finite),
 *     renormalised after; a task not named keeps weight 1. Null reads as none (a {@code job.json}
 *     written before weights existed).
 * @param order drawn at random or spread evenly; null reads as {@link TaskOrder#RANDOM} (a {@code
 *     job.json} written before orders existed)
 */
public record SamplingConfig(SamplingStrategy strategy, double temperature, long cap, Map<String, Double> taskWeights,
        TaskOrder order) {

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
        TreeMap<String, Double> weights = new TreeMap<>();
        if (taskWeights != null) {
            taskWeights.forEach((task, w) -> {
                if (task == null || task.isBlank()) {
                    throw new UserInputException("a task weight needs a task name, found '" + task + "'");
                }
                if (w == null || !(w > 0) || !Double.isFinite(w)) {
                    throw new UserInputException("the weight of task '" + task + "' must be a positive number, found "
                            + w);
                }
                weights.put(task, w);
            });
        }
        taskWeights = Collections.unmodifiableMap(weights);
        order = order == null ? TaskOrder.RANDOM : order;
    }

    /**
     * @param strategy the strategy
     * @param temperature T for temperature sampling, 1 otherwise
     * @param cap K for capped sampling, 0 otherwise
     */
    public SamplingConfig(SamplingStrategy strategy, double temperature, long cap) {
        this(strategy, temperature, cap, Map.of(), TaskOrder.RANDOM);
    }

    /**
     * @param weights multipliers by task name; a task not named keeps weight 1
     * @return this strategy with those task weights (replacing any it had)
     * @throws UserInputException if a weight is not a positive number
     */
    public SamplingConfig withTaskWeights(Map<String, Double> weights) {
        return new SamplingConfig(strategy, temperature, cap, weights, order);
    }

    /**
     * @param v drawn at random or spread evenly
     * @return this strategy and weights with that order
     */
    public SamplingConfig withOrder(TaskOrder v) {
        return new SamplingConfig(strategy, temperature, cap, taskWeights, v);
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
     * The probability of each task: the strategy's, times the task's weight, renormalised. A
     * weight naming a task that is not among {@code names} is ignored (a run may train only some
     * of the declared tasks); a task of size 0 gets probability 0.
     *
     * @param names the task names, in the order of {@code sizes}
     * @param sizes the number of training examples of each task (none negative)
     * @return probabilities summing to 1, one per task
     * @throws UserInputException if there are no tasks or every size is 0
     */
    public double[] probabilities(List<String> names, long[] sizes) {
        if (names.size() != sizes.length) {
            throw new IllegalArgumentException(names.size() + " task names but " + sizes.length + " sizes");
        }
        double[] p = probabilities(sizes);
        if (taskWeights.isEmpty()) {
            return p;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] *= taskWeights.getOrDefault(names.get(i), 1.0);
        }
        return normalised(p);
    }

    /**
     * The strategy's probability of each task given the tasks' sizes, before any task weight. A
     * task of size 0 gets probability 0 under every strategy.
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
        return normalised(weights);
    }

    /**
     * @param weights non-negative, at least one positive
     * @return the same array, divided by its sum
     */
    private static double[] normalised(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= total;
        }
        return weights;
    }

    /**
     * @return the strategy as the configuration string it was parsed from, in canonical form,
     *     followed by the task weights if there are any and the order if it is even ({@code
     *     "temperature:3, weights msra_ner=2, even order"})
     */
    @Override
    public String toString() {
        String s = switch (strategy) {
            case PROPORTIONAL, UNIFORM -> strategy.jsonName();
            case TEMPERATURE -> "temperature:" + format(temperature);
            case CAPPED -> "capped:" + cap;
        };
        StringBuilder b = new StringBuilder(s);
        if (!taskWeights.isEmpty()) {
            b.append(", weights");
            taskWeights.forEach((task, w) -> b.append(' ').append(task).append('=').append(format(w)));
        }
        if (order == TaskOrder.EVEN) {
            b.append(", even order");
        }
        return b.toString();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
