package dev.skillnet.data.read;

import dev.skillnet.core.UserInputException;
import dev.skillnet.data.DataSpec;
import dev.skillnet.data.Format;
import dev.skillnet.data.SpanExample;
import dev.skillnet.data.SplitSource;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.data.TextExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the splits of one task's data as its {@link DataSpec} declares: each split concatenates
 * its sources, each source being a whole file or a seeded fraction of one (see {@link
 * SplitSource}). A file used by several splits is parsed once per reader.
 *
 * <p>Examples are {@link TextExample} (tsv, csv, jsonl), {@link TaggedExample} (conll, ner_jsonl)
 * or {@link SpanExample} (squad). Every problem with the data is a {@link UserInputException}
 * naming the file and line.
 */
public final class DatasetReader {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetReader.class);

    private final DataSpec spec;
    private final Path dataDir;
    private final Map<Path, FileExamples<?>> cache = new HashMap<>();
    private final Map<String, ReadSummary> summaries = new LinkedHashMap<>();

    /**
     * @param spec the data declaration
     * @param dataRoot the data root; files are looked up in {@code dataRoot/spec.dir()}
     */
    public DatasetReader(DataSpec spec, Path dataRoot) {
        this.spec = spec;
        this.dataDir = dataRoot.resolve(spec.dir()).toAbsolutePath().normalize();
    }

    /** @return the declared split names, in declaration order */
    public Set<String> splits() {
        return spec.splits();
    }

    /** @return the folder the files are read from */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Reads a split.
     *
     * @param split the split name
     * @return its examples: {@link TextExample}, {@link TaggedExample} or {@link SpanExample}
     *     according to the format
     * @throws UserInputException for an unknown split, a missing file, an empty split or bad data
     */
    public List<?> read(String split) {
        List<SplitSource> sources = spec.sources(split);
        List<Object> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (SplitSource source : sources) {
            Path file = dataDir.resolve(source.file()).normalize();
            FileExamples<?> all = load(split, file);
            if (!files.contains(file)) {
                files.add(file);
                all.skippedByLabel().forEach((label, n) -> skipped.merge(label, n, Integer::sum));
            }
            out.addAll(Sampler.take(all.examples(), source,
                    e -> e instanceof SpanExample s ? s.articleId() : ""));
        }
        if (out.isEmpty()) {
            throw new UserInputException(files.get(0), 0, "split '" + split + "' of "
                    + files.get(0).getFileName() + " has no examples (after taking the declared"
                    + " fraction)");
        }
        ReadSummary summary = new ReadSummary(split, files, out.size(), skipped);
        summaries.put(split, summary);
        LOG.info("Read {}", summary);
        if (summary.skipped() > 0) {
            LOG.warn("Skipped {} row(s) of split '{}' with labels {} listed in skip_labels",
                    summary.skipped(), split, skipped);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Reads a split of a classification task.
     *
     * @param split the split name
     * @return its text examples
     * @throws UserInputException when the format does not give text examples
     */
    @SuppressWarnings("unchecked")
    public List<TextExample> readText(String split) {
        requireKind(Format.Kind.TEXT);
        return (List<TextExample>) read(split);
    }

    /**
     * Reads a split of a tagging task.
     *
     * @param split the split name
     * @return its tagged examples
     * @throws UserInputException when the format does not give tagged examples
     */
    @SuppressWarnings("unchecked")
    public List<TaggedExample> readTagged(String split) {
        requireKind(Format.Kind.TAGGED);
        return (List<TaggedExample>) read(split);
    }

    /**
     * Reads a split of a reading-comprehension task.
     *
     * @param split the split name
     * @return its span examples
     * @throws UserInputException when the format does not give span examples
     */
    @SuppressWarnings("unchecked")
    public List<SpanExample> readSpans(String split) {
        requireKind(Format.Kind.SPAN);
        return (List<SpanExample>) read(split);
    }

    /**
     * @param split a split name
     * @return the summary of its last read, or {@code null} when it has not been read
     */
    public ReadSummary summary(String split) {
        return summaries.get(split);
    }

    /** @return the summaries of all splits read so far, in reading order */
    public Map<String, ReadSummary> summaries() {
        return Collections.unmodifiableMap(summaries);
    }

    private FileExamples<?> load(String split, Path file) {
        FileExamples<?> cached = cache.get(file);
        if (cached != null) {
            return cached;
        }
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file, 0, "split '" + split + "': data file not found (data"
                    + " folder '" + spec.dir() + "' declared in " + spec.declarationFile() + ")");
        }
        FileExamples<?> read = switch (spec.format()) {
            case TSV, CSV -> TabularReader.read(file, spec);
            case JSONL -> JsonLinesReader.read(file, spec);
            case CONLL -> ConllReader.read(file, spec);
            case NER_JSONL -> NerJsonlReader.read(file, spec);
            case SQUAD -> SquadReader.read(file);
        };
        if (read.examples().isEmpty()) {
            throw new UserInputException(file, 0, "split '" + split + "' of " + file.getFileName()
                    + " has no examples" + (read.skipped() > 0
                            ? " (all " + read.skipped() + " rows have labels in skip_labels)" : ""));
        }
        cache.put(file, read);
        return read;
    }

    private void requireKind(Format.Kind kind) {
        if (spec.format().kind() != kind) {
            throw new UserInputException(spec.declarationFile(), 0, "data.format: format '"
                    + spec.format().id() + "' gives " + spec.format().kind().name().toLowerCase(Locale.ROOT)
                    + " examples, but this task needs " + kind.name().toLowerCase(Locale.ROOT) + " examples");
        }
    }
}
