package dev.skillnet.inference;

import java.util.List;

/**
 * One task of a loaded model, as its declaration describes it.
 *
 * @param name the task's name
 * @param type its type's JSON name ({@code single_text_classification}, {@code
 *     text_pair_classification}, {@code sequence_labeling}, {@code span_extraction})
 * @param skills the skills it activates
 * @param labels what its head outputs: the classes, or the tags for sequence labelling; empty for
 *     span extraction
 * @param maxLength its maximum input length in tokens; longer inputs are truncated (passages of
 *     reading comprehension are read in windows instead)
 */
public record TaskInfo(String name, String type, List<String> skills, List<String> labels, int maxLength) {

    /** Copies the lists. */
    public TaskInfo {
        skills = List.copyOf(skills);
        labels = List.copyOf(labels);
    }
}
