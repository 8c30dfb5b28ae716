package dev.skillnet.cli;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.data.Source;
import dev.skillnet.data.read.Utf8Text;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.inference.evaluate.TaskEvaluator;
import dev.skillnet.inference.json.FieldException;
import dev.skillnet.inference.json.PredictJson;
import dev.skillnet.inference.json.PredictJsons;
import dev.skillnet.tasks.kinds.Featurized;
import dev.skillnet.tasks.run.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

    @Override
    public Integer call() throws IOException {
        try (NDManager manager = NDManager.newBaseManager();
                TrainedModel trained = TrainedModel.load(model, manager)) {
            Task<?, ?> t = trained.tasks(Home.data(), List.of(task)).get(0);
            List<String> lines = run(t, trained, manager);
            String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
            if (output == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            } else {
                AtomicFiles.writeString(output, text);
            }
        }
        return 0;
    }

    private <E, P> List<String> run(Task<E, P> t, TrainedModel trained, NDManager manager) {
        if (!Files.isRegularFile(input)) {
            throw new UserInputException(input, "input file does not exist");
        }
        List<String> raw = Utf8Text.readLines(input);
        PredictJson<E, P> json = PredictJsons.of(t);
        List<E> examples = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).isBlank()) {
                continue;
            }
            try {
                examples.add(json.fromInput(object(raw.get(i), i + 1), new Source(input, i + 1)));
            } catch (FieldException e) {
                throw new UserInputException(input, i + 1, e.getMessage(), e);
            }
        }
        if (examples.isEmpty()) {
            throw new UserInputException(input, "no inputs: the file is empty");
        }
        Featurized f = t.kind().featurizer().featurize(examples, trained.tokenizer(), t.declaration(), t.labels());
        if (f.truncated() > 0) {
            spec.commandLine().getErr().println("warning: " + f.truncated() + " of " + examples.size()
                    + " inputs were longer than max_length " + t.declaration().maxLength() + " and were truncated");
        }
        List<P> predictions = TaskEvaluator.predict(t, examples, f.features(), trained.model(), trained.tokenizer(),
                manager, batchSize);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            out.add(json.toJson(examples.get(i), predictions.get(i)).toString());
        }
        return out;
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
