package dev.skillnet.bench;

import com.google.gson.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Training steps (tiny, or bge-small-zh shapes) with leak checks: NDArrays alive under the benchmark's manager after steps
 * 10 and 200 (parameters and AdamW moments; anything more would be a leak), and resident memory
 * at steps 200, 500, 1000 and 2000 beside the JVM heap committed at the same moments. Resident
 * memory counts a page only once it is touched, so without {@code -XX:+AlwaysPreTouch} (which
 * the launcher sets for {@code skillnet bench}) it rises by up to the committed heap while the JVM
 * first cycles through it, then holds; pre-touched, what grows is native memory.
 */
final class MemorySoak {

    private MemorySoak() {}

    /**
     * @param shape the encoder and batch to train at
     * @param steps how many steps (200 without --soak, 2000 with)
     * @param active how many of the 4 skills each step runs
     * @param out where the figures go ({@code live_ndarrays}, {@code rss})
     * @return the lines to print
     */
    static String run(BenchShape shape, int steps, int active, JsonObject out) {
        int[] live = new int[2];
        Map<Integer, double[]> at = new TreeMap<>();
        try (TrainStepBench bench = new TrainStepBench(shape, 4)) {
            bench.activate(active);
            bench.time(0, steps, step -> {
                if (step == 10) {
                    live[0] = bench.liveArrays();
                } else if (step == 200) {
                    live[1] = bench.liveArrays();
                }
                if (step == 200 || step == 500 || step == 1000 || step == 2000) {
                    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                    at.put(step, new double[] {Memory.rssMib(), heap.getCommitted() / 1048576.0});
                }
            });
        }
        JsonObject l = new JsonObject();
        l.addProperty("step10", live[0]);
        l.addProperty("step200", live[1]);
        out.add("live_ndarrays", l);
        JsonObject r = new JsonObject();
        r.addProperty("config", shape.name());
        r.addProperty("active_skills", active);
        boolean pretouched = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+AlwaysPreTouch");
        r.addProperty("jvm_heap_pretouched", pretouched);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%nlive NDArrays (%s training): %d after step 10, %d after step 200%nresident memory (JVM heap "
                        + "committed%s):", shape.name(), live[0], live[1], pretouched ? ", pre-touched" : ", not pre-touched"));
        at.forEach((step, v) -> {
            r.addProperty("step" + step + "_mib", v[0]);
            r.addProperty("step" + step + "_jvm_heap_committed_mib", v[1]);
            text.append(String.format(Locale.ROOT, " step %d %.0f MiB (%.0f);", step, v[0], v[1]));
        });
        if (at.containsKey(2000)) {
            double change = 100 * (at.get(2000)[0] / at.get(200)[0] - 1);
            r.addProperty("step2000_vs_step200_percent", change);
            r.addProperty("step2000_vs_step1000_percent", 100 * (at.get(2000)[0] / at.get(1000)[0] - 1));
            text.append(String.format(Locale.ROOT, " step 2000 vs 200: %+.1f%%, vs 1000: %+.1f%%", change,
                    100 * (at.get(2000)[0] / at.get(1000)[0] - 1)));
        } else {
            text.append(" (steps 500 to 2000 with --soak)");
        }
        out.add("rss", r);
        return text.append(String.format("%n")).toString();
    }
}
