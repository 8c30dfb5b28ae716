package dev.skillnet.server;

import com.google.gson.JsonObject;
import dev.skillnet.inference.MultitaskModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers concurrent requests to one task into one forward pass. Each task has a queue and a
 * worker thread: the worker takes the oldest request, waits at most {@code maxWaitMillis} for
 * more to join it while the batch holds at most {@code maxBatch} inputs, predicts them together
 * ({@link MultitaskModel#predictJson}) and hands each request its own answers, in order. Forward
 * passes of different tasks take turns inside the model. Inputs waiting or running are counted
 * over all tasks; a request that would take the count past {@code maxQueued} is refused at once
 * (the server answers 503) rather than queued without bound.
 */
final class Batcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Batcher.class);

    /** One request's inputs and the answers it waits for. */
    private record Pending(List<JsonObject> inputs, CompletableFuture<List<JsonObject>> answers) {}

    private final MultitaskModel model;
    private final ServerConfig config;
    private final Metrics metrics;
    private final Map<String, LinkedBlockingDeque<Pending>> queues;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean closing;

    /**
     * @param model the model
     * @param tasks its task names
     * @param config the batching bounds
     * @param metrics records each forward pass's size
     */
    Batcher(MultitaskModel model, List<String> tasks, ServerConfig config, Metrics metrics) {
        this.model = model;
        this.config = config;
        this.metrics = metrics;
        Map<String, LinkedBlockingDeque<Pending>> q = new LinkedHashMap<>();
        for (String task : tasks) {
            LinkedBlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
            q.put(task, queue);
            Thread worker = new Thread(() -> work(task, queue), "skillnet-batch-" + task);
            worker.setDaemon(true);
            workers.add(worker);
        }
        this.queues = Map.copyOf(q);
        workers.forEach(Thread::start);
    }

    /** @return the inputs waiting or running now, over all tasks */
    int queued() {
        return queued.get();
    }

    /**
     * @param task a task of the model
     * @param inputs checked input objects (see {@link PredictRequest})
     * @return the answers, one per input, in order, once predicted
     * @throws ApiError 503 when the server is at its queue bound or shutting down
     */
    CompletableFuture<List<JsonObject>> submit(String task, List<JsonObject> inputs) {
        if (closing) {
            throw new ApiError(503, null, "the server is shutting down");
        }
        int n = inputs.size();
        int now;
        do {
            now = queued.get();
            if (now + n > config.maxQueued()) {
                throw new ApiError(503, null, "the server is at capacity (" + now + " inputs queued, limit "
                        + config.maxQueued() + "); retry shortly");
            }
        } while (!queued.compareAndSet(now, now + n));
        Pending p = new Pending(inputs, new CompletableFuture<>());
        queues.get(task).addLast(p);
        return p.answers();
    }

    private void work(String task, LinkedBlockingDeque<Pending> queue) {
        while (!closing || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.pollFirst(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Pending> batch = gather(first, queue);
            run(task, batch);
        }
    }

    /** The first request and those that join it within the wait, up to the batch bound. */
    private List<Pending> gather(Pending first, LinkedBlockingDeque<Pending> queue) {
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        if (!config.batching()) {
            return batch;
        }
        int n = first.inputs().size();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.maxWaitMillis());
        while (n < config.maxBatch()) {
            long left = deadline - System.nanoTime();
            Pending next;
            try {
                next = left > 0 ? queue.pollFirst(left, TimeUnit.NANOSECONDS) : queue.pollFirst();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (next == null) {
                break;
            }
            if (n + next.inputs().size() > config.maxBatch()) {
                queue.addFirst(next); // it starts the next batch
                break;
            }
            batch.add(next);
            n += next.inputs().size();
        }
        return batch;
    }

    private void run(String task, List<Pending> batch) {
        List<JsonObject> inputs = new ArrayList<>();
        batch.forEach(p -> inputs.addAll(p.inputs()));
        try {
            List<JsonObject> answers = model.predictJson(task, inputs);
            metrics.batch(task, inputs.size());
            int from = 0;
            for (Pending p : batch) {
                int to = from + p.inputs().size();
                p.answers().complete(List.copyOf(answers.subList(from, to)));
                from = to;
            }
        } catch (RuntimeException | Error e) {
            LOG.error("{}: a forward pass of {} inputs failed", task, inputs.size(), e);
            batch.forEach(p -> p.answers().completeExceptionally(e));
        } finally {
            queued.addAndGet(-inputs.size());
        }
    }

    /** Refuses new requests, lets the workers finish what is queued, and waits for them. */
    @Override
    public void close() {
        closing = true;
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // a request that slipped in as the workers stopped is answered, not left waiting
        queues.values().forEach(q -> q.forEach(p -> p.answers().completeExceptionally(
                new ApiError(503, null, "the server is shutting down"))));
    }
}
