package dev.skillnet.cli;

import ai.djl.ndarray.NDManager;
import dev.skillnet.eval.report.Report;
import dev.skillnet.inference.checkpoint.Provenance;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.inference.evaluate.EvaluateAll;
import dev.skillnet.inference.evaluate.TaskLogits;
import dev.skillnet.onnx.EvalEngine;
import dev.skillnet.train.TrainingJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skillnet eval}: evaluates every task of a trained model in one run. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate every task of a trained model on one split, in one process: print a table",
                "(task, skills, metric, score, majority baseline, examples) and write results.json and results.md."})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A trained model (e.g. runs/demo/best).")
    Path model;

    @Option(names = "--tasks", split = ",", paramLabel = "NAME", description = "Evaluate only these tasks (default: all of the model's).")
    List<String> taskNames = new ArrayList<>();

    @Option(names = "--split", defaultValue = "test", description = "Split to evaluate (default ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--data", paramLabel = "DIR", description = "Data root holding each task's folder (default: ../shared/data).")
    Path dataRoot;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write results.json and results.md (default: the model folder).")
    Path out;

    @Option(names = "--batch-size", defaultValue = "64", description = "Inputs per forward pass (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--engine", defaultValue = "onnx", paramLabel = "NAME", description = {
            "What runs the forward passes (default ${DEFAULT-VALUE}): onnx (each task exported to ONNX and run by ONNX",
            "Runtime in fp32: the scores of pytorch, 2-4 times faster), onnx-int8 (int8 weights: faster again, scores",
            "move a little), pytorch (the model's own forward path, as in training)."})
    String engine;

    @Override
    public Integer call() {
        EvalEngine chosen = EvalEngine.parse(engine);
        try (NDManager manager = NDManager.newBaseManager();
                TrainedModel trained = TrainedModel.load(model, manager);
                TaskLogits logits = chosen.open(trained.model(), trained.tokenizer().padId(), manager)) {
            spec.commandLine().getOut().println("model " + model + ": " + Provenance.read(model).map(Provenance::summary)
                    .orElse("no " + Provenance.FILE + " (trained before provenance was recorded)"));
            spec.commandLine().getOut().println("engine " + chosen.label());
            Report report = EvaluateAll.run(trained.tasks(dataRoot == null ? Home.data() : dataRoot, taskNames), split,
                    logits, trained.tokenizer(), batchSize);
            Path dir = out == null ? model : out;
            TrainingJob.writeReport(report, dir);
            spec.commandLine().getOut().print(report.toTable());
            spec.commandLine().getOut().println("wrote " + dir.resolve("results.json") + " and " + dir.resolve("results.md"));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
