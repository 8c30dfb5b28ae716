package dev.skillnet.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.EncoderOutput;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import dev.skillnet.model.checkpoint.SafetensorsFile;
import dev.skillnet.model.nn.NoGradient;
import dev.skillnet.model.nn.ParameterInit;
import dev.skillnet.model.pretrain.BertForPreTraining;
import dev.skillnet.model.pretrain.PretrainingCheckpoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skillnet fill-mask}: the masked-LM head's guesses for every {@code [MASK]} of each input,
 * and, where inputs give the {@code answer}, top-1 and top-k accuracy.
 */
@Command(name = "fill-mask", mixinStandardHelpOptions = true,
        description = {"Fill each [MASK] with the model's masked-LM head (cls.predictions.*) and print one JSON line",
                "per input: {\"text\", \"predictions\": [[{\"token\", \"probability\"}, ...] per [MASK]]}.",
                "Inputs that give an \"answer\" (the masked token) are scored: top-1 and top-k accuracy on stderr."})
final class FillMaskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR|NAME",
            description = "A HuggingFace BERT folder with cls.predictions.* (an import of mBERT, a pretrain output), "
                    + "or a known encoder with a masked-LM head (mbert-cased).")
    String modelName;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "JSON lines {\"text\": \"北京是中国的首[MASK]。\", \"answer\": \"都\"}; answer is optional.")
    Path input;

    @Option(names = "--top-k", defaultValue = "5", paramLabel = "K", description = "Guesses per [MASK] (default ${DEFAULT-VALUE}).")
    int topK;

    @Override
    public Integer call() {
        if (topK <= 0) {
            throw new UserInputException("--top-k must be positive, got " + topK);
        }
        Path dir = Encoders.folder(modelName, "--model");
        BertCheckpoint.requireModelDirectory(dir);
        List<TextInput> inputs = TextInput.read(input);
        PrintWriter out = spec.commandLine().getOut();
        int scored = 0;
        int top1 = 0;
        int topKHits = 0;
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = BertTokenizer.fromDirectory(dir)) {
            BertForPreTraining model = load(dir, manager);
            BertModel bert = model.bert();
            long maskId = tokenizer.maskId();
            if (maskId < 0) {
                throw new UserInputException(dir, "the vocabulary has no [MASK] token");
            }
            List<String> vocab = tokenizer.vocabulary();
            for (TextInput in : inputs) {
                Encoded e = tokenizer.encode(in.text(), in.textPair(), bert.config().maxPositionEmbeddings());
                List<Long> positions = new ArrayList<>();
                for (int t = 0; t < e.length(); t++) {
                    if (e.inputIds()[t] == maskId) {
                        positions.add((long) t);
                    }
                }
                if (positions.isEmpty()) {
                    throw new UserInputException(input, in.line(), "no [MASK] in the text");
                }
                JsonArray predictions = new JsonArray();
                try (NDManager step = manager.newSubManager(); NoGradient off = NoGradient.enter()) {
                    long[] ones = new long[e.length()];
                    java.util.Arrays.fill(ones, 1);
                    EncoderOutput o = bert.forward(step.create(new long[][] {e.inputIds()}),
                            step.create(new long[][] {e.tokenTypeIds()}), step.create(new long[][] {ones}),
                            bert.layout().indicesOf(java.util.Set.of()), false);
                    NDArray probs = model.mlmLogits(o, step.create(positions.stream().mapToLong(Long::longValue).toArray()))
                            .softmax(-1);
                    NDArray order = probs.argSort(-1, false).toType(DataType.INT64, false);
                    long[] best = order.get(":, :" + topK).toLongArray();
                    float[] p = probs.toFloatArray();
                    int v = (int) probs.getShape().get(1);
                    for (int m = 0; m < positions.size(); m++) {
                        JsonArray guesses = new JsonArray();
                        for (int k = 0; k < Math.min(topK, v); k++) {
                            int id = (int) best[m * topK + k];
                            JsonObject g = new JsonObject();
                            g.addProperty("token", id < vocab.size() ? vocab.get(id) : "[" + id + "]");
                            g.addProperty("probability", p[m * v + id]);
                            guesses.add(g);
                        }
                        predictions.add(guesses);
                    }
                }
                if (in.answer() != null) {
                    scored++;
                    JsonArray first = predictions.get(0).getAsJsonArray();
                    top1 += first.get(0).getAsJsonObject().get("token").getAsString().equals(in.answer()) ? 1 : 0;
                    for (var g : first) {
                        if (g.getAsJsonObject().get("token").getAsString().equals(in.answer())) {
                            topKHits++;
                            break;
                        }
                    }
                }
                JsonObject line = new JsonObject();
                line.addProperty("text", in.text());
                if (in.answer() != null) {
                    line.addProperty("answer", in.answer());
                }
                line.add("predictions", predictions);
                out.println(line);
            }
        }
        out.flush();
        if (scored > 0) {
            spec.commandLine().getErr().printf(Locale.ROOT, "fill-mask on %d answered inputs: top-1 %.1f%% (%d), top-%d %.1f%% (%d)%n",
                    scored, 100.0 * top1 / scored, top1, topK, 100.0 * topKHits / scored, topKHits);
            spec.commandLine().getErr().flush();
        }
        return 0;
    }

    private static BertForPreTraining load(Path dir, NDManager manager) {
        BertModel bert = BertCheckpoint.load(dir, List.of(), manager);
        BertForPreTraining model = new BertForPreTraining(bert);
        ParameterInit.initialize(model.cls(), manager, bert.config().initializerRange(), 0);
        List<String> missing = PretrainingCheckpoint.loadHeads(model,
                SafetensorsFile.open(dir.resolve(BertCheckpoint.WEIGHTS)), manager);
        List<String> lm = missing.stream().filter(n -> n.startsWith("cls.predictions.")).toList();
        if (!lm.isEmpty()) {
            throw new UserInputException(dir.resolve(BertCheckpoint.WEIGHTS), "no masked-LM head: missing "
                    + String.join(", ", lm));
        }
        return model;
    }
}
