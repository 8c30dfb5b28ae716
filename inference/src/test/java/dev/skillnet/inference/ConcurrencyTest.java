package dev.skillnet.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads calling one model at once, on one task and on different tasks, for ten seconds,
 * get exactly what one thread gets, with no error.
 */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final long SECONDS = 10;

    private static final List<String> TEXTS = List.of("股市今天大涨", "足球比赛结束了", "新款手机发布会", "这家酒店很差");
    private static final String NER = "李明在北京大学读书，王芳去了上海。";
    private static final String QUESTION = "株洲北站在哪里？";
    private static final String PASSAGE = "株洲北站位于湖南省株洲市石峰区，是京广铁路、沪昆铁路两大铁路干线的交汇处。";

    /** One call of the mix, by number: four tasks of three types. */
    private static Object call(MultitaskModel m, int i) {
        return switch (i % 4) {
            case 0 -> m.classify("tnews", TEXTS.get(i % TEXTS.size()));
            case 1 -> m.classify("chnsenticorp", TEXTS.get((i + 1) % TEXTS.size()));
            case 2 -> m.tag("msra_ner", NER);
            default -> m.answer("cmrc2018", QUESTION, PASSAGE);
        };
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void manyThreadsGetWhatOneThreadGets(@TempDir Path tmp) throws Exception {
        try (MultitaskModel m = SkillNet.load(RandomModel.save(tmp.resolve("model"), 11))) {
            List<Object> expected = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                expected.add(call(m, i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    int calls = 0;
                    // Thread 0 stays on one task; the others cycle through all four.
                    for (int i = thread; System.nanoTime() < end; i += thread == 0 ? 4 : 1) {
                        assertEquals(expected.get(i % 8), call(m, i), "thread " + thread + ", call " + i);
                        calls++;
                    }
                    return calls;
                }));
            }
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get();
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            System.out.printf("ConcurrencyTest: %d threads made %d calls in %d s, all as one thread's%n", THREADS,
                    total, SECONDS);
            assertTrue(total >= THREADS, "every thread made a call: " + total);
        }
    }
}
