package dev.skillnet.spark;

import com.google.gson.JsonObject;
import dev.skillnet.inference.MultitaskModel;
import dev.skillnet.inference.TaskInfo;
import dev.skillnet.onnx.EvalEngine;
import dev.skillnet.tasks.declare.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Predicts one task over a dataset on Spark: each partition's rows go through the model in
 * batches, the model loaded once per executor ({@link ExecutorModels}) from a folder every
 * executor can read. The output is the input with prediction columns added: {@code prediction},
 * the JSON {@code skillnet predict} prints for the row, and typed columns by the task's type
 * ({@code label} and {@code probability} for classification; {@code answer}, {@code
 * answer_start}, {@code answer_end} and {@code answer_probability} for reading comprehension).
 */
public final class SparkPredict {

    private SparkPredict() {}

    /**
     * @param input rows holding the task's input columns ({@code text}; {@code text} and {@code
     *     text_pair}; or {@code question} and {@code context}), as strings
     * @param modelDir a trained model folder every executor (and the driver) can read
     * @param task the task to predict
     * @param batchSize rows per forward pass
     * @return the input rows with the prediction columns
     * @throws IllegalArgumentException when the model lacks the task or the input lacks a column
     */
    public static Dataset<Row> predict(Dataset<Row> input, String modelDir, String task, int batchSize) {
        return predict(input, modelDir, task, batchSize, EvalEngine.PYTORCH);
    }

    /**
     * As {@link #predict(Dataset, String, String, int)}, with the forward passes run by {@code engine}
     * on every executor ({@link EvalEngine#ONNX}: the same predictions in about half the time).
     *
     * @param input rows holding the task's input columns, as strings
     * @param modelDir a trained model folder every executor (and the driver) can read
     * @param task the task to predict
     * @param batchSize rows per forward pass
     * @param engine what runs the forward passes
     * @return the input rows with the prediction columns
     * @throws IllegalArgumentException when the model lacks the task or the input lacks a column
     */
    public static Dataset<Row> predict(Dataset<Row> input, String modelDir, String task, int batchSize,
            EvalEngine engine) {
        MultitaskModel model = ExecutorModels.get(modelDir, engine);
        TaskInfo info = model.task(task);
        TaskType type = TaskType.fromJson(info.type());
        List<String> columns = InputColumns.of(type);
        StructType in = input.schema();
        for (String c : columns) {
            if (!Arrays.asList(in.fieldNames()).contains(c)) {
                throw new IllegalArgumentException("the input has no column '" + c + "' (a " + info.type()
                        + " task reads " + columns + "); its columns are " + Arrays.toString(in.fieldNames()));
            }
        }
        StructType out = in;
        for (StructField f : added(type)) {
            out = out.add(f);
        }
        return input.mapPartitions(new Predict(modelDir, engine, task, type, columns, batchSize), Encoders.row(out));
    }

    /** The prediction columns of a task type. */
    static List<StructField> added(TaskType type) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("prediction", DataTypes.StringType, false));
        switch (type) {
            case SINGLE_TEXT_CLASSIFICATION, TEXT_PAIR_CLASSIFICATION -> {
                f.add(DataTypes.createStructField("label", DataTypes.StringType, false));
                f.add(DataTypes.createStructField("probability", DataTypes.DoubleType, false));
            }
            case SPAN_EXTRACTION -> {
                f.add(DataTypes.createStructField("answer", DataTypes.StringType, false));
                f.add(DataTypes.createStructField("answer_start", DataTypes.IntegerType, false));
                f.add(DataTypes.createStructField("answer_end", DataTypes.IntegerType, false));
                f.add(DataTypes.createStructField("answer_probability", DataTypes.DoubleType, true));
            }
            case SEQUENCE_LABELING -> { }
        }
        return f;
    }

    /** One partition: rows in batches through the executor's model. */
    private static final class Predict implements MapPartitionsFunction<Row, Row> {

        private static final long serialVersionUID = 1L;

        private final String modelDir;
        private final EvalEngine engine;
        private final String task;
        private final TaskType type;
        private final List<String> columns;
        private final int batchSize;

        Predict(String modelDir, EvalEngine engine, String task, TaskType type, List<String> columns, int batchSize) {
            this.modelDir = modelDir;
            this.engine = engine;
            this.task = task;
            this.type = type;
            this.columns = List.copyOf(columns);
            this.batchSize = batchSize;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            MultitaskModel model = ExecutorModels.get(modelDir, engine);
            List<Row> out = new ArrayList<>();
            List<Row> batch = new ArrayList<>(batchSize);
            while (rows.hasNext()) {
                batch.add(rows.next());
                if (batch.size() == batchSize || !rows.hasNext()) {
                    List<JsonObject> inputs = new ArrayList<>(batch.size());
                    for (Row r : batch) {
                        JsonObject o = new JsonObject();
                        for (String c : columns) {
                            Object v = r.get(r.fieldIndex(c));
                            if (v != null) {
                                o.addProperty(c, v.toString());
                            }
                        }
                        inputs.add(o);
                    }
                    List<JsonObject> answers = model.predictJson(task, inputs);
                    for (int i = 0; i < batch.size(); i++) {
                        out.add(withPrediction(batch.get(i), answers.get(i)));
                    }
                    batch.clear();
                }
            }
            return out.iterator();
        }

        private Row withPrediction(Row row, JsonObject answer) {
            List<Object> values = new ArrayList<>(row.length() + 5);
            for (int i = 0; i < row.length(); i++) {
                values.add(row.get(i));
            }
            values.add(answer.toString());
            switch (type) {
                case SINGLE_TEXT_CLASSIFICATION, TEXT_PAIR_CLASSIFICATION -> {
                    String label = answer.get("label").getAsString();
                    values.add(label);
                    values.add(answer.getAsJsonObject("probabilities").get(label).getAsDouble());
                }
                case SPAN_EXTRACTION -> {
                    values.add(answer.get("answer").getAsString());
                    values.add(answer.get("start").getAsInt());
                    values.add(answer.get("end").getAsInt());
                    values.add(answer.has("probability") ? answer.get("probability").getAsDouble() : null);
                }
                case SEQUENCE_LABELING -> { }
            }
            return RowFactory.create(values.toArray());
        }
    }
}
