package dev.skillnet.convert.trim;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicDirectory;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import dev.skillnet.model.checkpoint.SafetensorsFile;
import dev.skillnet.model.checkpoint.SafetensorsWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code skillnet trim}: writes a smaller copy of a HuggingFace-layout BERT folder. Layers above
 * the kept ones are left out ({@code bert.encoder.layer.N.*}, N at or above the count); a cut
 * vocabulary keeps the rows of the kept wordpieces in every tensor indexed by wordpiece
 * ({@code bert.embeddings.word_embeddings.weight}, {@code cls.predictions.bias},
 * {@code cls.predictions.decoder.weight}) and writes the matching {@code vocab.txt}. Every other
 * tensor is copied as it is, so a kept wordpiece's embedding, and the output for any text made of
 * kept wordpieces, is exactly the original's (with all layers kept). When layers are cut, the new
 * top layer's {@code output.LayerNorm.bias} is then shifted so that the output averages zero over
 * a probe of ordinary text ({@link TopLayerCentring}): a middle layer's constant offsets would
 * otherwise reach the new task heads.
 *
 * <p>The folder appears complete or not at all (written under a temporary name and renamed), with
 * {@code trim.json} saying what was cut.
 */
public final class EncoderTrim {

    /** Provenance written beside the weights. */
    public static final String TRIM_JSON = "trim.json";

    /** The tensors with one row per wordpiece. */
    static final Set<String> BY_WORDPIECE = Set.of("bert.embeddings.word_embeddings.weight", "cls.predictions.bias",
            "cls.predictions.decoder.weight");

    private static final Pattern LAYER = Pattern.compile("^bert\\.encoder\\.layer\\.(\\d+)\\.");
    private static final String VOCAB = "vocab.txt";
    private static final List<String> TOKENIZER_FILES = List.of("tokenizer_config.json", "special_tokens_map.json");
    private static final Logger LOG = LoggerFactory.getLogger(EncoderTrim.class);

    private EncoderTrim() {}

    /**
     * @param request what to cut, from which folder, into which
     * @return the written folder's configuration
     * @throws UserInputException when the folder is not a BERT folder, asks for more layers than it
     *     has, or has no {@code vocab.txt} (or one of another size than the weights) for a cut
     *     vocabulary; nothing is then written
     * @throws IOException on a read or write failure
     */
    public static BertConfig run(TrimRequest request) throws IOException {
        Path from = request.from();
        Trim trim = request.trim();
        if (!Files.isDirectory(from)) {
            throw new UserInputException(from, "not a folder (trim takes an imported HuggingFace-layout folder)");
        }
        BertConfig config = BertConfig.read(from.resolve(BertCheckpoint.CONFIG));
        int layers = trim.layers() == 0 ? config.numHiddenLayers() : trim.layers();
        if (layers > config.numHiddenLayers()) {
            throw new UserInputException(from.resolve(BertCheckpoint.CONFIG), "--layers " + layers
                    + " asks for more layers than the encoder's " + config.numHiddenLayers());
        }
        List<String> vocabulary = readVocabulary(from, trim, config);
        int[] kept = trim.vocabulary() == VocabularyCut.ALL
                ? IntStream.range(0, config.vocabSize()).toArray()
                : trim.vocabulary().kept(vocabulary);
        SafetensorsFile weights = SafetensorsFile.open(from.resolve(BertCheckpoint.WEIGHTS));
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (var e : weights.entries().values()) {
            Matcher m = LAYER.matcher(e.name());
            if (m.find() && Integer.parseInt(m.group(1)) >= layers) {
                continue;
            }
            long[] shape = e.shape().clone();
            if (BY_WORDPIECE.contains(e.name())) {
                if (shape[0] != config.vocabSize()) {
                    throw new UserInputException(weights.file(), e.name() + " has " + shape[0]
                            + " rows but vocab_size is " + config.vocabSize());
                }
                shape[0] = kept.length;
            }
            shapes.put(e.name(), shape);
        }
        int pad = newId(kept, config.padTokenId());
        BertConfig cut = new BertConfig(kept.length, config.hiddenSize(), layers, config.numAttentionHeads(),
                config.intermediateSize(), config.hiddenAct(), config.hiddenDropoutProb(),
                config.attentionProbsDropoutProb(), config.maxPositionEmbeddings(), config.typeVocabSize(),
                config.layerNormEps(), config.initializerRange(), pad < 0 ? 0 : pad);
        LOG.info("trimming {}: layers {} -> {}, wordpieces {} -> {}", from, config.numHiddenLayers(), layers,
                config.vocabSize(), kept.length);
        AtomicDirectory.write(request.out(), dir -> {
            cut.write(dir.resolve(BertCheckpoint.CONFIG));
            SafetensorsWriter.write(dir.resolve(BertCheckpoint.WEIGHTS), shapes, name -> {
                float[] values = weights.readFloats(name);
                return BY_WORDPIECE.contains(name) ? rows(values, kept, config.vocabSize()) : values;
            }, Map.of("format", "pt"));
            copyTokenizer(from, dir, trim, vocabulary, kept);
            float shift = layers < config.numHiddenLayers() ? centreTopLayer(dir, shapes, layers) : 0f;
            AtomicFiles.writeString(dir.resolve(TRIM_JSON), provenance(from, config, cut, trim, shift));
        });
        return cut;
    }

