package dev.skillnet.data.read;

import dev.skillnet.data.DataSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** One-call access to a task's data; use a {@link DatasetReader} to also get read summaries. */
public final class Datasets {

    private Datasets() {}

    /**
     * Reads one split.
     *
     * @param spec the data declaration
     * @param dataRoot the data root
     * @param split the split name
     * @return its examples, typed by format as {@link DatasetReader#read} says
     */
    public static List<?> read(DataSpec spec, Path dataRoot, String split) {
        return new DatasetReader(spec, dataRoot).read(split);
    }

    /**
     * @param spec the data declaration
     * @return its split names, in declaration order
     */
    public static Set<String> splits(DataSpec spec) {
        return spec.splits();
    }
}
