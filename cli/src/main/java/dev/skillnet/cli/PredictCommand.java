package dev.skillnet.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.data.read.Utf8Text;
import dev.skillnet.inference.MultitaskModel;
import dev.skillnet.inference.SkillNet;
import dev.skillnet.onnx.EvalEngine;
import dev.skillnet.inference.TaskInfo;
import dev.skillnet.inference.json.FieldException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skillnet predict}: JSON lines of inputs in, JSON lines of predictions out. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict with one task of a trained model. Input: JSON lines —",
                "classification {\"text\", \"text_pair\"}; NER {\"text\"}; reading comprehension {\"context\", \"question\"}.",
                "Output: one JSON line per input — {\"label\", \"probabilities\"}, {\"entities\": [{\"text\", \"type\", \"start\", \"end\"}]}",
                "or {\"answer\", \"start\", \"end\", \"score\"}; offsets are character offsets in the input text."})
final class PredictCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PredictCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A trained model (e.g. runs/demo/best).")
    Path model;

    @Option(names = "--task", required = true, paramLabel = "NAME", description = "The task to predict.")
    String task;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON lines of inputs.")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "Write predictions here (atomically) instead of standard output.")
    Path output;

    @Option(names = "--batch-size", defaultValue = "64", description = "Inputs per forward pass (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--engine", defaultValue = "onnx", paramLabel = "NAME", description = {
            "What runs the forward passes (default ${DEFAULT-VALUE}): onnx (ONNX Runtime, fp32: the predictions of",
            "pytorch, faster), onnx-int8 (int8 weights: faster again, predictions may move) or pytorch."})
    String engine;

    /**
     * Reads the inputs, predicts them through the Java API's JSON path ({@link
     * MultitaskModel#predictJson}, which the HTTP server and the Spark jobs share) and prints one
     * answer per input.
     */
    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new UserInputException(input, "input file does not exist");
        }
        List<String> raw = Utf8Text.readLines(input);
        List<JsonObject> inputs = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!raw.get(i).isBlank()) {
                inputs.add(object(raw.get(i), i + 1));
                lineOf.add(i + 1);
            }
        }
        if (inputs.isEmpty()) {
            throw new UserInputException(input, "no inputs: the file is empty");
        }
        List<JsonObject> answers;
        EvalEngine chosen = EvalEngine.parse(engine);
        long start = System.nanoTime();
        try (MultitaskModel m = SkillNet.builder().setModel(model).optBatchSize(batchSize).optEngine(chosen).load()) {
            List<String> names = m.tasks().stream().map(TaskInfo::name).toList();
            if (!names.contains(task)) {
                throw new UserInputException("unknown task '" + task + "'; the model has " + names);
            }
            long loaded = System.nanoTime();
            answers = m.predictJson(task, inputs);
            double seconds = (System.nanoTime() - loaded) / 1e9;
            LOG.info("predicted {} inputs of {} in {} s ({} inputs/s, {}; loading the model took {} s{})", inputs.size(),
                    task, String.format(Locale.ROOT, "%.2f", seconds),
                    String.format(Locale.ROOT, "%.1f", inputs.size() / seconds), chosen.label(),
                    String.format(Locale.ROOT, "%.2f", (loaded - start) / 1e9),
                    chosen == EvalEngine.PYTORCH ? "" : "; the first call exports the task to ONNX");
        } catch (FieldException e) {
            throw new UserInputException(input, lineOf.get(e.index()), e.getMessage(), e);
        }
        StringBuilder text = new StringBuilder();
        answers.forEach(a -> text.append(a).append('\n'));
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            AtomicFiles.writeString(output, text.toString());
        }
        return 0;
    }

    private JsonObject object(String line, long n) {
        try {
            JsonElement e = JsonParser.parseString(line);
            if (!e.isJsonObject()) {
                throw new UserInputException(input, n, "expected a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new UserInputException(input, n, "not valid JSON: " + e.getMessage());
        }
    }
}
