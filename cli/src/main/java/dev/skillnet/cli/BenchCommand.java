package dev.skillnet.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import dev.skillnet.bench.BenchConfig;
import dev.skillnet.bench.Benchmark;
import dev.skillnet.bench.EngineBench;
import dev.skillnet.bench.ServeLoad;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.data.read.Utf8Text;
import dev.skillnet.onnx.EvalEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skillnet bench}: training, inference, tokenizer and memory figures against the measured GEMM peak. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure, in one process: the fp32 GEMM peak at the model's shapes; training tokens/s and",
                "model FLOP utilisation, and evaluation forward passes (tiny, bge-small-zh and BERT-base shapes, 1 to",
                "4 active skills); DJL's BertBlock at the same shapes; 3 active skills of 3 vs of 12 declared (at",
                "bge-small-zh and BERT-base shapes); inference per task type; tokenizer",
                "encodes/s; padding waste; live NDArrays and resident memory. Prints a table, writes bench.json.",
                "Run it alone: a second PyTorch process on the same cores distorts every figure."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Fewer steps, samples only (about 3 minutes).")
    boolean quick;

    @Option(names = "--soak", description = "Also train 2000 tiny steps and compare resident memory at steps 200 and 2000.")
    boolean soak;

    @Option(names = "--update", description = "Only AdamW's update of a whole encoder (bge-small-zh and BERT-base "
            + "shapes): one pass through the tensors' memory against the engine's kernel, alternated, medians.")
    boolean update;

    @Option(names = "--phases", description = "Only the peak resident memory of each phase of a job (evaluation, training, "
            + "checkpoint save and load) at BERT-base and bge-small-zh shapes with seven skills (about 5 minutes).")
    boolean phases;

    @Option(names = "--soak-bge", description = "Only a 2000-step training soak at bge-small-zh shapes (batch 16 of "
            + "128, 1 of 4 skills active in every layer: a step about as long as the demo's): live NDArrays and "
            + "resident memory at steps 200 to 2000 (about 40 minutes).")
    boolean soakBge;

    @Option(names = "--out", defaultValue = "bench.json", paramLabel = "FILE", description = "The JSON to write (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "Full data for padding waste (default: "
            + "../shared/data); with --engines, the data to evaluate (default: the bundled samples).")
    Path dataRoot;

    @Option(names = "--serve", paramLabel = "DIR", description = "Only the HTTP load test of 'skillnet serve' on this "
            + "trained model: 1, 8 and 32 clients, batching off and on, then a soak with resident memory sampled.")
    Path serve;

    @Option(names = "--serve-task", defaultValue = "tnews", description = "--serve: the task to post the bundled "
            + "sample's test texts to (default ${DEFAULT-VALUE}).")
    String serveTask;

    @Option(names = "--serve-engine", defaultValue = "pytorch", paramLabel = "NAME", description = "--serve: what runs "
            + "the server's forward passes: pytorch, onnx or onnx-int8 (default ${DEFAULT-VALUE}).")
    String serveEngine;

    @Option(names = "--requests", defaultValue = "1000", description = "--serve: requests per row (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--soak-requests", defaultValue = "20000", description = "--serve: requests of the soak; 0 for none "
            + "(default ${DEFAULT-VALUE}).")
    int soakRequests;

    @Option(names = "--engines", paramLabel = "DIR", description = "Only evaluation engines side by side on this "
            + "trained model: each task's test split evaluated by pytorch, onnx and onnx-int8 in turn, --rounds times.")
    Path engines;

    @Option(names = "--engine-tasks", split = ",", paramLabel = "NAME", description = "--engines: only these tasks "
            + "(default: cmrc2018).")
    List<String> engineTasks = new ArrayList<>(List.of("cmrc2018"));

    @Option(names = "--rounds", defaultValue = "2",
            description = "--engines: rounds per engine (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws InterruptedException {
        if (serve != null) {
            return serveLoad();
        }
        if (engines != null) {
            if (rounds < 1) {
                throw new UserInputException("--rounds must be at least 1, got " + rounds);
            }
            EngineBench.Result r = EngineBench.run(engines, dataRoot == null ? Home.samples() : dataRoot, engineTasks,
                    rounds);
            return report(r, EngineBench.markdown(r));
        }
        Benchmark bench = new Benchmark(new BenchConfig(quick, soak, Home.declarations(), Home.samples(),
                dataRoot == null ? Home.data() : dataRoot, phases, soakBge, update));
        var json = bench.run();
        return report(json, bench.table());
    }

    /** Writes the figures to {@code --out} (whole or not at all), prints the table and where they went. */
    private int report(Object figures, String table) {
        try {
            AtomicFiles.writeString(out, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
                    .create().toJson(figures));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        spec.commandLine().getOut().print(table);
        spec.commandLine().getOut().println("wrote " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int serveLoad() throws InterruptedException {
        if (requests < 100) {
            throw new UserInputException("--requests must be at least 100 (for a p99), got " + requests);
        }
        List<String> texts = new ArrayList<>();
        for (String line : Utf8Text.readLines(Home.samples().resolve("tnews").resolve("test.json"))) {
            if (!line.isBlank()) {
                texts.add(JsonParser.parseString(line).getAsJsonObject().get("sentence").getAsString());
            }
        }
        ServeLoad.Result r = new ServeLoad(serve, serveTask, texts, EvalEngine.parse(serveEngine)).run(requests,
                soakRequests);
        return report(r, ServeLoad.markdown(r));
    }
}
