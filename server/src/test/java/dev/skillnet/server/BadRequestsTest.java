package dev.skillnet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.inference.RandomModel;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad requests through real HTTP: each gets its 4xx, a JSON error naming the field where one is
 * at fault, and leaves the server answering. The table is written to
 * {@code target/server-bad-requests.md} for docs/RELIABILITY.md.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BadRequestsTest {

    private static final String PREDICT = "/v1/tasks/tnews/predict";

    @TempDir
    static Path tmp;

    private static ModelServer server;
    private static int port;

    /** One bad request: what it is, how it is sent, and what must come back. */
    private record Case(String what, String method, String path, byte[] body, int status, String field,
            String messagePart) {}

    @BeforeAll
    static void start() throws Exception {
        Path dir = RandomModel.save(tmp.resolve("model"), 3);
        server = ModelServer.start(dir, ServerConfig.builder().optPort(0).optMaxInputs(4).optMaxTextChars(50)
                .optMaxBodyBytes(2000).build());
        assertTrue(server.awaitReady(60, TimeUnit.SECONDS));
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Case post(String what, String path, String body, int status, String field, String part) {
        return new Case(what, "POST", path, body.getBytes(StandardCharsets.UTF_8), status, field, part);
    }

    @Test
    void eachGetsItsStatusAndAJsonErrorNamingTheField() throws Exception {
        List<Case> cases = List.of(
                post("malformed JSON", PREDICT, "{\"text\": \"股市", 400, null, "not valid JSON"),
                post("JSON with text after it", PREDICT, "{\"text\": \"a\"} x", 400, null, "not valid JSON"),
                post("empty body", PREDICT, "", 400, null, "the body is empty"),
                post("a string instead of an object", PREDICT, "\"股市\"", 400, null, "got a string"),
                post("missing field", PREDICT, "{\"txt\": \"股市\"}", 400, "text", "missing field \"text\""),
                post("field of the wrong type", PREDICT, "{\"text\": 42}", 400, "text", "must be a string"),
                post("pair task without text_pair", "/v1/tasks/afqmc/predict", "{\"text\": \"a\"}", 400, "text_pair",
                        "missing field \"text_pair\""),
                post("wrong input kind: a text for reading comprehension", "/v1/tasks/cmrc2018/predict",
                        "{\"text\": \"a\"}", 400, "context", "span_extraction task reads {\"question\", \"context\"}"),
                post("text over the size limit", PREDICT, "{\"text\": \"" + "长".repeat(51) + "\"}", 400, "text",
                        "has 51 characters; the limit is 50"),
                post("a list item that is not an object", PREDICT, "[{\"text\": \"a\"}, 7]", 400, "[1]",
                        "must be a JSON object"),
                post("a list item with a missing field", PREDICT, "[{\"text\": \"a\"}, {}]", 400, "[1].text",
                        "input [1]: missing field"),
                post("an empty list", PREDICT, "[]", 400, null, "empty"),
                post("too many inputs in one request", PREDICT, "[{\"text\": \"a\"},{\"text\": \"a\"},{\"text\": \"a\"},"
                        + "{\"text\": \"a\"},{\"text\": \"a\"}]", 400, null, "the limit is 4 per request"),
                new Case("body that is not UTF-8", "POST", PREDICT, new byte[] {'{', '"', 't', '"', ':', (byte) 0xC3,
                        (byte) 0x28, '}'}, 400, null, "not valid UTF-8"),
                post("body over the size limit", PREDICT, "[" + "{\"text\": \"a\"},".repeat(300) + "{\"text\": \"a\"}]",
                        413, null, "the limit is 2000"),
                post("unknown task", "/v1/tasks/poetry/predict", "{\"text\": \"a\"}", 404, "task",
                        "unknown task 'poetry'"),
                post("unknown path", "/v2/everything", "{}", 404, null, "no such path"),
                new Case("wrong method", "GET", PREDICT, null, 405, null, "GET is not allowed"));
        List<String> table = new ArrayList<>();
        table.add("| request | status | answer |");
        table.add("|---|---:|---|");
        for (Case c : cases) {
            HttpResponse<String> r = c.method().equals("GET") ? Http.get(port, c.path()) : Http.post(port, c.path(), c.body());
            assertEquals(c.status(), r.statusCode(), c.what() + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), c.what());
            JsonObject error = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("error");
            assertEquals(c.status(), error.get("status").getAsInt(), c.what());
            assertTrue(error.get("message").getAsString().contains(c.messagePart()), c.what() + ": " + r.body());
            assertEquals(c.field(), error.has("field") ? error.get("field").getAsString() : null, c.what());
            table.add("| " + c.what() + " | " + r.statusCode() + " | `" + r.body().replace("|", "\\|") + "` |");
        }
        assertEquals(200, Http.post(port, PREDICT, "{\"text\": \"股市\"}").statusCode(), "still answering");
        Files.writeString(Path.of("target", "server-bad-requests.md"), String.join("\n", table) + "\n");
    }

    @Test
    void healthTellsAModelThatCannotLoadAndPredictAnswers503() throws Exception {
        try (ModelServer broken = ModelServer.start(tmp.resolve("no-such-model"),
                ServerConfig.builder().optPort(0).build())) {
            assertTrue(!broken.awaitReady(60, TimeUnit.SECONDS));
            HttpResponse<String> health = Http.get(broken.port(), "/health");
            assertEquals(500, health.statusCode());
            assertEquals("failed", JsonParser.parseString(health.body()).getAsJsonObject().get("status").getAsString());
            HttpResponse<String> p = Http.post(broken.port(), PREDICT, "{\"text\": \"a\"}");
            assertEquals(503, p.statusCode());
            assertTrue(p.body().contains("could not be loaded"), p.body());
        }
    }
}
