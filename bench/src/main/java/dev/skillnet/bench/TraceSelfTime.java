package dev.skillnet.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Chrome-trace file that PyTorch's profiler writes (events with a start {@code ts} and a
 * duration {@code dur} in microseconds, nested by time on each thread) and attributes to each
 * operator its <em>self</em> time: its duration minus that of the operators it called. Summed
 * self times add up to the profiled time without counting a nested call twice, so
 * {@code aten::matmul} gets only its dispatch overhead and the {@code aten::mm} inside it gets the
 * arithmetic. When the profiler recorded input shapes, each matrix multiply's floating-point
 * operations are counted from them (2MKN for [M, K] x [K, N], times the batch for {@code bmm}).
 */
final class TraceSelfTime {

    /**
     * One operator's share of a profile.
     *
     * @param name the operator, as the profiler names it ({@code aten::mm}, {@code aten::gelu})
     * @param seconds its summed self time
     * @param calls how many times it ran
     * @param flops the floating-point operations of its calls, counted from their input shapes for
     *     the matrix multiplies ({@link #MATMUL}); 0 for other operators or without shapes
     */
    record OpTime(String name, double seconds, long calls, double flops) {

        /** @return its arithmetic rate in GFLOP/s of self time, 0 without counted operations */
        double gflops() {
            return seconds > 0 && flops > 0 ? flops / seconds / 1e9 : 0;
        }
    }

    /** Operators that are matrix multiplies (their self time is GEMM time). */
    static final Set<String> MATMUL = Set.of("aten::mm", "aten::addmm", "aten::bmm",
            "aten::baddbmm", "aten::addmv", "aten::mv", "aten::dot", "aten::_mkldnn_matmul");

    private TraceSelfTime() {}

    private static final class Event {
        final String name;
        final double start;
        final double end;
        final double flops;
        double children;

        Event(String name, double start, double duration, double flops) {
            this.name = name;
            this.start = start;
            this.end = start + duration;
            this.flops = flops;
        }
    }

    /**
     * @param trace the profiler's output file
     * @return every operator's self time, largest first
     * @throws IOException if the file cannot be read
     */
    static List<OpTime> read(Path trace) throws IOException {
        Map<String, List<Event>> byThread = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            for (JsonElement e : JsonParser.parseReader(in).getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                if (!"X".equals(o.get("ph").getAsString())) {
                    continue;
                }
                String name = o.get("name").getAsString();
                double flops = MATMUL.contains(name) && o.has("shape") ? flops(name, o.getAsJsonArray("shape")) : 0;
                byThread.computeIfAbsent(o.get("tid").getAsString(), k -> new ArrayList<>())
                        .add(new Event(name, o.get("ts").getAsDouble(), o.get("dur").getAsDouble(), flops));
            }
        }
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (List<Event> events : byThread.values()) {
            events.sort(Comparator.comparingDouble((Event ev) -> ev.start)
                    .thenComparing(Comparator.comparingDouble((Event ev) -> ev.end).reversed()));
            Deque<Event> open = new ArrayDeque<>();
            for (Event ev : events) {
                while (!open.isEmpty() && open.peek().end <= ev.start) {
                    open.pop();
                }
                if (!open.isEmpty()) {
                    open.peek().children += ev.end - ev.start;
                }
                open.push(ev);
            }
            for (Event ev : events) {
                double[] t = totals.computeIfAbsent(ev.name, k -> new double[3]);
                t[0] += Math.max(0, ev.end - ev.start - ev.children);
                t[1]++;
                t[2] += ev.flops;
            }
        }
        List<OpTime> ops = new ArrayList<>();
        totals.forEach((name, t) -> ops.add(new OpTime(name, t[0] / 1e6, (long) t[1], t[2])));
        ops.sort(Comparator.comparingDouble(OpTime::seconds).reversed());
        return ops;
    }

    /**
     * @param name a matrix-multiply operator
     * @param shape its inputs' shapes, as the profiler records them
     * @return its floating-point operations (a multiply and an add per inner-product term), 0 when
     *     the shapes are not those of a matrix multiply
     */
    static double flops(String name, JsonArray shape) {
        // addmm(bias, a, b) and baddbmm(c, a, b) take their factors second and third
        int first = name.equals("aten::addmm") || name.equals("aten::baddbmm") || name.equals("aten::addmv") ? 1 : 0;
        if (shape.size() < first + 2) {
            return 0;
        }
        long[] a = dims(shape.get(first).getAsJsonArray());
        long[] b = dims(shape.get(first + 1).getAsJsonArray());
        if (a.length == 2 && b.length == 2 && a[1] == b[0]) {
            return 2.0 * a[0] * a[1] * b[1];
        }
        if (a.length == 3 && b.length == 3 && a[0] == b[0] && a[2] == b[1]) {
            return 2.0 * a[0] * a[1] * a[2] * b[2];
        }
        if (a.length == 2 && b.length == 1 && a[1] == b[0]) {
            return 2.0 * a[0] * a[1];
        }
        if (a.length == 1 && b.length == 1 && a[0] == b[0]) {
            return 2.0 * a[0];
        }
        return 0;
    }

    private static long[] dims(JsonArray array) {
        long[] d = new long[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).getAsLong();
        }
        return d;
    }
}
