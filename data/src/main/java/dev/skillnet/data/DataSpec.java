package dev.skillnet.data;

import dev.skillnet.core.TagScheme;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code "data"} object of a task declaration: where a task's examples are and how to read
 * them.
 *
 * @param declarationFile the declaration it was parsed from, for messages
 * @param dir the data folder, relative to the data root given at load time
 * @param format the file format
 * @param header whether tsv/csv files start with a header row
 * @param text the text column or field ({@code null} when the format does not use it)
 * @param textPair the second text column or field, or {@code null}
 * @param label the label column or field ({@code null} for conll, ner_jsonl and squad)
 * @param skipLabels labels whose rows are skipped (and counted)
 * @param scheme the tagging scheme (conll and ner_jsonl), or {@code null}
 * @param splitSources split name to its sources, in declaration order
 */
public record DataSpec(
        Path declarationFile,
        String dir,
        Format format,
        boolean header,
        FieldRef text,
        FieldRef textPair,
        FieldRef label,
        Set<String> skipLabels,
        TagScheme scheme,
        Map<String, List<SplitSource>> splitSources) {

    /** Makes unmodifiable copies of the collections. */
    public DataSpec {
        skipLabels = Set.copyOf(skipLabels);
        splitSources = Collections.unmodifiableMap(new LinkedHashMap<>(splitSources));
    }

    /**
     * Parses and validates a declaration's {@code "data"} object.
     *
     * @param data the object
     * @param declarationFile the declaration file, named in every error
     * @return the spec
     * @throws UserInputException naming the file and the field at fault
     */
    public static DataSpec parse(JsonObject data, Path declarationFile) {
        return new DataSpecParser(declarationFile).parse(data);
    }

    /** @return the declared split names, in declaration order */
    public Set<String> splits() {
        return splitSources.keySet();
    }

    /**
     * @param split a split name
     * @return its sources
     * @throws UserInputException when the declaration has no such split
     */
    public List<SplitSource> sources(String split) {
        List<SplitSource> sources = splitSources.get(split);
        if (sources == null) {
            throw new UserInputException(declarationFile, 0,
                    "data.splits has no split '" + split + "'; it has: " + String.join(", ", splits()));
        }
        return sources;
    }
}
