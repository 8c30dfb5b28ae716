package dev.skillnet.cli;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.tasks.batch.PaddedBatch;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.EncoderOutput;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import dev.skillnet.model.nn.NoGradient;
import dev.skillnet.skills.SkillTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code skillnet encode}: runs the encoder over JSON lines of texts and prints, per input, the
 * tokens, ids, last hidden state and pooled output of the real (unpadded) tokens.
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Encode texts with a model and print one JSON line per input:",
                "{\"tokens\", \"input_ids\", \"last_hidden_state\", \"pooler_output\"}."})
final class EncodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR|NAME",
            description = "A model directory: HuggingFace BERT (config.json, model.safetensors, vocab.txt or "
                    + "tokenizer.json) or a SkillNet checkpoint; or a known encoder (see skillnet models).")
    String modelName;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "JSON lines {\"text\": ..., \"text_pair\": ...}; text_pair is optional.")
    Path input;

    @Option(names = "--max-length", paramLabel = "N",
            description = "Truncate longer inputs (counted on stderr). Default: the model's max_position_embeddings.")
    Integer maxLength;

    @Option(names = "--skills", split = ",", paramLabel = "SKILL",
            description = "Skills to activate, comma-separated. Default: all of the model's skills.")
    List<String> skills = new ArrayList<>();

    @Option(names = "--batch-size", defaultValue = "16", paramLabel = "N", description = "Inputs per forward pass (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        if (batchSize <= 0) {
            throw new UserInputException("--batch-size must be positive, got " + batchSize);
        }
        Path model = Encoders.folder(modelName, "--model");
        BertCheckpoint.requireModelDirectory(model);
        List<TextInput> inputs = TextInput.read(input);
        PrintWriter out = spec.commandLine().getOut();
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = BertTokenizer.fromDirectory(model)) {
            LoadedEncoder encoder = LoadedEncoder.load(model, SkillTable.defaults().names(), manager);
            BertModel bert = encoder.model();
            int limit = maxLength == null ? bert.config().maxPositionEmbeddings() : maxLength;
            if (limit < 3 || limit > bert.config().maxPositionEmbeddings()) {
                throw new UserInputException("--max-length must be in 3.." + bert.config().maxPositionEmbeddings()
                        + " (the model's max_position_embeddings), got " + limit);
            }
            Set<String> active = new LinkedHashSet<>(skills);
            int[] activeIdx = encoder.activeSkills(active);
            int truncated = 0;
            for (int start = 0; start < inputs.size(); start += batchSize) {
                List<Encoded> batch = new ArrayList<>();
                for (TextInput in : inputs.subList(start, Math.min(inputs.size(), start + batchSize))) {
                    Encoded e = tokenizer.encode(in.text(), in.textPair(), limit);
                    truncated += e.truncated() ? 1 : 0;
                    batch.add(e);
                }
                try (NDManager step = manager.newSubManager(); NoGradient noGradient = NoGradient.enter()) {
                    PaddedBatch padded = PaddedBatch.of(batch, tokenizer.padId(), step);
                    EncoderOutput o = bert.forward(padded.inputIds(), padded.tokenTypeIds(), padded.attentionMask(),
                            activeIdx, false);
                    float[] hidden = o.lastHiddenState().toFloatArray();
                    float[] pooled = o.poolerOutput().toFloatArray();
                    int h = bert.config().hiddenSize();
                    int t = padded.length();
                    for (int i = 0; i < batch.size(); i++) {
                        out.println(line(batch.get(i), hidden, pooled, i, t, h));
                    }
                }
            }
            out.flush();
            if (truncated > 0) {
                spec.commandLine().getErr().println("warning: " + truncated + " of " + inputs.size()
                        + " inputs were longer than " + limit + " tokens and were truncated");
            }
        }
        return 0;
    }

    private static String line(Encoded e, float[] hidden, float[] pooled, int i, int t, int h) {
        JsonObject o = new JsonObject();
        JsonArray tokens = new JsonArray();
        JsonArray ids = new JsonArray();
        for (int k = 0; k < e.length(); k++) {
            tokens.add(e.tokens()[k]);
            ids.add(e.inputIds()[k]);
        }
        o.add("tokens", tokens);
        o.add("input_ids", ids);
        JsonArray states = new JsonArray();
        for (int k = 0; k < e.length(); k++) {
            JsonArray row = new JsonArray();
            int base = (i * t + k) * h;
            for (int j = 0; j < h; j++) {
                row.add(hidden[base + j]);
            }
            states.add(row);
        }
        o.add("last_hidden_state", states);
        JsonArray pool = new JsonArray();
        for (int j = 0; j < h; j++) {
            pool.add(pooled[i * h + j]);
        }
        o.add("pooler_output", pool);
        return o.toString();
    }
}
