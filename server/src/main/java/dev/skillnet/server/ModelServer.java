package dev.skillnet.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.skillnet.inference.MultitaskModel;
import dev.skillnet.inference.SkillNet;
import dev.skillnet.inference.TaskInfo;
import dev.skillnet.tasks.declare.TaskType;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained model served over HTTP with a JSON API:
 *
 * <ul>
 *   <li>{@code GET /v1/tasks}: every task with its type, skills, labels and maximum length;
 *   <li>{@code POST /v1/tasks/{task}/predict}: one input object or a list, answered as {@code
 *       skillnet predict} answers, in the same order (see {@link PredictRequest}, {@link Batcher});
 *   <li>{@code GET /health}: 200 once the model is loaded, 503 while it loads or the server stops;
 *   <li>{@code GET /metrics}: Prometheus text (see {@link Metrics}).
 * </ul>
 *
 * <p>The port opens at once and the model loads behind it, so {@code /health} tells when it is
 * ready. Errors are JSON ({@code {"error": {"status", "message", "field"?}}}): 400 for a bad
 * body, 404 for an unknown task or path, 405 for a wrong method, 413 for a body over the limit,
 * 503 with {@code Retry-After} when loading, at capacity or stopping. {@link #close} stops
 * gracefully: it stops accepting connections, lets accepted requests finish (at most {@code
 * drainSeconds}), then frees the model.
 */
public final class ModelServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);
    private static final String JSON = "application/json; charset=utf-8";

    /** How much of a body over the limit is read and thrown away before answering 413. */
    private static final long DRAIN_BYTES = 64L << 20;

    private final ServerConfig config;
    private final Metrics metrics;
    private final Javalin app;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile MultitaskModel model;
    private volatile Batcher batcher;
    private volatile Map<String, TaskInfo> tasks = Map.of();
    private volatile String loadError;
    private volatile boolean stopping;

    private ModelServer(ServerConfig config) {
        this.config = config;
        this.metrics = new Metrics(() -> batcher == null ? 0 : batcher.queued());
        this.app = Javalin.create(c -> {
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.http.maxRequestSize = Long.MAX_VALUE; // the predict route reads its body with its own bound
            c.http.prefer405over404 = true;
            c.startup.showJavalinBanner = false;
            c.routes.get("/health", this::health);
            c.routes.get("/metrics", this::metrics);
            c.routes.get("/v1/tasks", this::listTasks);
            c.routes.post("/v1/tasks/{task}/predict", this::predict);
            c.routes.exception(ApiError.class, (e, ctx) -> answer(ctx, e.status(), e.body()));
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                answer(ctx, 500, ApiError.body(500, null, "internal error: " + e));
            });
            c.routes.error(404, ctx -> notFound(ctx));
            c.routes.error(405, ctx -> answer(ctx, 405, ApiError.body(405, null, ctx.method() + " is not allowed on "
                    + ctx.path() + "; see GET /v1/tasks and POST /v1/tasks/{task}/predict")));
        });
    }

    /**
     * Opens the port at once and loads the model behind it.
     *
     * @param modelDir a trained model folder (a run's {@code best/})
     * @param config where to listen and the bounds
     * @return the running server
     */
    public static ModelServer start(Path modelDir, ServerConfig config) {
        ModelServer server = new ModelServer(config);
        server.app.start();
        LOG.info("listening on http://{}:{}; loading {}", config.host(), server.port(), modelDir);
        Thread loader = new Thread(() -> server.load(modelDir), "skillnet-model-loader");
        loader.setDaemon(true);
        loader.start();
        return server;
    }

    private void load(Path modelDir) {
        long start = System.nanoTime();
        try {
            MultitaskModel m = SkillNet.builder().setModel(modelDir).optBatchSize(config.maxBatch())
                    .optEngine(config.engine()).load();
            Map<String, TaskInfo> byName = new LinkedHashMap<>();
            m.tasks().forEach(t -> byName.put(t.name(), t));
            metrics.tasks(byName.keySet());
            batcher = new Batcher(m, List.copyOf(byName.keySet()), config, metrics);
            tasks = Collections.unmodifiableMap(byName); // declaration order
            model = m;
            double seconds = (System.nanoTime() - start) / 1e9;
            metrics.loaded(seconds);
            LOG.info("ready: {} tasks {} loaded in {} s", byName.size(), byName.keySet(),
                    String.format(Locale.ROOT, "%.1f", seconds));
        } catch (RuntimeException | Error e) {
            loadError = e.getMessage() != null ? e.getMessage() : e.toString();
            LOG.error("cannot load the model from {}: {}", modelDir, loadError);
        } finally {
            loaded.countDown();
        }
    }

    /**
     * @param timeout how long to wait
     * @param unit its unit
     * @return true once the model is loaded; false if loading failed or the time ran out
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
        return loaded.await(timeout, unit) && model != null;
    }

    /** @return why the model could not be loaded, or null */
    public String loadError() {
        return loadError;
    }

    /** @return the port listened on */
    public int port() {
        return app.port();
    }

    private void health(Context ctx) {
        JsonObject o = new JsonObject();
        int status;
        if (stopping) {
            status = 503;
            o.addProperty("status", "stopping");
        } else if (model != null) {
            status = 200;
            o.addProperty("status", "ready");
            o.addProperty("tasks", tasks.size());
        } else if (loadError != null) {
            status = 500;
            o.addProperty("status", "failed");
            o.addProperty("message", loadError);
        } else {
            status = 503;
            o.addProperty("status", "loading");
        }
        answer(ctx, status, o.toString());
    }

    private void metrics(Context ctx) {
        ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private void listTasks(Context ctx) {
        requireReady();
        JsonArray list = new JsonArray();
        for (TaskInfo t : tasks.values()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", t.name());
            o.addProperty("type", t.type());
            JsonArray skills = new JsonArray();
            t.skills().forEach(skills::add);
            o.add("skills", skills);
            JsonArray labels = new JsonArray();
            t.labels().forEach(labels::add);
            o.add("labels", labels);
            o.addProperty("max_length", t.maxLength());
            list.add(o);
        }
        JsonObject out = new JsonObject();
        out.add("tasks", list);
        answer(ctx, 200, out.toString());
    }

    private void predict(Context ctx) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String task = ctx.pathParam("task");
        int status = 500;
        inFlight.incrementAndGet();
        try {
            byte[] body = body(ctx); // first, whatever the answer: a request read whole keeps its connection usable
            requireReady();
            TaskInfo info = tasks.get(task);
            if (info == null) {
                throw new ApiError(404, "task", "unknown task '" + shorten(task) + "'; the model has " + tasks.keySet());
            }
            PredictRequest request = PredictRequest.parse(body, TaskType.fromJson(info.type()), config);
            List<JsonObject> answers;
            try {
                answers = batcher.submit(task, request.inputs()).get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ApiError a) {
                    throw a;
                }
                throw new IllegalStateException("prediction failed: " + e.getCause(), e.getCause());
            }
            String answer;
            if (request.single()) {
                answer = answers.get(0).toString();
            } else {
                JsonArray list = new JsonArray();
                answers.forEach(list::add);
                answer = list.toString();
            }
            status = 200;
            send(ctx, 200, answer);
        } catch (ApiError e) {
            status = e.status();
            send(ctx, e.status(), e.body());
        } finally {
            inFlight.decrementAndGet();
            metrics.request(task, status, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * The body, read up to one byte past the limit. A body over the limit is read on and thrown
     * away (up to {@link #DRAIN_BYTES}) before the 413, so that the client, still sending, gets the
     * answer rather than a reset connection; past that the connection is closed after the answer.
     */
    private byte[] body(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        InputStream in = ctx.req().getInputStream();
        byte[] b = in.readNBytes(config.maxBodyBytes() + 1);
        if (b.length <= config.maxBodyBytes()) {
            return b;
        }
        byte[] sink = new byte[64 * 1024];
        long drained = b.length;
        for (int n; drained < DRAIN_BYTES && (n = in.read(sink)) > 0; ) {
            drained += n;
        }
        if (drained >= DRAIN_BYTES) {
            ctx.header("Connection", "close");
        }
        throw new ApiError(413, null, "the body has " + (declared >= 0 ? declared + " bytes" : "more bytes than that")
                + "; the limit is " + config.maxBodyBytes());
    }

    private void requireReady() {
        if (stopping) {
            throw new ApiError(503, null, "the server is shutting down");
        }
        if (model == null) {
            throw new ApiError(503, null, loadError != null ? "the model could not be loaded: " + loadError
                    : "the model is still loading; see GET /health");
        }
    }

    private void notFound(Context ctx) {
        if (ctx.result() != null && ctx.result().startsWith("{\"error\"")) {
            return; // an ApiError's own 404 (unknown task)
        }
        answer(ctx, 404, ApiError.body(404, null, "no such path: " + shorten(ctx.path())
                + "; see GET /v1/tasks and POST /v1/tasks/{task}/predict"));
    }

    /**
     * Writes and flushes the whole answer before returning, so that a request counted as finished
     * has its answer on the wire when a graceful stop closes the connection.
     */
    private static void send(Context ctx, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ctx.status(status).contentType(JSON);
        if (status == 503) {
            ctx.header("Retry-After", "1");
        }
        ctx.res().setContentLength(bytes.length);
        OutputStream out = ctx.res().getOutputStream();
        out.write(bytes);
        out.flush();
    }

    private static void answer(Context ctx, int status, String body) {
        ctx.status(status).contentType(JSON).result(body);
        if (status == 503) {
            ctx.header("Retry-After", "1");
        }
    }

    /** A client's string in a message, at most 100 chars. */
    private static String shorten(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "...";
    }

    /**
     * Stops gracefully: {@code /health} turns 503, the listening socket closes, requests already
     * accepted finish (at most {@code drainSeconds}), then the server stops and the model is freed.
     */
    @Override
    public void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        LOG.info("stopping: no new connections; {} requests in flight", inFlight.get());
        for (Connector c : app.jettyServer().server().getConnectors()) {
            if (c instanceof NetworkConnector n) {
                n.close();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.drainSeconds());
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.warn("{} requests still running after {} s; stopping anyway", inFlight.get(), config.drainSeconds());
        }
        app.stop();
        if (batcher != null) {
            batcher.close();
        }
        if (model != null) {
            model.close();
        }
        LOG.info("stopped");
    }
}
