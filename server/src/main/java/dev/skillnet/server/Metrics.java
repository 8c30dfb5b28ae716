package dev.skillnet.server;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The server's counters, written in Prometheus' text exposition format (version 0.0.4): requests
 * by task and status, request latency and forward-pass batch sizes as histograms by task, the
 * model's load time and the inputs queued now. Task labels come only from the model's own task
 * names ({@code _unknown} for any other), so no client can grow the label set.
 */
final class Metrics {

    private static final double[] SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    private static final double[] INPUTS = {1, 2, 4, 8, 16, 32, 64};

    /** The task label of requests to a task the model does not have. */
    static final String UNKNOWN_TASK = "_unknown";

    private volatile Set<String> tasks = Set.of();
    private final Map<String, LongAdder> requests = new ConcurrentSkipListMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, Histogram> batches = new ConcurrentHashMap<>();
    private volatile double loadSeconds = Double.NaN;
    private final IntSupplier queued;

    /** @param queued reads the inputs waiting or running now */
    Metrics(IntSupplier queued) {
        this.queued = queued;
    }

    /** @param names the model's task names, from now on the only task labels used */
    void tasks(Set<String> names) {
        tasks = Set.copyOf(names);
    }

    /** @return the task label for a requested name */
    String label(String task) {
        return tasks.contains(task) ? task : UNKNOWN_TASK;
    }

    /**
     * @param task the requested task
     * @param status the status answered
     * @param seconds how long the request took
     */
    void request(String task, int status, double seconds) {
        String t = label(task);
        requests.computeIfAbsent("task=\"" + t + "\",status=\"" + status + "\"", k -> new LongAdder()).increment();
        latency.computeIfAbsent(t, k -> new Histogram(SECONDS)).observe(seconds);
    }

    /**
     * @param task a task of the model
     * @param inputs the inputs of one forward pass
     */
    void batch(String task, int inputs) {
        batches.computeIfAbsent(label(task), k -> new Histogram(INPUTS)).observe(inputs);
    }

    /** @param seconds how long the model took to load */
    void loaded(double seconds) {
        loadSeconds = seconds;
    }

    /** @return every metric in the text format */
    String scrape() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP skillnet_requests_total Prediction requests by task and HTTP status.\n");
        out.append("# TYPE skillnet_requests_total counter\n");
        requests.forEach((labels, n) -> out.append("skillnet_requests_total{").append(labels).append("} ")
                .append(n.sum()).append('\n'));
        histograms(out, "skillnet_request_seconds", "Prediction request latency in seconds, by task.", latency);
        histograms(out, "skillnet_batch_inputs", "Inputs per forward pass, by task.", batches);
        out.append("# HELP skillnet_model_load_seconds Seconds the model took to load (NaN while loading).\n");
        out.append("# TYPE skillnet_model_load_seconds gauge\n");
        out.append("skillnet_model_load_seconds ").append(number(loadSeconds)).append('\n');
        out.append("# HELP skillnet_queued_inputs Inputs waiting for or in a forward pass.\n");
        out.append("# TYPE skillnet_queued_inputs gauge\n");
        out.append("skillnet_queued_inputs ").append(queued.getAsInt()).append('\n');
        return out.toString();
    }

    private static void histograms(StringBuilder out, String name, String help, Map<String, Histogram> byTask) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" histogram\n");
        for (String task : byTask.keySet().stream().sorted().toList()) {
            byTask.get(task).write(out, name, "task=\"" + task + "\"");
        }
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : Double.toString(v);
    }

    /** Cumulative buckets, a sum and a count, updated without locks. */
    private static final class Histogram {

        private final double[] bounds;
        private final AtomicLongArray counts;
        private final DoubleAdder sum = new DoubleAdder();
        private final LongAdder count = new LongAdder();

        Histogram(double[] bounds) {
            this.bounds = bounds;
            this.counts = new AtomicLongArray(bounds.length);
        }

        void observe(double v) {
            for (int i = 0; i < bounds.length; i++) {
                if (v <= bounds[i]) {
                    counts.incrementAndGet(i);
                    break;
                }
            }
            sum.add(v);
            count.increment();
        }

        void write(StringBuilder out, String name, String labels) {
            long cumulative = 0;
            for (int i = 0; i < bounds.length; i++) {
                cumulative += counts.get(i);
                out.append(name).append("_bucket{").append(labels).append(",le=\"").append(number(bounds[i]))
                        .append("\"} ").append(cumulative).append('\n');
            }
            long n = count.sum();
            out.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ").append(n).append('\n');
            out.append(name).append("_sum{").append(labels).append("} ").append(number(sum.sum())).append('\n');
            out.append(name).append("_count{").append(labels).append("} ").append(n).append('\n');
        }
    }
}
