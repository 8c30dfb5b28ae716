package dev.skillnet.tasks.run;

import dev.skillnet.data.SpanExample;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.data.TextExample;
import java.util.List;

/** The raw texts of an example of any task type, for building a vocabulary. */
public final class ExampleTexts {

    private ExampleTexts() {}

    /**
     * @param example a {@link TextExample}, {@link TaggedExample} or {@link SpanExample}
     * @return its texts
     */
    public static List<String> of(Object example) {
        if (example instanceof TextExample t) {
            return t.textPair() == null ? List.of(t.text()) : List.of(t.text(), t.textPair());
        }
        if (example instanceof TaggedExample t) {
            return List.of(String.join("", t.chars()));
        }
        if (example instanceof SpanExample s) {
            return List.of(s.question(), s.context());
        }
        throw new IllegalArgumentException("unknown example type " + example.getClass());
    }
}
