package dev.skillnet.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading and closing a model 200 times leaves the process as it found it: no growth in open file
 * handles, and resident memory (native memory included: weights and the tokenizer live outside the
 * Java heap) within a bound far below what 200 leaked models would hold.
 */
class LoadCloseTest {

    private static final int CYCLES = 200;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void twoHundredLoadsAndClosesLeakNothing(@TempDir Path tmp) throws IOException {
        Path dir = RandomModel.save(tmp.resolve("model"), 3);
        long weights = Files.size(dir.resolve("model.safetensors"));
        for (int i = 0; i < 20; i++) { // warm up: allocator pools, class loading, the JIT
            cycle(dir);
        }
        System.gc();
        long rss0 = residentBytes();
        Map<String, String> fds0 = openFiles();
        for (int i = 0; i < CYCLES; i++) {
            cycle(dir);
        }
        System.gc();
        long rss1 = residentBytes();
        Map<String, String> fds1 = openFiles();
        System.out.printf("LoadCloseTest: %d load/close cycles of a %.1f MB model: resident %.1f -> %.1f MB "
                + "(%+.1f MB), open files %d -> %d%n", CYCLES, weights / 1e6, rss0 / 1e6, rss1 / 1e6,
                (rss1 - rss0) / 1e6, fds0.size(), fds1.size());
        Map<String, String> opened = new TreeMap<>(fds1);
        opened.keySet().removeAll(fds0.keySet());
        // A handle leaked per cycle would add CYCLES of them; the JVM itself may open one or two
        // files lazily (a jar, a random source) while the loop runs.
        assertTrue(opened.size() < CYCLES / 20, "open files grew from " + fds0.size() + " to " + fds1.size()
                + "; new: " + opened);
        // A leak of the weights alone would add CYCLES x weights; allow a tenth of that for the
        // allocator's and the JVM's own drift.
        assertTrue(rss1 - rss0 < CYCLES * weights / 10,
                "resident memory grew by " + (rss1 - rss0) / 1e6 + " MB over " + CYCLES + " cycles");
    }

    private static void cycle(Path dir) {
        try (MultitaskModel m = SkillNet.load(dir)) {
            m.classify("tnews", "股市今天大涨");
        }
    }

    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /** @return each open file descriptor with what it points to */
    private static Map<String, String> openFiles() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : s.toList()) {
                try {
                    out.put(fd.getFileName().toString(), Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    out.put(fd.getFileName().toString(), "?"); // closed while listed
                }
            }
        }
        return out;
    }
}
