package dev.skillnet.data;

import dev.skillnet.core.TagScheme;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.skillnet.core.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Parses and validates the {@code "data"} object of a declaration; see {@link DataSpec}. */
final class DataSpecParser {

    private static final Set<String> KEYS = Set.of("dir", "format", "header", "text", "text_pair",
            "label", "skip_labels", "scheme", "splits");
    private static final Set<String> SOURCE_KEYS = Set.of("file", "from", "to", "seed", "group");

    private final Path file;

    DataSpecParser(Path file) {
        this.file = file;
    }

    DataSpec parse(JsonObject data) {
        for (String key : data.keySet()) {
            if (!KEYS.contains(key)) {
                throw error("data." + key, "unknown field; known fields: " + String.join(", ",
                        new TreeSet<>(KEYS)));
            }
        }
        String dir = string(data, "dir", true);
        String formatId = string(data, "format", true);
        Format format = Format.byId(formatId);
        if (format == null) {
            throw error("data.format", "unknown format '" + formatId + "'; expected one of "
                    + Format.ids());
        }
        boolean tabular = format == Format.TSV || format == Format.CSV;
        boolean header = true;
        if (data.has("header")) {
            if (!tabular) {
                forbid(data, "header", format);
            }
            JsonElement h = data.get("header");
            if (!h.isJsonPrimitive() || !h.getAsJsonPrimitive().isBoolean()) {
                throw error("data.header", "must be true or false, found " + h);
            }
            header = h.getAsBoolean();
        }
        boolean text = format.kind() == Format.Kind.TEXT;
        FieldRef textRef = null;
        FieldRef pairRef = null;
        FieldRef labelRef = null;
        if (text) {
            textRef = ref(data, "text", true, tabular, header);
            pairRef = ref(data, "text_pair", false, tabular, header);
            labelRef = ref(data, "label", true, tabular, header);
        } else {
            forbid(data, "text_pair", format);
            forbid(data, "label", format);
            forbid(data, "skip_labels", format);
            if (format == Format.NER_JSONL) {
                textRef = data.has("text") ? ref(data, "text", true, false, true)
                        : FieldRef.named("text");
            } else {
                forbid(data, "text", format);
            }
        }
        TagScheme scheme = null;
        if (format.kind() == Format.Kind.TAGGED) {
            String s = data.has("scheme") ? string(data, "scheme", true) : "BIO";
            try {
                scheme = TagScheme.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error("data.scheme", "unknown scheme '" + s + "'; expected BIO, BIOES or BMES");
            }
        } else {
            forbid(data, "scheme", format);
        }
        Set<String> skip = text ? skipLabels(data) : Set.of();
        Map<String, List<SplitSource>> splits = splits(data, format);
        return new DataSpec(file, dir, format, header, textRef, pairRef, labelRef, skip, scheme,
                splits);
    }

