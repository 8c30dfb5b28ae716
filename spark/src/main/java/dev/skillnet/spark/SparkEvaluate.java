package dev.skillnet.spark;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.inference.json.PredictJson;
import dev.skillnet.inference.json.PredictJsons;
import dev.skillnet.onnx.EvalEngine;
import dev.skillnet.tasks.run.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Evaluates one task of a trained model on one split of its declared data, with the predictions
 * made on Spark: the driver reads the split (as {@code skillnet eval} does), the executors predict
 * it in partitions ({@link SparkPredict}), and the driver scores the predictions with the task's
 * own metric, so the score is the one {@code skillnet eval} prints.
 */
public final class SparkEvaluate {

    private SparkEvaluate() {}

    /**
     * @param spark the session
     * @param modelDir a trained model folder every executor (and the driver) can read
     * @param task the task
     * @param dataRoot the folder holding the task's data folder (read by the driver)
     * @param split the split to evaluate
     * @param partitions partitions to predict in
     * @return the score: the main metric and its extras, as {@code skillnet eval} reports them
     */
    public static Score evaluate(SparkSession spark, String modelDir, String task, Path dataRoot, String split,
            int partitions) {
        return evaluate(spark, modelDir, task, dataRoot, split, partitions, EvalEngine.PYTORCH);
    }

    /**
     * As {@link #evaluate(SparkSession, String, String, Path, String, int)}, with the executors'
     * forward passes run by {@code engine}.
     *
     * @param spark the session
     * @param modelDir a trained model folder every executor (and the driver) can read
     * @param task the task
     * @param dataRoot the folder holding the task's data folder (read by the driver)
     * @param split the split to evaluate
     * @param partitions partitions to predict in
     * @param engine what runs the forward passes
     * @return the score, as {@code skillnet eval --engine} reports it
     */
    public static Score evaluate(SparkSession spark, String modelDir, String task, Path dataRoot, String split,
            int partitions, EvalEngine engine) {
        try (NDManager manager = NDManager.newBaseManager();
                TrainedModel trained = TrainedModel.load(Path.of(modelDir), manager)) {
            return evaluate(spark, modelDir, trained.tasks(dataRoot, List.of(task)).get(0), split, partitions, engine);
        }
    }

    private static <E, P> Score evaluate(SparkSession spark, String modelDir, Task<E, P> task, String split,
            int partitions, EvalEngine engine) {
        PredictJson<E, P> json = PredictJsons.of(task);
        List<E> examples = task.examples(split);
        List<String> columns = InputColumns.of(task.declaration().type());
        StructType schema = new StructType().add("index", DataTypes.IntegerType, false);
        for (String c : columns) {
            schema = schema.add(c, DataTypes.StringType, true);
        }
        List<Row> rows = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            JsonObject input = json.toInput(examples.get(i));
            Object[] values = new Object[1 + columns.size()];
            values[0] = i;
            for (int c = 0; c < columns.size(); c++) {
                values[1 + c] = input.has(columns.get(c)) ? input.get(columns.get(c)).getAsString() : null;
            }
            rows.add(RowFactory.create(values));
        }
        Dataset<Row> input = spark.createDataFrame(rows, schema).repartition(partitions);
        List<Row> predicted = SparkPredict.predict(input, modelDir, task.name(), 32, engine).select("index", "prediction")
                .collectAsList();
        List<P> predictions = new ArrayList<>(Collections.nCopies(examples.size(), (P) null));
        for (Row r : predicted) {
            predictions.set(r.getInt(0), json.fromJson(JsonParser.parseString(r.getString(1)).getAsJsonObject()));
        }
        if (predictions.contains(null)) {
            throw new IllegalStateException("Spark returned " + predicted.size() + " predictions for "
                    + examples.size() + " examples");
        }
        return task.kind().decoder().score(examples, predictions, task.labels(), task.declaration().metric());
    }
}
