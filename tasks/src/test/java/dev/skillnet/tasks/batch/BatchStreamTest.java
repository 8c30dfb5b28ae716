package dev.skillnet.tasks.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.tasks.kinds.Feature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Batches of at most batchSize inputs and batchSize x 256 padded tokens, each input once an epoch. */
class BatchStreamTest {

    private static Feature feature(int length, int id) {
        int[] none = new int[length];
        return new Feature(new Encoded(new long[length], new long[length], new String[length], none, none, none,
                none, false), new int[] {id}, id);
    }

    private static List<Feature> features(int n, int minLength, int maxLength, long seed) {
        Random r = new Random(seed);
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(feature(minLength + r.nextInt(maxLength - minLength + 1), i));
        }
        return out;
    }

    /** One epoch's batches. */
    private static List<List<Feature>> epoch(BatchStream s, int n) {
        List<List<Feature>> out = new ArrayList<>();
        int seen = 0;
        while (seen < n) {
            List<Feature> b = s.next();
            out.add(b);
            seen += b.size();
        }
        assertEquals(n, seen, "an epoch ends on a batch boundary");
        return out;
    }

    @Test
    void shortInputsGoAFullBatchAtATime() {
        List<List<Feature>> batches = epoch(new BatchStream(features(800, 10, 256, 1), 16, 7), 800);
        assertEquals(50, batches.size(), "800 inputs of at most 256 tokens make 50 batches of 16");
        batches.forEach(b -> assertEquals(16, b.size()));
    }

    @Test
    void longInputsGoFewerAtATimeWithinTheTokenBudget() {
        List<Feature> all = features(400, 300, 512, 2);
        List<List<Feature>> batches = epoch(new BatchStream(all, 16, 7), all.size());
        Set<Integer> ids = new HashSet<>();
        for (List<Feature> b : batches) {
            int padded = b.stream().mapToInt(Feature::length).max().orElseThrow() * b.size();
            assertTrue(padded <= 16 * BatchStream.TOKENS_PER_INPUT, "a batch of " + padded + " padded tokens");
            assertTrue(b.size() >= 8, "512-token windows still go 8 at a time: " + b.size());
            b.forEach(f -> ids.add(f.example()));
        }
        assertEquals(400, ids.size(), "every input once an epoch");
    }
}
