package dev.skillnet.bench;

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

/**
 * Reads the Chrome-trace file that PyTorch's profiler writes (events with a start {@code ts} and a
 * duration {@code dur} in microseconds, nested by time on each thread) and attributes to each
 * operator its <em>self</em> time: its duration minus that of the operators it called. Summed
 * self times add up to the profiled time without counting a nested call twice, so
 * {@code aten::matmul} gets only its dispatch overhead and the {@code aten::mm} inside it gets the
 * arithmetic.
 */
final class TraceSelfTime {

    /**
     * One operator's share of a profile.
     *
     * @param name the operator, as the profiler names it ({@code aten::mm}, {@code aten::gelu})
     * @param seconds its summed self time
     * @param calls how many times it ran
     */
    record OpTime(String name, double seconds, long calls) {}

    private TraceSelfTime() {}

    private static final class Event {
        final String name;
        final double start;
        final double end;
        double children;

        Event(String name, double start, double duration) {
            this.name = name;
            this.start = start;
            this.end = start + duration;
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
                byThread.computeIfAbsent(o.get("tid").getAsString(), k -> new ArrayList<>())
                        .add(new Event(o.get("name").getAsString(), o.get("ts").getAsDouble(),
                                o.get("dur").getAsDouble()));
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
                double[] t = totals.computeIfAbsent(ev.name, k -> new double[2]);
                t[0] += Math.max(0, ev.end - ev.start - ev.children);
                t[1]++;
            }
        }
        List<OpTime> ops = new ArrayList<>();
        totals.forEach((name, t) -> ops.add(new OpTime(name, t[0] / 1e6, (long) t[1])));
        ops.sort(Comparator.comparingDouble(OpTime::seconds).reversed());
        return ops;
    }
}
