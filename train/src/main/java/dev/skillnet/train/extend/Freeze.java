package dev.skillnet.train.extend;

import dev.skillnet.core.UserInputException;
import java.util.Locale;

/** What an extension trains. */
public enum Freeze {
    /** Everything the new task runs: the shared encoder, its skills and its head. */
    ALL,
    /** Only the new skill(s) and the new head; the old skills and the shared encoder stay as they were. */
    NEW,
    /** Only the new head. */
    HEAD;

    /**
     * @param text all, new or head
     * @return the choice
     */
    public static Freeze parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("what to train: '" + text + "' is not one of all, new, head");
        }
    }
}
