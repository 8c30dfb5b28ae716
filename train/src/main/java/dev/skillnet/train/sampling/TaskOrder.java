package dev.skillnet.train.sampling;

import dev.skillnet.core.UserInputException;
import java.util.Locale;

/**
 * How the sampler turns the tasks' probabilities into a sequence of batches.
 */
public enum TaskOrder {
    /**
     * Each batch's task is drawn at random with the probabilities, as in the SkillNet paper: over a
     * short run the counts stray from their shares (in the demo's 340 batches cmrc2018, at p =
     * 0.069, is due 23.5 and got 16 at seed 13).
     */
    RANDOM,
    /**
     * Each task's batches are spread evenly through the run: after t batches, task i is fewer than
     * two batches from p_i t. The order interleaves the tasks and differs from seed to seed.
     */
    EVEN;

    /** The form of a configuration string, for error messages. */
    public static final String FORMS = "random or even";

    /** @return the lower-case name used in configuration strings */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code random} or {@code even} (case-insensitive, surrounding spaces ignored)
     * @return the order
     * @throws UserInputException if the text is neither
     */
    public static TaskOrder parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (TaskOrder o : values()) {
            if (o.jsonName().equals(s)) {
                return o;
            }
        }
        throw new UserInputException("invalid task order '" + text + "': use " + FORMS);
    }
}
