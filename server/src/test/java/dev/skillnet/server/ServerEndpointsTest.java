package dev.skillnet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.inference.Answer;
import dev.skillnet.inference.Classification;
import dev.skillnet.inference.Entity;
import dev.skillnet.inference.MultitaskModel;
import dev.skillnet.inference.Question;
import dev.skillnet.inference.RandomModel;
import dev.skillnet.inference.SkillNet;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint through real HTTP on loopback, on a small random model of the six bundled tasks;
 * the oracle for predictions is the Java API's typed results on the same model folder.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerEndpointsTest {

    @TempDir
    static Path tmp;

    private static ModelServer server;
    private static MultitaskModel api;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Path dir = RandomModel.save(tmp.resolve("model"), 11);
        server = ModelServer.start(dir, ServerConfig.builder().optPort(0).build());
        assertTrue(server.awaitReady(60, TimeUnit.SECONDS), "model loaded");
        port = server.port();
        api = SkillNet.load(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
        api.close();
    }

    private static JsonElement json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body());
    }

    @Test
    void healthSaysReadyOnceTheModelIsLoaded() throws Exception {
        HttpResponse<String> r = Http.get(port, "/health");
        assertEquals(200, r.statusCode());
        assertEquals("ready", json(r).getAsJsonObject().get("status").getAsString());
        assertEquals(6, json(r).getAsJsonObject().get("tasks").getAsInt());
    }

    @Test
    void listsEveryTaskWithTypeSkillsLabelsAndMaxLength() throws Exception {
        HttpResponse<String> r = Http.get(port, "/v1/tasks");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonArray tasks = json(r).getAsJsonObject().getAsJsonArray("tasks");
        assertEquals(6, tasks.size());
        for (JsonElement e : tasks) {
            JsonObject t = e.getAsJsonObject();
            var info = api.task(t.get("name").getAsString());
            assertEquals(info.type(), t.get("type").getAsString());
            assertEquals(info.skills().size(), t.getAsJsonArray("skills").size());
            assertEquals(info.labels().size(), t.getAsJsonArray("labels").size());
            assertEquals(info.maxLength(), t.get("max_length").getAsInt());
        }
    }

    @Test
    void classifiesOneTextOrAListInOrderAsTheApiDoes() throws Exception {
        List<String> texts = List.of("酒店很干净，服务也好", "房间太小了", "一般");
        HttpResponse<String> one = Http.post(port, "/v1/tasks/chnsenticorp/predict", "{\"text\": \"" + texts.get(0) + "\"}");
        assertEquals(200, one.statusCode());
        Classification c = api.classify("chnsenticorp", texts.get(0));
        JsonObject o = json(one).getAsJsonObject();
        assertEquals(c.label(), o.get("label").getAsString());
        assertEquals(c.probability(), o.getAsJsonObject("probabilities").get(c.label()).getAsDouble(), 1e-5);

        StringBuilder list = new StringBuilder("[");
        for (String t : texts) {
            list.append(list.length() > 1 ? "," : "").append("{\"text\": \"").append(t).append("\"}");
        }
        HttpResponse<String> many = Http.post(port, "/v1/tasks/chnsenticorp/predict", list.append("]").toString());
        assertEquals(200, many.statusCode());
        JsonArray answers = json(many).getAsJsonArray();
        assertEquals(texts.size(), answers.size());
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(api.classify("chnsenticorp", texts.get(i)).label(),
                    answers.get(i).getAsJsonObject().get("label").getAsString(), "input " + i);
        }
    }

    @Test
    void classifiesPairsTagsAndAnswers() throws Exception {
        HttpResponse<String> pair = Http.post(port, "/v1/tasks/afqmc/predict",
                "{\"text\": \"花呗怎么还款\", \"text_pair\": \"花呗如何还钱\"}");
        assertEquals(200, pair.statusCode());
        assertEquals(api.classify("afqmc", "花呗怎么还款", "花呗如何还钱").label(),
                json(pair).getAsJsonObject().get("label").getAsString());

        HttpResponse<String> tag = Http.post(port, "/v1/tasks/msra_ner/predict", "{\"text\": \"李明在北京大学读书\"}");
        assertEquals(200, tag.statusCode());
        List<Entity> entities = api.tag("msra_ner", "李明在北京大学读书").entities();
        JsonObject t = json(tag).getAsJsonObject();
        assertEquals(9, t.getAsJsonArray("tags").size());
        assertEquals(entities.size(), t.getAsJsonArray("entities").size());

        String question = "谁在北京读书？";
        String context = "李明在北京大学读书，他学的是物理。";
        HttpResponse<String> read = Http.post(port, "/v1/tasks/cmrc2018/predict",
                "{\"question\": \"" + question + "\", \"context\": \"" + context + "\"}");
        assertEquals(200, read.statusCode());
        Answer a = api.answer("cmrc2018", question, context);
        JsonObject r = json(read).getAsJsonObject();
        assertEquals(a.text(), r.get("answer").getAsString());
        assertEquals(a.start(), r.get("start").getAsInt());
        assertEquals(a.end(), r.get("end").getAsInt());
        assertEquals(a.probability(), r.get("probability").getAsDouble(), 1e-5);
        assertEquals(a, api.answerAll("cmrc2018", List.of(new Question(question, context))).get(0));
    }

    @Test
    void metricsCountRequestsByTaskAndStatusInPrometheusText() throws Exception {
        Http.post(port, "/v1/tasks/tnews/predict", "{\"text\": \"股市\"}");
        Http.post(port, "/v1/tasks/tnews/predict", "{\"txt\": \"股市\"}");
        Http.post(port, "/v1/tasks/no-such-task/predict", "{\"text\": \"股市\"}");
        HttpResponse<String> r = Http.get(port, "/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String text = r.body();
        assertTrue(text.contains("skillnet_requests_total{task=\"tnews\",status=\"200\"}"), text);
        assertTrue(text.contains("skillnet_requests_total{task=\"tnews\",status=\"400\"} "), text);
        assertTrue(text.contains("skillnet_requests_total{task=\"_unknown\",status=\"404\"} "), text);
        assertTrue(text.contains("# TYPE skillnet_request_seconds histogram"), text);
        assertTrue(text.contains("skillnet_request_seconds_bucket{task=\"tnews\",le=\"+Inf\"} "), text);
        assertTrue(text.contains("skillnet_batch_inputs_count{task=\"tnews\"} "), text);
        assertTrue(text.matches("(?s).*skillnet_model_load_seconds [0-9.]+\\n.*"), text);
        assertTrue(text.contains("skillnet_queued_inputs 0"), text);
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("#") || line.matches("[a-z_]+(\\{[^}]*\\})? [0-9.eE+-]+|[a-z_]+ NaN"), line);
        }
    }
}
