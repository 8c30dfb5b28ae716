package dev.skillnet.convert;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.skillnet.convert.archive.ModelFiles;
import dev.skillnet.convert.archive.ModelFormat;
import dev.skillnet.convert.archive.ModelLocator;
import dev.skillnet.convert.onnx.OnnxBertSource;
import dev.skillnet.convert.source.WeightSource;
import dev.skillnet.convert.tf.TfBertSource;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicDirectory;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import dev.skillnet.model.checkpoint.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code skillnet import}: turns an ONNX BERT export or a TensorFlow BERT checkpoint into a
 * HuggingFace-layout folder that {@code --init}, {@code encode} and {@code pretrain --init} take as
 * they are: {@code config.json}, {@code model.safetensors} ({@code bert.embeddings.*},
 * {@code bert.encoder.layer.N.*}, and {@code bert.pooler.*} and {@code cls.*} where the source has
 * them), the vocabulary with the source's casing, and {@code import.json} saying where it came from.
 *
 * <p>Tensors are copied one at a time. The folder appears complete or not at all: it is written
 * under a temporary name and renamed; whatever was extracted from archives is deleted.
 */
public final class Importer {

    /** Provenance written beside the weights. */
    public static final String IMPORT_JSON = "import.json";

    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    private Importer() {}

    /**
     * @param request what to import and where
     * @return the written folder's configuration
     * @throws UserInputException when the source holds no model, a tensor cannot be mapped, is
     *     missing or corrupt, or the sizes contradict each other (nothing is then written)
     * @throws IOException on a read or write failure
     */
    public static BertConfig run(ImportRequest request) throws IOException {
        Path out = request.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Path scratch = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".extract-");
        try {
            ModelFiles files = ModelLocator.locate(request.from(), scratch);
            LOG.info("reading {} ({})", files.origin(), files.format());
            try (WeightSource source = files.format() == ModelFormat.ONNX
                    ? OnnxBertSource.open(files.weights())
                    : TfBertSource.open(files.weights())) {
                ImportedConfig config = ImportedConfig.infer(source, files, request.heads());
                ImportedLayout.check(source, config.config());
                Vocabulary vocabulary = Vocabulary.of(files, request.from());
                Map<String, long[]> shapes = new LinkedHashMap<>();
                source.shapes().forEach((name, shape) -> shapes.put(name.startsWith("cls.") ? name : "bert." + name,
                        shape));
                long[] done = {0};
                AtomicDirectory.write(out, dir -> {
                    config.config().write(dir.resolve(BertCheckpoint.CONFIG));
                    SafetensorsWriter.write(dir.resolve(BertCheckpoint.WEIGHTS), shapes, name -> {
                        done[0]++;
                        if (done[0] % 50 == 0) {
                            LOG.info("copied {} of {} tensors", done[0], shapes.size());
                        }
                        return source.read(name.startsWith("bert.") ? name.substring("bert.".length()) : name);
                    }, Map.of("format", "pt"));
                    vocabulary.write(dir);
                    AtomicFiles.writeString(dir.resolve(IMPORT_JSON), provenance(request, files, config, shapes));
                });
                return config.config();
            }
        } finally {
            AtomicDirectory.delete(scratch);
        }
    }

    private static String provenance(ImportRequest request, ModelFiles files, ImportedConfig config,
            Map<String, long[]> shapes) {
        JsonObject o = new JsonObject();
        o.addProperty("from", request.from().toAbsolutePath().toString());
        o.addProperty("weights", files.origin());
        o.addProperty("format", files.format().name().toLowerCase(java.util.Locale.ROOT));
        o.addProperty("tensors", shapes.size());
        o.addProperty("num_attention_heads_from", config.headsFrom());
        o.addProperty("pooler", shapes.containsKey("bert.pooler.dense.weight"));
        o.addProperty("masked_lm_head", shapes.containsKey("cls.predictions.bias"));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
    }
}
