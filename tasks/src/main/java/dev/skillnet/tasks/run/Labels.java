package dev.skillnet.tasks.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.read.DatasetReader;
import dev.skillnet.data.read.Utf8Text;
import dev.skillnet.tasks.declare.LabelSpec;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Resolves a declaration's {@code labels}: a list, the labels found in a split, or a labels file. */
final class Labels {

    private Labels() {}

    static List<String> resolve(TaskDeclaration d, DatasetReader reader, Function<String, List<String>> fromSplit) {
        LabelSpec spec = d.labels();
        return switch (spec.source()) {
            case LIST -> spec.values();
            case NONE -> List.of();
            case SPLIT -> {
                if (!reader.splits().contains(spec.split())) {
                    throw new UserInputException(d.file(), "labels come from split '" + spec.split()
                            + "' but the data declares only " + reader.splits());
                }
                yield fromSplit.apply(spec.split());
            }
            case FILE -> fromFile(d, reader.dataDir().resolve(spec.file()), spec.field());
        };
    }

    private static List<String> fromFile(TaskDeclaration d, Path file, String field) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(d.file(), "labels file " + file + " does not exist");
        }
        List<String> labels = new ArrayList<>();
        List<String> lines = Utf8Text.readLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonElement e = JsonParser.parseString(line);
                JsonObject o = e.getAsJsonObject();
                if (!o.has(field)) {
                    throw new UserInputException(file, i + 1, "missing field \"" + field + "\"; fields: " + o.keySet());
                }
                labels.add(o.get(field).getAsString());
            } catch (JsonParseException | IllegalStateException ex) {
                throw new UserInputException(file, i + 1, "not a JSON object line: " + ex.getMessage());
            }
        }
        if (labels.isEmpty()) {
            throw new UserInputException(file, "labels file has no labels");
        }
        return labels;
    }
}
