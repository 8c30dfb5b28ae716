package dev.skillnet.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The data file formats a task declaration can name in {@code data.format}. */
public enum Format {
    /** Tab-separated columns, no quoting. */
    TSV(Kind.TEXT),
    /** RFC 4180 comma-separated values. */
    CSV(Kind.TEXT),
    /** One JSON object per line. */
    JSONL(Kind.TEXT),
    /** One {@code char tag} per line, blank line between sentences. */
    CONLL(Kind.TAGGED),
    /** One JSON object per line with {@code text} and {@code entities} (code-point offsets). */
    NER_JSONL(Kind.TAGGED),
    /** SQuAD v1.1 JSON. */
    SQUAD(Kind.SPAN);

    /** What kind of examples a format gives. */
    public enum Kind {
        /** {@link TextExample}. */
        TEXT,
        /** {@link TaggedExample}. */
        TAGGED,
        /** {@link SpanExample}. */
        SPAN
    }

    private final Kind kind;

    Format(Kind kind) {
        this.kind = kind;
    }

    /** @return the kind of examples this format gives */
    public Kind kind() {
        return kind;
    }

    /** @return the name used in declarations, such as {@code ner_jsonl} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Looks a format up by its declaration name.
     *
     * @param id the name
     * @return the format, or {@code null} when unknown
     */
    public static Format byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    /** @return the declaration names, comma-separated, for messages */
    public static String ids() {
        return Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", "));
    }
}
