package dev.skillnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Self time: an operator's duration minus that of the operators it called, per thread. */
class TraceSelfTimeTest {

    @TempDir
    Path dir;

    private static String event(String name, double ts, double dur, int tid) {
        return event(name, ts, dur, tid, null);
    }

    /** A complete ("X") event; {@code shape} is the recorded input shapes' JSON, or null when not recorded. */
    private static String event(String name, double ts, double dur, int tid, String shape) {
        return String.format(java.util.Locale.ROOT,
                "{\"name\": \"%s\", \"ph\": \"X\", \"ts\": %.3f, \"dur\": %.3f, \"tid\": %d, \"pid\": \"CPU Functions\","
                        + "%s \"args\": {}}", name, ts, dur, tid, shape == null ? "" : " \"shape\": " + shape + ",");
    }

    @Test
    void nestedCallsAreNotCountedTwice() throws IOException {
        // matmul [0, 100) calls mm [10, 90); linear [200, 300) calls addmm [205, 295), which calls
        // copy_ [210, 220); a second thread runs mm [0, 50) alone. Listed out of order on purpose.
        String trace = "[\n" + String.join(",\n",
                event("aten::mm", 10, 80, 1),
                event("aten::matmul", 0, 100, 1),
                event("aten::copy_", 210, 10, 1),
                event("aten::linear", 200, 100, 1),
                event("aten::addmm", 205, 90, 1),
                event("aten::mm", 0, 50, 2)) + "]";
        Path file = dir.resolve("trace.json");
        Files.writeString(file, trace);
        List<TraceSelfTime.OpTime> ops = TraceSelfTime.read(file);
        Map<String, Double> micros = ops.stream()
                .collect(Collectors.toMap(TraceSelfTime.OpTime::name, o -> o.seconds() * 1e6));
        assertEquals(130, micros.get("aten::mm"), 1e-6);
        assertEquals(20, micros.get("aten::matmul"), 1e-6);
        assertEquals(80, micros.get("aten::addmm"), 1e-6);
        assertEquals(10, micros.get("aten::copy_"), 1e-6);
        assertEquals(10, micros.get("aten::linear"), 1e-6);
        assertEquals("aten::mm", ops.get(0).name());
        assertEquals(2, ops.get(0).calls());
    }

    private static String shaped(String name, double ts, double dur, String shape) {
        return event(name, ts, dur, 1, shape);
    }

    @Test
    void matrixMultipliesCountTheirOperationsFromTheRecordedShapes() throws IOException {
        // mm [4, 8] x [8, 3]: 2*4*8*3 = 192; addmm(bias [3], [5, 8], [8, 3]): 240; bmm [2, 4, 8] x [2, 8, 3]:
        // 384; baddbmm(c, [2, 4, 8], [2, 8, 3]): 384; mm with mismatched inner sizes counts nothing;
        // GELU is not a matrix multiply whatever its shape
        String trace = "[\n" + String.join(",\n",
                shaped("aten::mm", 0, 1, "[[4, 8], [8, 3]]"),
                shaped("aten::addmm", 10, 2, "[[3], [5, 8], [8, 3], [], []]"),
                shaped("aten::bmm", 20, 1, "[[2, 4, 8], [2, 8, 3]]"),
                shaped("aten::baddbmm", 30, 1, "[[2, 4, 3], [2, 4, 8], [2, 8, 3], [], []]"),
                shaped("aten::mm", 40, 1, "[[4, 8], [7, 3]]"),
                shaped("aten::gelu", 50, 1, "[[4, 8], [8, 3]]")) + "]";
        Path file = dir.resolve("shaped.json");
        Files.writeString(file, trace);
        Map<String, TraceSelfTime.OpTime> ops = TraceSelfTime.read(file).stream()
                .collect(Collectors.toMap(TraceSelfTime.OpTime::name, o -> o));
        assertEquals(192, ops.get("aten::mm").flops(), 1e-9);
        assertEquals(2, ops.get("aten::mm").calls());
        assertEquals(240, ops.get("aten::addmm").flops(), 1e-9);
        assertEquals(240 / 2e-6 / 1e9, ops.get("aten::addmm").gflops(), 1e-9);
        assertEquals(384, ops.get("aten::bmm").flops(), 1e-9);
        assertEquals(384, ops.get("aten::baddbmm").flops(), 1e-9);
        assertEquals(0, ops.get("aten::gelu").flops());
        assertEquals(0, ops.get("aten::gelu").gflops());
    }

    @Test
    void aMissingTraceIsAnError() {
        assertThrows(IOException.class, () -> TraceSelfTime.read(dir.resolve("absent.json")));
    }
}
