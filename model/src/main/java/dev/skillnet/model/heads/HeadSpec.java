package dev.skillnet.model.heads;

/**
 * The head a task needs.
 *
 * @param task the task's name, used as the head's name under {@code heads.}
 * @param kind what the head reads and outputs
 * @param outputs the number of classes (tags for TOKEN, 2 for SPAN)
 */
public record HeadSpec(String task, HeadKind kind, int outputs) {}
