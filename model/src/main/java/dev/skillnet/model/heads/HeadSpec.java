package dev.skillnet.model.heads;

import java.util.Objects;

/**
 * The head a task needs.
 *
 * @param task the task's name, used as the head's name under {@code heads.}
 * @param kind what the head reads and outputs
 * @param outputs the number of classes (tags for TOKEN, 2 for SPAN)
 * @param pooling what a SEQUENCE head reads (always {@link Pooling#CLS} for the other kinds)
 */
public record HeadSpec(String task, HeadKind kind, int outputs, Pooling pooling) {

    /** Checks that only sequence heads pool otherwise than through the pooler. */
    public HeadSpec {
        Objects.requireNonNull(pooling, "pooling");
        if (kind != HeadKind.SEQUENCE && pooling != Pooling.CLS) {
            throw new IllegalArgumentException("only a sequence head pools; " + kind + " head '" + task
                    + "' cannot use " + pooling.json() + " pooling");
        }
    }

    /**
     * A head reading the pooler (for SEQUENCE) or every token (TOKEN, SPAN).
     *
     * @param task the task's name
     * @param kind what the head reads and outputs
     * @param outputs the number of classes
     */
    public HeadSpec(String task, HeadKind kind, int outputs) {
        this(task, kind, outputs, Pooling.CLS);
    }
}
