package dev.skillnet.skills;

import dev.skillnet.core.UserInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named skill: a sub-network in every encoder layer's feed-forward block that a task may
 * activate.
 *
 * @param name the identifier tasks use to ask for the skill; matches {@code [a-z][a-z0-9_]*}
 * @param description what the skill is for, for people reading tables and logs
 */
public record Skill(String name, String description) {

    /** The form every skill name (and task name) must have. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * Checks the name.
     *
     * @throws UserInputException if {@code name} does not match {@link #NAME}
     */
    public Skill {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!isValidName(name)) {
            throw new UserInputException(invalidNameReason(name));
        }
    }

    /**
     * @param name a candidate skill name
     * @return whether it matches {@code [a-z][a-z0-9_]*}
     */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * @param name a name that failed {@link #isValidName}
     * @return the explanation to put in an error message
     */
    public static String invalidNameReason(String name) {
        return "invalid skill name '" + name + "': use lower-case letters, digits and '_',"
                + " starting with a letter";
    }
}
