package dev.skillnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's path through the tool on the bundled samples: train three task types briefly, evaluate
 * the saved model in a separate run, and predict with it.
 */
class TrainEvalPredictTest {

    static final String SAMPLES = Path.of("..", "data", "samples").toString();
    static final String DECLARATIONS = Path.of("..", "declarations").toString();

    @Test
    void trainThenEvaluateAndPredictFromTheSavedModel(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("run");
        CliRun train = CliRun.of("train", "--out", run.toString(), "--data", SAMPLES, "--tasks", DECLARATIONS,
                "--task", "chnsenticorp,msra_ner,cmrc2018", "--size", "tiny", "--steps", "30", "--batch-size", "8",
                "--eval-every", "0", "--log-every", "10");
        assertEquals(0, train.code(), train.err());
        JsonObject results = JsonParser.parseString(Files.readString(run.resolve("results.json"))).getAsJsonObject();
        for (String task : List.of("chnsenticorp", "msra_ner", "cmrc2018")) {
            JsonObject t = results.getAsJsonObject("tasks").getAsJsonObject(task);
            for (String key : List.of("main_metric", "main_score", "n_examples", "extras", "baseline")) {
                assertTrue(t.has(key), task + " lacks " + key);
            }
        }
        assertEquals(500, results.getAsJsonObject("tasks").getAsJsonObject("chnsenticorp").get("n_examples").getAsInt());
        assertTrue(results.has("average"));
        assertTrue(Files.readString(run.resolve("results.md")).contains("| msra_ner | token, entity, general | entity_f1 |"));
        for (String f : List.of("config.json", "model.json", "model.safetensors", "vocab.txt", "tokenizer.json",
                "skills.json", "labels.json", "training.json", "tasks/cmrc2018.json")) {
            assertTrue(Files.isRegularFile(run.resolve("best").resolve(f)), "best/" + f);
        }

        // provenance.json beside results.json and in the model folder: software, machine, data
        JsonObject provenance = JsonParser.parseString(Files.readString(run.resolve("provenance.json")))
                .getAsJsonObject();
        assertEquals(provenance, JsonParser.parseString(Files.readString(run.resolve("best/provenance.json"))));
        assertEquals("0.36.0", provenance.get("djl").getAsString());
        assertEquals("2.7.1", provenance.get("pytorch").getAsString());
        assertTrue(provenance.get("commit").getAsString().matches("[0-9a-f]{40}|unknown"), provenance.toString());
        assertEquals(Runtime.getRuntime().availableProcessors(),
                provenance.getAsJsonObject("machine").get("cores").getAsInt());
        int chnTest = 0;
        for (var s : provenance.getAsJsonArray("data")) {
            JsonObject split = s.getAsJsonObject();
            for (var f : split.getAsJsonArray("files")) {
                assertTrue(f.getAsJsonObject().get("sha256").getAsString().matches("[0-9a-f]{64}"), f.toString());
            }
            if (split.get("task").getAsString().equals("chnsenticorp") && split.get("split").getAsString().equals("test")) {
                chnTest = split.get("examples").getAsInt();
            }
        }
        assertEquals(500, chnTest, "the test split's examples, as results.json counts them");

        Path again = tmp.resolve("eval");
        CliRun eval = CliRun.of("eval", "--model", run.resolve("best").toString(), "--data", SAMPLES, "--out",
                again.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().startsWith("model " + run.resolve("best") + ": trained by SkillNet-J "), eval.out());
        assertEquals(Files.readString(run.resolve("results.json")), Files.readString(again.resolve("results.json")),
                "evaluating the saved model in a new process gives the same results");
        Path withPytorch = tmp.resolve("eval-pytorch");
        CliRun pytorch = CliRun.of("eval", "--model", run.resolve("best").toString(), "--data", SAMPLES, "--out",
                withPytorch.toString(), "--engine", "pytorch");
        assertEquals(0, pytorch.code(), pytorch.err());
        assertEquals(Files.readString(again.resolve("results.json")),
                Files.readString(withPytorch.resolve("results.json")),
                "ONNX Runtime (the default engine) scores every task as the model's own forward path does");

        Path in = Files.writeString(tmp.resolve("in.jsonl"), "{\"text\": \"李明在北京工作\"}\n");
        CliRun ner = CliRun.of("predict", "--model", run.resolve("best").toString(), "--task", "msra_ner",
                "--input", in.toString());
        assertEquals(0, ner.code(), ner.err());
        JsonObject p = JsonParser.parseString(ner.out().strip()).getAsJsonObject();
        assertEquals(7, p.getAsJsonArray("tags").size());
        assertTrue(p.has("entities"));

        Path qa = Files.writeString(tmp.resolve("qa.jsonl"),
                "{\"context\": \"北京大学创建于1898年。\", \"question\": \"北京大学创建于哪一年？\"}\n");
        Path out = tmp.resolve("answers.jsonl");
        CliRun mrc = CliRun.of("predict", "--model", run.resolve("best").toString(), "--task", "cmrc2018",
                "--input", qa.toString(), "--output", out.toString());
        assertEquals(0, mrc.code(), mrc.err());
        JsonObject a = JsonParser.parseString(Files.readString(out).strip()).getAsJsonObject();
        String context = "北京大学创建于1898年。";
        assertEquals(context.substring(a.get("start").getAsInt(), a.get("end").getAsInt()), a.get("answer").getAsString());
    }

    @Test
    void evaluatingSomethingThatIsNotATrainedModelIsAUserError(@TempDir Path tmp) {
        CliRun run = CliRun.of("eval", "--model", tmp.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("not a trained SkillNet model"), run.err());
    }
}
