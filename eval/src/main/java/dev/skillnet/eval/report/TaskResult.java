package dev.skillnet.eval.report;

import dev.skillnet.eval.metrics.Score;
import java.util.List;

/**
 * One task's line in an evaluation report.
 *
 * @param task the task's name
 * @param skills the skills it activates
 * @param score its score on the evaluated split
 * @param baseline the majority baseline's score on the same split, or {@code null} where there is none
 */
public record TaskResult(String task, List<String> skills, Score score, Score baseline) {

    /** Copies the skill list. */
    public TaskResult {
        skills = List.copyOf(skills);
    }

    /** @return whether the model beats the baseline (true when there is no baseline) */
    public boolean beatsBaseline() {
        return baseline == null || score.value() > baseline.value();
    }
}
