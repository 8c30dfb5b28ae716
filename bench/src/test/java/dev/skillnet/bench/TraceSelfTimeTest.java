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
        return String.format(java.util.Locale.ROOT,
                "{\"name\": \"%s\", \"ph\": \"X\", \"ts\": %.3f, \"dur\": %.3f, \"tid\": %d, \"pid\": \"CPU Functions\","
                        + " \"args\": {}}", name, ts, dur, tid);
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

    @Test
    void aMissingTraceIsAnError() {
        assertThrows(IOException.class, () -> TraceSelfTime.read(dir.resolve("absent.json")));
    }
}
