package dev.skillnet.cli;

import com.google.gson.GsonBuilder;
import dev.skillnet.bench.BenchConfig;
import dev.skillnet.bench.Benchmark;
import dev.skillnet.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skillnet bench}: training, inference, tokenizer and memory figures against the measured GEMM peak. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure, in one process: the fp32 GEMM peak at the model's shapes; training tokens/s and",
                "model FLOP utilisation (tiny and BERT-base shapes, 1 to 4 active skills); DJL's BertBlock at the",
                "same shapes; 3 active skills of 3 vs of 12 declared; inference per task type; tokenizer",
                "encodes/s; padding waste; live NDArrays and resident memory. Prints a table, writes bench.json.",
                "Run it alone: a second PyTorch process on the same cores distorts every figure."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Fewer steps, samples only (about 3 minutes).")
    boolean quick;

    @Option(names = "--soak", description = "Also train 2000 tiny steps and compare resident memory at steps 200 and 2000.")
    boolean soak;

    @Option(names = "--phases", description = "Only the peak resident memory of each phase of a job (evaluation, training, "
            + "checkpoint save and load) at BERT-base and bge-small-zh shapes with seven skills (about 5 minutes).")
    boolean phases;

    @Option(names = "--out", defaultValue = "bench.json", paramLabel = "FILE", description = "The JSON to write (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "Full data for padding waste (default: ../shared/data).")
    Path dataRoot;

    @Override
    public Integer call() {
        Benchmark bench = new Benchmark(new BenchConfig(quick, soak, Home.declarations(), Home.samples(),
                dataRoot == null ? Home.data() : dataRoot, phases));
        var json = bench.run();
        try {
            AtomicFiles.writeString(out, new GsonBuilder().setPrettyPrinting().create().toJson(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        spec.commandLine().getOut().print(bench.table());
        spec.commandLine().getOut().println("wrote " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
