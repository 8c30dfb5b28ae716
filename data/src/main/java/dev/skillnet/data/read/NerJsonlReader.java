package dev.skillnet.data.read;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.DataSpec;
import dev.skillnet.data.Source;
import dev.skillnet.data.TaggedExample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads tagged sentences from JSON lines {@code {"text": "...", "entities": [{"start": s, "end":
 * e, "type": "PER"}]}}, where offsets count code points and {@code end} is exclusive; the spans
 * become tags of the declared scheme, one per code point.
 */
final class NerJsonlReader {

    private NerJsonlReader() {}

    static FileExamples<TaggedExample> read(Path file, DataSpec spec) {
        List<String> lines = Utf8Text.readLines(file);
        List<TaggedExample> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            long n = i + 1;
            JsonObject o = StrictJson.object(lines.get(i), file, n);
            String text = StrictJson.text(o, spec.text().name(), "the record", file, n);
            List<String> chars = text.codePoints().mapToObj(Character::toString).toList();
            List<String> tags = new ArrayList<>(Collections.nCopies(chars.size(), "O"));
            JsonElement entities = o.get("entities");
            if (entities == null || !entities.isJsonArray()) {
                throw new UserInputException(file, n, entities == null
                        ? "field 'entities' absent; the record has: " + String.join(", ", o.keySet())
                        : "field 'entities' must be a list, found " + StrictJson.brief(entities));
            }
            for (JsonElement e : (JsonArray) entities) {
                tag(e, tags, spec, file, n);
            }
            out.add(new TaggedExample(chars, tags, new Source(file, n)));
        }
        return new FileExamples<>(file, out, Map.of());
    }

    private static void tag(JsonElement e, List<String> tags, DataSpec spec, Path file, long n) {
        if (!e.isJsonObject()) {
            throw new UserInputException(file, n, "an entity must be an object with start, end"
                    + " and type, found " + StrictJson.brief(e));
        }
        JsonObject o = e.getAsJsonObject();
        int start = offset(o, "start", file, n);
        int end = offset(o, "end", file, n);
        String type = StrictJson.text(o, "type", "the entity", file, n);
        if (start >= end || end > tags.size()) {
            throw new UserInputException(file, n, "entity [" + start + ", " + end + ") of type '"
                    + type + "' is not inside the text of " + tags.size() + " characters");
        }
        for (int k = start; k < end; k++) {
            if (!tags.get(k).equals("O")) {
                throw new UserInputException(file, n, "entity [" + start + ", " + end + ") of type '"
                        + type + "' overlaps another entity at character " + k);
            }
        }
        List<String> span = spec.scheme().spanTags(type, end - start);
        for (int k = start; k < end; k++) {
            tags.set(k, span.get(k - start));
        }
    }

    private static int offset(JsonObject o, String field, Path file, long n) {
        String v = StrictJson.text(o, field, "the entity", file, n);
        try {
            int i = Integer.parseInt(v);
            if (i >= 0) {
                return i;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UserInputException(file, n, "entity field '" + field
                + "' must be a whole number >= 0, found " + v);
    }
}
