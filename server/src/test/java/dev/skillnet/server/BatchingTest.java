package dev.skillnet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.inference.RandomModel;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gathering under concurrency: concurrent requests share forward passes and get the answers each
 * gets alone; past the queue bound the server answers 503 with Retry-After; a stop finishes what
 * was accepted and refuses new connections.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BatchingTest {

    private static final String TNEWS = "/v1/tasks/tnews/predict";

    @TempDir
    static Path tmp;

    private static Path model;

    @BeforeAll
    static void save() throws IOException {
        model = RandomModel.save(tmp.resolve("model"), 5);
    }

    private static ModelServer start(ServerConfig.Builder b) throws InterruptedException {
        ModelServer s = ModelServer.start(model, b.optPort(0).build());
        assertTrue(s.awaitReady(60, TimeUnit.SECONDS));
        return s;
    }

    private static String text(int i) {
        return "第" + i + "条新闻：" + "股市今天".repeat(1 + i % 7);
    }

    private static long metric(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9]+)$").matcher(scrape);
        assertTrue(m.find(), name + " in\n" + scrape);
        return Long.parseLong(m.group(1));
    }

    @Test
    void concurrentRequestsShareForwardPassesAndGetTheirOwnAnswers() throws Exception {
        int n = 24;
        List<JsonObject> alone = new ArrayList<>();
        try (ModelServer s = start(ServerConfig.builder().optBatching(false))) {
            for (int i = 0; i < n; i++) {
                alone.add(JsonParser.parseString(Http.post(s.port(), TNEWS, "{\"text\": \"" + text(i) + "\"}").body())
                        .getAsJsonObject());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try (ModelServer s = start(ServerConfig.builder().optMaxWaitMillis(50).optMaxBatch(16))) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                Callable<HttpResponse<String>> call = () -> Http.post(s.port(), TNEWS, "{\"text\": \"" + text(k) + "\"}");
                futures.add(pool.submit(call));
            }
            for (int i = 0; i < n; i++) {
                HttpResponse<String> r = futures.get(i).get();
                assertEquals(200, r.statusCode(), r.body());
                JsonObject got = JsonParser.parseString(r.body()).getAsJsonObject();
                JsonObject want = alone.get(i);
                assertEquals(want.get("label"), got.get("label"), "request " + i);
                for (String label : want.getAsJsonObject("probabilities").keySet()) {
                    // padding beside longer inputs changes the GEMM shapes, so only the last bits may differ
                    assertEquals(want.getAsJsonObject("probabilities").get(label).getAsDouble(),
                            got.getAsJsonObject("probabilities").get(label).getAsDouble(), 1e-5, "request " + i);
                }
            }
            String scrape = Http.get(s.port(), "/metrics").body();
            long passes = metric(scrape, "skillnet_batch_inputs_count{task=\"tnews\"}");
            assertEquals(n, metric(scrape, "skillnet_requests_total{task=\"tnews\",status=\"200\"}"));
            assertTrue(passes < n, n + " requests took " + passes + " forward passes: none was shared");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pastTheQueueBoundTheServerAnswers503WithRetryAfter() throws Exception {
        int n = 40;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try (ModelServer s = start(ServerConfig.builder().optMaxQueued(8).optMaxInputs(4).optMaxBatch(4)
                .optMaxWaitMillis(100))) {
            String four = "[" + ("{\"text\": \"" + text(3) + "\"},").repeat(3) + "{\"text\": \"" + text(3) + "\"}]";
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> Http.post(s.port(), TNEWS, four)));
            }
            int ok = 0;
            int refused = 0;
            for (Future<HttpResponse<String>> f : futures) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 200) {
                    ok++;
                } else {
                    assertEquals(503, r.statusCode(), r.body());
                    assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
                    assertTrue(r.body().contains("at capacity"), r.body());
                    refused++;
                }
            }
            assertTrue(ok > 0 && refused > 0, ok + " answered, " + refused + " refused");
            assertEquals(200, Http.post(s.port(), TNEWS, four).statusCode(), "answers again once the queue drains");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStopFinishesAcceptedRequestsAndRefusesNewConnections() throws Exception {
        ModelServer s = start(ServerConfig.builder().optMaxInputs(64).optMaxBatch(64));
        int port = s.port();
        StringBuilder passages = new StringBuilder("[");
        for (int i = 0; i < 64; i++) {
            passages.append(i > 0 ? "," : "").append("{\"question\": \"哪里？\", \"context\": \"")
                    .append("李明在北京大学读书，他学的是物理。".repeat(20)).append("\"}");
        }
        String body = passages.append("]").toString();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse<String>> slow = pool.submit(() -> Http.post(port, "/v1/tasks/cmrc2018/predict", body));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean inFlight = false;
            while (!inFlight && !slow.isDone() && System.nanoTime() < deadline) {
                inFlight = Http.get(port, "/metrics").body().contains("skillnet_queued_inputs 64");
            }
            assertTrue(inFlight, "the request was seen in flight before the stop");
            s.close();
            HttpResponse<String> r = slow.get();
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(64, JsonParser.parseString(r.body()).getAsJsonArray().size());
        } finally {
            pool.shutdownNow();
        }
        assertThrows(IOException.class, () -> Http.get(port, "/health"), "no new connections after a stop");
    }
}
