package dev.skillnet.cli;

import dev.skillnet.core.UserInputException;
import dev.skillnet.onnx.EvalEngine;
import dev.skillnet.server.ModelServer;
import dev.skillnet.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** {@code skillnet serve}: a trained model over HTTP until SIGTERM or Ctrl-C, then a graceful stop and exit 0. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a trained model over HTTP (JSON): GET /v1/tasks, POST /v1/tasks/{task}/predict,",
                "GET /health, GET /metrics. Concurrent requests to a task share one forward pass. On SIGTERM or",
                "Ctrl-C it stops accepting, finishes what it accepted, and exits 0."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A trained model (e.g. runs/demo/best).")
    Path model;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port; 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--batching", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Gather concurrent requests to a task into one forward pass (default: yes; --no-batching).")
    boolean batching;

    @Option(names = "--max-batch", description = "Most inputs per gathered forward pass (default 32).")
    Integer maxBatch;

    @Option(names = "--max-wait-ms", description = "How long a batch waits to fill, in ms (default 5).")
    Integer maxWaitMillis;

    @Option(names = "--max-queued", description = "Most inputs queued at once before answering 503 (default 256).")
    Integer maxQueued;

    @Option(names = "--engine", defaultValue = "pytorch", paramLabel = "NAME", description = {
            "What runs the forward passes (default ${DEFAULT-VALUE}): pytorch, onnx (ONNX Runtime, fp32: the same",
            "answers; each task exported when the server loads it) or onnx-int8 (int8 weights: answers may move)."})
    String engine;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isDirectory(model)) {
            throw new UserInputException(model, "no such model folder (give a trained model, e.g. runs/demo/best)");
        }
        ServerConfig.Builder b = ServerConfig.builder().optHost(host).optPort(port).optBatching(batching)
                .optEngine(EvalEngine.parse(engine));
        if (maxBatch != null) {
            b.optMaxBatch(maxBatch);
        }
        if (maxWaitMillis != null) {
            b.optMaxWaitMillis(maxWaitMillis);
        }
        if (maxQueued != null) {
            b.optMaxQueued(maxQueued);
        }
        ServerConfig config;
        try {
            config = b.build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        ModelServer server = ModelServer.start(model, config);
        if (!server.awaitReady(30, TimeUnit.MINUTES)) {
            String why = server.loadError();
            server.close();
            throw new UserInputException(model, why != null ? why : "the model did not load within 30 minutes");
        }
        var out = spec.commandLine().getOut();
        out.println("serving " + model + " on http://" + host + ":" + server.port() + " (Ctrl-C or SIGTERM to stop)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            server.close();
            stopped.countDown();
        };
        Signal.handle(new Signal("TERM"), s -> stop.run());
        Signal.handle(new Signal("INT"), s -> stop.run());
        stopped.await();
        out.println("stopped");
        out.flush();
        return 0;
    }
}
