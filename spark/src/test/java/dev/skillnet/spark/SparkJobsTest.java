package dev.skillnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.inference.MultitaskModel;
import dev.skillnet.inference.RandomModel;
import dev.skillnet.inference.SkillNet;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.inference.evaluate.TaskEvaluator;
import dev.skillnet.onnx.EvalEngine;
import dev.skillnet.tasks.run.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spark jobs in {@code local[2]} on the bundled samples and a small random model: predictions
 * of a dataset equal those of the API's {@code predictJson} (the JSON {@code skillnet predict}
 * prints) row for row, in JSON lines, CSV and Parquet; a split's score equals {@code skillnet
 * eval}'s for a classification, a tagging and a reading-comprehension task.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SparkJobsTest {

    private static final Path SAMPLES = Path.of("..", "data", "samples");

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path model;

    @BeforeAll
    static void start() throws Exception {
        model = RandomModel.save(tmp.resolve("model"), 17);
        spark = SparkSession.builder().master("local[2]").appName("skillnet-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static List<String> sampleTexts(int n) throws Exception {
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("tnews").resolve("test.json"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && texts.size() < n) {
                texts.add(JsonParser.parseString(line).getAsJsonObject().get("sentence").getAsString());
            }
        }
        return texts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "csv", "parquet"})
    void predictionsEqualTheApisRowForRowInEveryFormat(String format) throws Exception {
        List<String> texts = sampleTexts(40);
        Path jsonl = tmp.resolve("tnews-" + format + ".jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            JsonObject o = new JsonObject();
            o.addProperty("id", i);
            o.addProperty("text", texts.get(i));
            lines.add(o.toString());
        }
        Files.write(jsonl, lines, StandardCharsets.UTF_8);
        Dataset<Row> in = spark.read().json(jsonl.toString()).repartition(3);
        if (!format.equals("json")) { // the same rows through the format under test
            Path written = tmp.resolve("in-" + format);
            in.write().format(format).option("header", "true").save(written.toString());
            in = spark.read().format(format).option("header", "true").load(written.toString());
        }
        Path out = tmp.resolve("out-" + format);
        SparkPredict.predict(in, model.toString(), "tnews", 8).write().format(format).option("header", "true")
                .save(out.toString());
        List<Row> rows = spark.read().format(format).option("header", "true").load(out.toString()).collectAsList();
        assertEquals(texts.size(), rows.size());

        List<JsonObject> inputs = new ArrayList<>();
        texts.forEach(t -> {
            JsonObject o = new JsonObject();
            o.addProperty("text", t);
            inputs.add(o);
        });
        List<JsonObject> expected;
        try (MultitaskModel api = SkillNet.load(model)) {
            expected = api.predictJson("tnews", inputs);
        }
        for (Row r : rows) {
            int id = Integer.parseInt(r.getAs("id").toString());
            JsonObject got = JsonParser.parseString(r.getAs("prediction")).getAsJsonObject();
            JsonObject want = expected.get(id);
            assertEquals(want.get("label"), got.get("label"), "row " + id);
            assertEquals(want.get("label").getAsString(), r.getAs("label"), "row " + id);
            for (String label : want.getAsJsonObject("probabilities").keySet()) {
                assertEquals(want.getAsJsonObject("probabilities").get(label).getAsDouble(),
                        got.getAsJsonObject("probabilities").get(label).getAsDouble(), 1e-5, "row " + id);
            }
            assertEquals(Double.parseDouble(r.getAs("probability").toString()),
                    want.getAsJsonObject("probabilities").get(want.get("label").getAsString()).getAsDouble(), 1e-5);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tnews", "msra_ner", "cmrc2018"})
    void aSplitScoresAsSkillnetEvalScoresIt(String task) {
        Score spark = SparkEvaluate.evaluate(SparkJobsTest.spark, model.toString(), task, SAMPLES, "test", 3);
        Score eval;
        try (NDManager manager = NDManager.newBaseManager(); TrainedModel trained = TrainedModel.load(model, manager)) {
            Task<?, ?> t = trained.tasks(SAMPLES, List.of(task)).get(0);
            eval = TaskEvaluator.evaluate(t, "test", trained.model(), trained.tokenizer(), manager, 64).score();
        }
        assertEquals(eval.metric(), spark.metric());
        assertEquals(eval.n(), spark.n());
        assertEquals(eval.value(), spark.value(), 1e-9, task);
        assertEquals(eval.extras().keySet(), spark.extras().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tnews", "cmrc2018"})
    void inOnnxRuntimeASplitScoresAsSkillnetEvalEngineOnnxScoresIt(String task) {
        Score spark = SparkEvaluate.evaluate(SparkJobsTest.spark, model.toString(), task, SAMPLES, "test", 3,
                EvalEngine.ONNX);
        Score eval;
        try (NDManager manager = NDManager.newBaseManager(); TrainedModel trained = TrainedModel.load(model, manager);
                var logits = EvalEngine.ONNX.open(trained.model(), trained.tokenizer().padId(), manager)) {
            Task<?, ?> t = trained.tasks(SAMPLES, List.of(task)).get(0);
            eval = TaskEvaluator.evaluate(t, "test", 0, logits, trained.tokenizer(), 64).score();
        }
        assertEquals(eval.n(), spark.n());
        assertEquals(eval.value(), spark.value(), 1e-9, task);
    }

    @Test
    void predictionsInOnnxRuntimeAreThePytorchPathsRowForRow() throws Exception {
        List<String> texts = sampleTexts(40);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(org.apache.spark.sql.RowFactory.create(i, texts.get(i)));
        }
        Dataset<Row> in = spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
                .add("id", "int").add("text", "string")).repartition(2);
        List<Row> onnx = SparkPredict.predict(in, model.toString(), "tnews", 8, EvalEngine.ONNX).collectAsList();
        List<Row> pytorch = SparkPredict.predict(in, model.toString(), "tnews", 8).collectAsList();
        java.util.Map<Integer, Row> byId = new java.util.HashMap<>();
        pytorch.forEach(r -> byId.put(r.getInt(0), r));
        assertEquals(texts.size(), onnx.size());
        for (Row r : onnx) {
            Row want = byId.get(r.getInt(0));
            assertEquals(want.<String>getAs("label"), r.<String>getAs("label"), "row " + r.getInt(0));
            assertEquals(want.<Double>getAs("probability"), r.<Double>getAs("probability"), 1e-4, "row " + r.getInt(0));
        }
    }

    @Test
    void aDatasetWithoutTheTasksColumnsIsRefusedNamingThem() {
        Dataset<Row> in = spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create("x")),
                new org.apache.spark.sql.types.StructType().add("sentence", "string"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkPredict.predict(in, model.toString(), "afqmc", 8));
        assertTrue(e.getMessage().contains("no column 'text'"), e.getMessage());
        assertTrue(e.getMessage().contains("[text, text_pair]"), e.getMessage());
    }
}
