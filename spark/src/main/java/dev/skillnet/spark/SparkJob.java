package dev.skillnet.spark;

import dev.skillnet.eval.metrics.Score;
import dev.skillnet.onnx.EvalEngine;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The jobs {@code spark-submit} runs: {@code predict} (a dataset in, the same with prediction
 * columns out) and {@code eval} (a task's split scored as {@code skillnet eval} scores it).
 */
@Command(name = "skillnet-spark", mixinStandardHelpOptions = true, subcommands = {SparkJob.PredictJob.class,
        SparkJob.EvalJob.class}, description = "SkillNet-J jobs on Apache Spark.")
public final class SparkJob {

    /** Where the model is and which task: shared by both jobs. */
    static final class ModelOptions {
        @Option(names = "--model", required = true, paramLabel = "DIR",
                description = "A trained model folder that the driver and every executor can read.")
        String model;

        @Option(names = "--task", required = true, description = "The task.")
        String task;

        @Option(names = "--engine", defaultValue = "onnx", paramLabel = "ENGINE",
                description = "What runs the forward passes on every executor: onnx (the model's scores, faster), "
                        + "onnx-int8 (faster again, scores may move) or pytorch (default ${DEFAULT-VALUE}).")
        String engine;
    }

    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = "Read a dataset (JSON lines, CSV with a header, or Parquet), add the task's prediction "
                    + "columns, write it in the same format.")
    static final class PredictJob implements Callable<Integer> {

        @CommandLine.Mixin
        ModelOptions model = new ModelOptions();

        @Option(names = "--input", required = true, description = "The dataset (a file or a folder of parts).")
        String input;

        @Option(names = "--output", required = true, description = "The folder to write (must not exist).")
        String output;

        @Option(names = "--format", defaultValue = "json", description = "json, csv or parquet (default ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--batch-size", defaultValue = "32", description = "Rows per forward pass (default ${DEFAULT-VALUE}).")
        int batchSize;

        @Override
        public Integer call() {
            EvalEngine.parse(model.engine); // refused before Spark starts
            String f = format.toLowerCase(Locale.ROOT);
            if (!f.equals("json") && !f.equals("csv") && !f.equals("parquet")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--format: '" + format
                        + "' is not one of json, csv, parquet");
            }
            SparkSession spark = SparkSession.builder().appName("skillnet predict " + model.task).getOrCreate();
            DataFrameReader reader = spark.read().format(f);
            if (f.equals("csv")) {
                reader = reader.option("header", "true");
            }
            Dataset<Row> rows = reader.load(input);
            Dataset<Row> predicted = SparkPredict.predict(rows, model.model, model.task, batchSize,
                    EvalEngine.parse(model.engine));
            var writer = predicted.write().format(f);
            if (f.equals("csv")) {
                writer = writer.option("header", "true");
            }
            writer.save(output);
            System.out.println("wrote " + output);
            return 0;
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Score the task on one split of its declared data, predicting on the executors.")
    static final class EvalJob implements Callable<Integer> {

        @CommandLine.Mixin
        ModelOptions model = new ModelOptions();

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data root (read by the driver).")
        Path data;

        @Option(names = "--split", defaultValue = "test", description = "The split (default ${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--partitions", defaultValue = "8", description = "Partitions to predict in (default ${DEFAULT-VALUE}).")
        int partitions;

        @Override
        public Integer call() {
            EvalEngine engine = EvalEngine.parse(model.engine);
            SparkSession spark = SparkSession.builder().appName("skillnet eval " + model.task).getOrCreate();
            Score s = SparkEvaluate.evaluate(spark, model.model, model.task, data, split, partitions, engine);
            System.out.printf(Locale.ROOT, "%s %s: %s=%.2f (n=%d; %s)%n", model.task, split, s.metric(), s.value(), s.n(),
                    s.extras());
            return 0;
        }
    }

    private SparkJob() {}

    /** @param args {@code predict ...} or {@code eval ...} */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkJob()).execute(args));
    }
}
