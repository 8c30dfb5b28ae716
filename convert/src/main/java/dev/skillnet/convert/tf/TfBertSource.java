package dev.skillnet.convert.tf;

import dev.skillnet.convert.source.WeightSource;
import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Google BERT checkpoint in TensorFlow's tensor-bundle format ({@code bert_model.ckpt.index}
 * with its data shards, or a TF-Hub SavedModel's {@code variables/variables.index}) seen as a
 * {@link WeightSource}: names mapped by {@link BertNames}, kernels transposed to [out, in].
 *
 * <p>Optimizer slots, {@code global_step}, {@code save_counter}, the TF2 object graph and tensors
 * that are not floating-point are skipped, as are float tensors outside BERT's scopes (a
 * fine-tuning head, say). A float tensor inside {@code bert/} or {@code cls/} that no rule maps is
 * an error listing every such tensor: silently dropping a weight would give a broken model.
 */
public final class TfBertSource implements WeightSource {

    private static final Logger LOG = LoggerFactory.getLogger(TfBertSource.class);
    private static final int MAX_LISTED = 20;

    /** Where one HuggingFace tensor comes from. */
    private record Source(String tfName, boolean transpose, long[] hfShape) {}

    private final TensorBundle bundle;
    private final Map<String, Source> sources;
    private final Map<String, long[]> shapes;

    private TfBertSource(TensorBundle bundle, Map<String, Source> sources) {
        this.bundle = bundle;
        this.sources = sources;
        Map<String, long[]> s = new LinkedHashMap<>();
        sources.forEach((name, src) -> s.put(name, src.hfShape().clone()));
        this.shapes = Collections.unmodifiableMap(s);
    }

    /**
     * Opens a bundle and maps its BERT variables.
     *
     * @param indexFileOrPrefix the bundle's {@code .index} file or its prefix
     * @return the source; close it to release the bundle's files
     * @throws IOException when a file cannot be read
     * @throws UserInputException when the bundle is corrupt, holds no BERT variable, holds an
     *     unmapped float tensor under {@code bert/} or {@code cls/}, holds the same weight twice,
     *     or a kernel is not 2-D
     */
    public static TfBertSource open(Path indexFileOrPrefix) throws IOException {
        TensorBundle bundle = TensorBundle.open(indexFileOrPrefix);
        try {
            return new TfBertSource(bundle, map(bundle));
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    private static Map<String, Source> map(TensorBundle bundle) {
        Path file = bundle.indexFile();
        List<BertNames.Mapping> mapped = new ArrayList<>();
        Map<String, BundleEntry> byHfName = new LinkedHashMap<>();
        List<String> unmapped = new ArrayList<>();
        int bookkeeping = 0;
        int nonFloat = 0;
        int outside = 0;
        for (BundleEntry e : bundle.entries().values()) {
            if (BertNames.isBookkeeping(e.name())) {
                bookkeeping++;
            } else if (!TfDtype.isFloating(e.dtype())) {
                nonFloat++;
            } else {
                var m = BertNames.map(e.name());
                if (m.isPresent()) {
                    BundleEntry other = byHfName.put(m.get().hfName(), e);
                    if (other != null) {
                        throw new UserInputException(file, "tensors '" + other.name() + "' and '" + e.name()
                                + "' both map to " + m.get().hfName());
                    }
                    mapped.add(m.get());
                } else if (BertNames.inBertScope(e.name())) {
                    unmapped.add(e.name() + " " + e.shapeText());
                } else {
                    outside++;
                    LOG.debug("{}: skipping '{}', not a BERT weight", file, e.name());
                }
            }
        }
        if (!unmapped.isEmpty()) {
            throw new UserInputException(file, unmapped.size() + " float tensor(s) under bert/ or cls/ match no"
                    + " known BERT weight: " + String.join(", ", unmapped.subList(0, Math.min(MAX_LISTED,
                    unmapped.size()))) + (unmapped.size() > MAX_LISTED ? ", ..." : ""));
        }
        if (mapped.isEmpty()) {
            throw new UserInputException(file, "no BERT weight found (expected names like"
                    + " bert/embeddings/word_embeddings) among " + bundle.entries().size() + " tensors");
        }
        LOG.info("{}: {} BERT tensors; skipped {} optimizer/bookkeeping, {} non-float, {} outside BERT",
                file, mapped.size(), bookkeeping, nonFloat, outside);
        mapped.sort(BertNames.ORDER);
        Map<String, Source> sources = new LinkedHashMap<>();
        for (BertNames.Mapping m : mapped) {
            BundleEntry e = byHfName.get(m.hfName());
            long[] shape = e.shape();
            if (m.transpose()) {
                if (shape.length != 2) {
                    throw new UserInputException(file, "kernel '" + e.name() + "' has shape " + e.shapeText()
                            + ", expected 2-D [in, out]");
                }
                shape = new long[] {shape[1], shape[0]};
            }
            sources.put(m.hfName(), new Source(e.name(), m.transpose(), shape));
        }
        return Collections.unmodifiableMap(sources);
    }

    /** @return the bundle's index file */
    @Override
    public Path file() {
        return bundle.indexFile();
    }

    /** @return HuggingFace name to shape ([out, in] for dense weights), in HuggingFace's module order */
    @Override
    public Map<String, long[]> shapes() {
        return shapes;
    }

    /** @return 0: a tensor bundle does not record the head count ({@code bert_config.json} does) */
    @Override
    public int attentionHeads() {
        return 0;
    }

    /**
     * @param hfName a key of {@link #shapes()}
     * @return the TensorFlow variable it is read from
     */
    public String tfName(String hfName) {
        return source(hfName).tfName();
    }

    /**
     * Reads one tensor, transposing a kernel from [in, out] to [out, in].
     *
     * @param name a key of {@link #shapes()}
     * @return its values, row-major in HuggingFace's layout
     * @throws IOException on a read failure
     * @throws UserInputException when the stored bytes are truncated or fail their checksum
     */
    @Override
    public float[] read(String name) throws IOException {
        Source src = source(name);
        float[] stored = bundle.readFloats(src.tfName());
        if (!src.transpose()) {
            return stored;
        }
        int out = Math.toIntExact(src.hfShape()[0]);
        int in = Math.toIntExact(src.hfShape()[1]);
        float[] t = new float[stored.length];
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                t[o * in + i] = stored[i * out + o];
            }
        }
        return t;
    }

    private Source source(String hfName) {
        Source s = sources.get(hfName);
        if (s == null) {
            throw new IllegalArgumentException("no tensor '" + hfName + "' in " + bundle.indexFile());
        }
        return s;
    }

    /** Closes the bundle's shard files. */
    @Override
    public void close() throws IOException {
        bundle.close();
    }
}
