package dev.skillnet.train;

import dev.skillnet.core.UserInputException;
import java.util.Locale;

/** How the encoder's feed-forward sub-layers are routed; everything else is shared by the modes. */
public enum Mode {
    /** Declared skills per task, outputs averaged (SkillNet; the default). */
    SKILL,
    /** Task-specific fine-tuning: one plain model per task, each trained on its task alone. */
    SINGLE,
    /** One shared feed-forward for all tasks, trained jointly, a head per task. */
    DENSE,
    /** A mixture of experts per layer with a learned top-k gate and a load-balancing loss. */
    MOE;

    /**
     * @param text skill, single, dense or moe
     * @return the mode
     */
    public static Mode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("mode '" + text + "' is not one of skill, single, dense, moe");
        }
    }

    /** @return the lower-case name used on the command line */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
