package dev.skillnet.tasks.declare;

import java.util.List;
import java.util.Objects;

/**
 * Where a task's labels come from. Exactly the components of the chosen {@link Source} are set;
 * the others are empty ({@code values}) or {@code null} (the strings).
 *
 * @param source which of the four forms this is
 * @param values the labels, in order, when {@code source} is {@link Source#LIST}; otherwise empty
 * @param split the split whose distinct labels (sorted) are the label set, when {@code source}
 *     is {@link Source#SPLIT}
 * @param file a JSON lines file, relative to the task's data directory, when {@code source} is
 *     {@link Source#FILE}
 * @param field the field of each line of {@code file} that holds a label
 */
public record LabelSpec(Source source, List<String> values, String split, String file, String field) {

    /** The forms a {@code "labels"} value can take. */
    public enum Source {
        /** An explicit list: {@code ["0", "1"]}. */
        LIST,
        /** The distinct labels of a split: {@code {"from": "train"}}. */
        SPLIT,
        /** A field of a JSON lines file: {@code {"file": "labels.json", "field": "label"}}. */
        FILE,
        /** No labels (span extraction). */
        NONE
    }

    /** Checks that exactly the components of {@code source} are set. */
    public LabelSpec {
        Objects.requireNonNull(source, "source");
        values = List.copyOf(values);
        boolean consistent = switch (source) {
            case LIST -> !values.isEmpty() && split == null && file == null && field == null;
            case SPLIT -> values.isEmpty() && split != null && file == null && field == null;
            case FILE -> values.isEmpty() && split == null && file != null && field != null;
            case NONE -> values.isEmpty() && split == null && file == null && field == null;
        };
        if (!consistent) {
            throw new IllegalArgumentException("inconsistent " + source + " label spec");
        }
    }

    /**
     * @param labels the labels in order
     * @return an explicit label list
     */
    public static LabelSpec list(List<String> labels) {
        return new LabelSpec(Source.LIST, labels, null, null, null);
    }

    /**
     * @param split a split name such as {@code "train"}
     * @return the distinct labels of that split, sorted
     */
    public static LabelSpec fromSplit(String split) {
        return new LabelSpec(Source.SPLIT, List.of(), split, null, null);
    }

    /**
     * @param file a JSON lines file relative to the data directory
     * @param field the field holding each label
     * @return the labels listed in that file
     */
    public static LabelSpec fromFile(String file, String field) {
        return new LabelSpec(Source.FILE, List.of(), null, file, field);
    }

    /** @return the absence of labels */
    public static LabelSpec none() {
        return new LabelSpec(Source.NONE, List.of(), null, null, null);
    }

    /** @return a short description for tables and logs, such as {@code 2 labels} or {@code from train} */
    public String describe() {
        return switch (source) {
            case LIST -> values.size() + (values.size() == 1 ? " label" : " labels");
            case SPLIT -> "from " + split;
            case FILE -> "from " + file + " (" + field + ")";
            case NONE -> "none";
        };
    }
}
