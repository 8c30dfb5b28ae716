package dev.skillnet.inference;

import java.util.Objects;

/**
 * The input of a reading-comprehension task.
 *
 * @param question the question
 * @param context the passage holding the answer
 */
public record Question(String question, String context) {

    /** Rejects missing texts. */
    public Question {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(context, "context");
    }
}