    /**
     * Shifts the top kept layer's output bias so that the cut encoder's output averages zero over
     * {@link TopLayerCentring#PROBE}, rewriting the weights in {@code dir}.
     *
     * @return the largest shift
     */
    private static float centreTopLayer(Path dir, Map<String, long[]> shapes, int layers) throws IOException {
        String name = "bert.encoder.layer." + (layers - 1) + ".output.LayerNorm.bias";
        float[] mean = TopLayerCentring.meanOutput(dir);
        Path weights = dir.resolve(BertCheckpoint.WEIGHTS);
        Path uncentred = Files.move(weights, dir.resolve("uncentred.safetensors"));
        SafetensorsFile before = SafetensorsFile.open(uncentred);
        float[] bias = TopLayerCentring.centred(before.readFloats(name), mean);
        SafetensorsWriter.write(weights, shapes, n -> n.equals(name) ? bias : before.readFloats(n),
                Map.of("format", "pt"));
        Files.delete(uncentred);
        float shift = TopLayerCentring.largest(mean);
        LOG.info("centred the output of layer {}: {} shifted by up to {}", layers - 1, name,
                String.format(Locale.ROOT, "%.2f", shift));
        return shift;
    }

    private static List<String> readVocabulary(Path from, Trim trim, BertConfig config) throws IOException {
        if (trim.vocabulary() == VocabularyCut.ALL) {
            return List.of();
        }
        Path vocab = from.resolve(VOCAB);
        if (!Files.isRegularFile(vocab)) {
            throw new UserInputException(from, "cutting the vocabulary needs a " + VOCAB + " (this folder has "
                    + (Files.exists(from.resolve("tokenizer.json")) ? "only tokenizer.json" : "no vocabulary") + ")");
        }
        List<String> lines = Files.readAllLines(vocab, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        if (lines.size() != config.vocabSize()) {
            throw new UserInputException(vocab, "has " + lines.size() + " wordpieces but config.json's vocab_size is "
                    + config.vocabSize());
        }
        return lines;
    }

    /** @return the rows {@code kept} of a row-major [rows, width] matrix (or a vector) */
    static float[] rows(float[] values, int[] kept, int rows) {
        int width = values.length / rows;
        float[] out = new float[kept.length * width];
        for (int i = 0; i < kept.length; i++) {
            System.arraycopy(values, kept[i] * width, out, i * width, width);
        }
        return out;
    }

    private static int newId(int[] kept, int oldId) {
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] == oldId) {
                return i;
            }
        }
        return -1;
    }

    private static void copyTokenizer(Path from, Path dir, Trim trim, List<String> vocabulary, int[] kept)
            throws IOException {
        if (trim.vocabulary() == VocabularyCut.ALL) {
            for (String name : List.of(VOCAB, "tokenizer.json")) {
                if (Files.isRegularFile(from.resolve(name))) {
                    Files.copy(from.resolve(name), dir.resolve(name));
                }
            }
        } else {
            StringBuilder text = new StringBuilder();
            for (int id : kept) {
                text.append(vocabulary.get(id)).append('\n');
            }
            AtomicFiles.writeString(dir.resolve(VOCAB), text.toString());
        }
        for (String name : TOKENIZER_FILES) {
            if (Files.isRegularFile(from.resolve(name))) {
                Files.copy(from.resolve(name), dir.resolve(name));
            }
        }
    }

    private static String provenance(Path from, BertConfig before, BertConfig after, Trim trim, float shift) {
        JsonObject o = new JsonObject();
        o.addProperty("from", from.toAbsolutePath().toString());
        o.addProperty("layers_from", before.numHiddenLayers());
        o.addProperty("layers", after.numHiddenLayers());
        o.addProperty("vocabulary_cut", trim.vocabulary().name().toLowerCase(Locale.ROOT));
        o.addProperty("wordpieces_from", before.vocabSize());
        o.addProperty("wordpieces", after.vocabSize());
        if (after.numHiddenLayers() < before.numHiddenLayers()) {
            o.addProperty("top_output_centred_by_at_most", shift);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
    }
}
