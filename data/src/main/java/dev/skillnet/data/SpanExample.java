package dev.skillnet.data;

import java.util.List;

/**
 * A span-extraction reading-comprehension example (SQuAD style).
 *
 * @param id the question id
 * @param articleId the id of the article the passage belongs to (for splitting by article)
 * @param context the passage
 * @param question the question
 * @param answers the reference answers, at least one of them located in the context
 * @param source where the question is
 */
public record SpanExample(
        String id,
        String articleId,
        String context,
        String question,
        List<Answer> answers,
        Source source) {

    /** Makes an unmodifiable copy of the answers. */
    public SpanExample {
        answers = List.copyOf(answers);
    }

    /** @return the first answer located in the context (the training target) */
    public Answer firstLocatedAnswer() {
        return answers.stream().filter(Answer::located).findFirst().orElseThrow();
    }
}
