package dev.skillnet.bench;

import dev.skillnet.inference.evaluate.LogitsEngine;
import dev.skillnet.server.ModelServer;
import dev.skillnet.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load test of {@code skillnet serve} on loopback, in this process: closed-loop clients (each
 * sends its next request when the last is answered) post one text each to one task, at 1, 8 and
 * 32 clients, with batching off and on, a fixed number of requests per row; then a soak of many
 * requests with batching on, sampling resident memory as it goes. Every status is counted, so a
 * 5xx shows.
 */
public final class ServeLoad {

    private static final Logger LOG = LoggerFactory.getLogger(ServeLoad.class);
    private static final int[] CLIENTS = {1, 8, 32};

    /**
     * One row of the table.
     *
     * @param batching whether requests were gathered into shared forward passes
     * @param clients concurrent clients
     * @param requests requests answered
     * @param seconds wall time
     * @param perSecond requests per second
     * @param p50Millis median latency
     * @param p99Millis 99th-percentile latency
     * @param statuses how many requests got each HTTP status
     */
    public record Row(boolean batching, int clients, int requests, double seconds, double perSecond, double p50Millis,
            double p99Millis, Map<Integer, Integer> statuses) {}

    /**
     * The soak.
     *
     * @param requests requests sent
     * @param rssMib resident memory (MiB) after every tenth of them, the first reading after warm-up
     * @param statuses how many requests got each HTTP status
     */
    public record Soak(int requests, List<Double> rssMib, Map<Integer, Integer> statuses) {}

    /**
     * @param rows the table
     * @param soak the soak, or null
     */
    public record Result(List<Row> rows, Soak soak) {}

    private final Path model;
    private final LogitsEngine engine;
    private final String task;
    private final List<String> texts;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param model a trained model folder
     * @param task the task to post to (single-text classification or sequence labelling)
     * @param texts the texts to send, in turn
     * @param engine what runs the server's forward passes
     */
    public ServeLoad(Path model, String task, List<String> texts, LogitsEngine engine) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to send");
        }
        this.model = model;
        this.engine = engine;
        this.task = task;
        this.texts = List.copyOf(texts);
    }

    /**
     * @param requestsPerRow requests per row of the table
     * @param soakRequests requests of the soak, 0 for none
     * @return the table and the soak
     */
    public Result run(int requestsPerRow, int soakRequests) throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (boolean batching : new boolean[] {false, true}) {
            try (ModelServer server = start(batching)) {
                load(server.port(), 4, 20, i -> { }, new long[20], new ConcurrentHashMap<>()); // warm-up
                for (int clients : CLIENTS) {
                    long[] latencies = new long[requestsPerRow];
                    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
                    long start = System.nanoTime();
                    load(server.port(), clients, requestsPerRow, i -> { }, latencies, statuses);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    Arrays.sort(latencies);
                    Row row = new Row(batching, clients, requestsPerRow, seconds, requestsPerRow / seconds,
                            latencies[(int) Math.floor(0.50 * (requestsPerRow - 1))] / 1e6,
                            latencies[(int) Math.floor(0.99 * (requestsPerRow - 1))] / 1e6, new TreeMap<>(statuses));
                    LOG.info("batching {}, {} clients: {} requests/s, p50 {} ms, p99 {} ms, statuses {}", batching ? "on" : "off",
                            clients, String.format(Locale.ROOT, "%.1f", row.perSecond()), String.format(Locale.ROOT, "%.1f", row.p50Millis()),
                            String.format(Locale.ROOT, "%.1f", row.p99Millis()), row.statuses());
                    rows.add(row);
                }
            }
        }
        Soak soak = null;
        if (soakRequests > 0) {
            try (ModelServer server = start(true)) {
                load(server.port(), 8, 100, i -> { }, new long[100], new ConcurrentHashMap<>()); // warm-up
                List<Double> rss = new ArrayList<>();
                rss.add(Memory.rssMib());
                int tenth = Math.max(1, soakRequests / 10);
                Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
                load(server.port(), 8, soakRequests, done -> {
                    if ((done + 1) % tenth == 0) {
                        synchronized (rss) {
                            rss.add(Memory.rssMib());
                        }
                        LOG.info("soak: {} of {} requests, resident {} MiB", done + 1, soakRequests,
                                String.format(Locale.ROOT, "%.0f", Memory.rssMib()));
                    }
                }, new long[soakRequests], statuses);
                soak = new Soak(soakRequests, List.copyOf(rss), new TreeMap<>(statuses));
            }
        }
        return new Result(rows, soak);
    }

    private ModelServer start(boolean batching) throws InterruptedException {
        ModelServer server = ModelServer.start(model, ServerConfig.builder().optPort(0).optBatching(batching)
                .optMaxQueued(1024).optEngine(engine).build());
        if (!server.awaitReady(10, TimeUnit.MINUTES)) {
            String why = server.loadError();
            server.close();
            throw new IllegalStateException("the model did not load: " + why);
        }
        return server;
    }

    /** {@code clients} closed-loop clients send {@code total} requests between them. */
    private void load(int port, int clients, int total, IntConsumer done, long[] latencies,
            Map<Integer, Integer> statuses) throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/v1/tasks/" + task + "/predict");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    String text = texts.get(i % texts.size()).replace("\\", "\\\\").replace("\"", "\\\"");
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text + "\"}")).build();
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = -1; // no answer at all
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    latencies[i] = System.nanoTime() - start;
                    statuses.merge(status, 1, Integer::sum);
                    done.accept(finished.getAndIncrement());
                }
            }, "load-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failures.get() > 0) {
            LOG.warn("{} requests got no answer", failures.get());
        }
    }

    /**
     * @param r a result
     * @return the table and the soak in Markdown
     */
    public static String markdown(Result r) {
        StringBuilder out = new StringBuilder();
        out.append("| batching | clients | requests | seconds | requests/s | p50 ms | p99 ms | statuses |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : r.rows()) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %s |%n",
                    row.batching() ? "on" : "off", row.clients(), row.requests(), row.seconds(), row.perSecond(),
                    row.p50Millis(), row.p99Millis(), row.statuses()));
        }
        if (r.soak() != null) {
            out.append("\nSoak: ").append(r.soak().requests()).append(" requests, 8 clients, batching on; resident MiB: ");
            out.append(r.soak().rssMib().stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
            out.append("; statuses ").append(r.soak().statuses()).append('\n');
        }
        return out.toString();
    }
}