    private FieldRef ref(JsonObject data, String key, boolean required, boolean tabular,
            boolean header) {
        JsonElement v = data.get(key);
        if (v == null || v.isJsonNull()) {
            if (required) {
                throw error("data." + key, "required field is missing");
            }
            return null;
        }
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
            if (!tabular) {
                throw error("data." + key, "must be a field name (a string) for this format");
            }
            double d = v.getAsDouble();
            if (d < 0 || d != Math.rint(d)) {
                throw error("data." + key, "a column index must be a whole number >= 0, found " + v);
            }
            return FieldRef.at((int) d);
        }
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()
                && !v.getAsString().isEmpty()) {
            if (tabular && !header) {
                throw error("data." + key, "the files have no header (\"header\": false), so this"
                        + " must be a 0-based column index, not '" + v.getAsString() + "'");
            }
            return FieldRef.named(v.getAsString());
        }
        throw error("data." + key, "must be a column/field name or a 0-based column index, found "
                + v);
    }

    private Set<String> skipLabels(JsonObject data) {
        JsonElement v = data.get("skip_labels");
        if (v == null) {
            return Set.of();
        }
        if (!v.isJsonArray()) {
            throw error("data.skip_labels", "must be a list of labels, found " + v);
        }
        Set<String> labels = new LinkedHashSet<>();
        for (JsonElement e : v.getAsJsonArray()) {
            if (!e.isJsonPrimitive()) {
                throw error("data.skip_labels", "labels must be strings or numbers, found " + e);
            }
            labels.add(e.getAsString());
        }
        return labels;
    }

    private Map<String, List<SplitSource>> splits(JsonObject data, Format format) {
        JsonElement v = data.get("splits");
        if (v == null || !v.isJsonObject() || v.getAsJsonObject().isEmpty()) {
            throw error("data.splits", "required: an object from split name to a file name or a"
                    + " list of sources, found " + v);
        }
        Map<String, List<SplitSource>> splits = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : v.getAsJsonObject().entrySet()) {
            String where = "data.splits." + e.getKey();
            JsonElement s = e.getValue();
            List<SplitSource> sources = new ArrayList<>();
            if (s.isJsonArray() && !s.getAsJsonArray().isEmpty()) {
                JsonArray a = s.getAsJsonArray();
                for (int i = 0; i < a.size(); i++) {
                    sources.add(source(a.get(i), where + "[" + i + "]", format));
                }
            } else if (s.isJsonPrimitive() && s.getAsJsonPrimitive().isString()) {
                sources.add(source(s, where, format));
            } else {
                throw error(where, "must be a file name or a non-empty list of sources, found " + s);
            }
            splits.put(e.getKey(), sources);
        }
        return splits;
    }

    private SplitSource source(JsonElement s, String where, Format format) {
        if (s.isJsonPrimitive() && s.getAsJsonPrimitive().isString()) {
            String name = s.getAsString();
            if (name.isBlank()) {
                throw error(where, "the file name is empty");
            }
            return SplitSource.whole(name);
        }
        if (!s.isJsonObject()) {
            throw error(where, "must be a file name or an object with \"file\", found " + s);
        }
        JsonObject o = s.getAsJsonObject();
        for (String key : o.keySet()) {
            if (!SOURCE_KEYS.contains(key)) {
                throw error(where + "." + key, "unknown field; known fields: file, from, to, seed,"
                        + " group");
            }
        }
        String name = string(o, "file", true, where + ".file");
        double from = fraction(o, "from", 0.0, where);
        double to = fraction(o, "to", 1.0, where);
        if (from >= to) {
            throw error(where, "\"from\" (" + from + ") must be less than \"to\" (" + to + ")");
        }
        Long seed = null;
        if (o.has("seed")) {
            JsonElement e = o.get("seed");
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()
                    || e.getAsDouble() != Math.rint(e.getAsDouble())) {
                throw error(where + ".seed", "must be a whole number, found " + e);
            }
            seed = e.getAsLong();
        } else if (from != 0.0 || to != 1.0) {
            throw error(where + ".seed", "required when \"from\"/\"to\" take part of the file, so"
                    + " that the split is reproducible");
        }
        boolean byArticle = false;
        if (o.has("group")) {
            String g = string(o, "group", true, where + ".group");
            if (!g.equals("article")) {
                throw error(where + ".group", "unknown grouping '" + g + "'; only \"article\" is"
                        + " supported");
            }
            if (format != Format.SQUAD) {
                throw error(where + ".group", "\"group\": \"article\" needs format squad, not "
                        + format.id());
            }
            byArticle = true;
        }
        return new SplitSource(name, from, to, seed, byArticle);
    }

    private double fraction(JsonObject o, String key, double dflt, String where) {
        JsonElement e = o.get(key);
        if (e == null) {
            return dflt;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()
                || e.getAsDouble() < 0 || e.getAsDouble() > 1) {
            throw error(where + "." + key, "must be a number from 0 to 1, found " + e);
        }
        return e.getAsDouble();
    }

    private String string(JsonObject o, String key, boolean required) {
        return string(o, key, required, "data." + key);
    }

    private String string(JsonObject o, String key, boolean required, String where) {
        JsonElement v = o.get(key);
        if (v == null || v.isJsonNull()) {
            if (required) {
                throw error(where, "required field is missing");
            }
            return null;
        }
        if (!(v instanceof JsonPrimitive p) || !p.isString() || p.getAsString().isBlank()) {
            throw error(where, "must be a non-empty string, found " + v);
        }
        return v.getAsString();
    }

    private void forbid(JsonObject data, String key, Format format) {
        if (data.has(key)) {
            throw error("data." + key, "not used by format " + format.id() + "; remove it");
        }
    }

    private UserInputException error(String field, String reason) {
        return new UserInputException(file, 0, field + ": " + reason);
    }
}
