package dev.skillnet.train.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.data.tokenize.Encoded;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** BERT's masking rule: specials never chosen, about 15% chosen, 80/10/10 replacement. */
class MaskingTest {

    private static final long PAD = 0;
    private static final long CLS = 2;
    private static final long SEP = 3;
    private static final long MASK = 4;
    private final Masking masking = new Masking(0.15, MASK, 1000, Set.of(PAD, 1L, CLS, SEP, MASK));

    private static Encoded encoded(long... ids) {
        int n = ids.length;
        return new Encoded(ids, new long[n], new String[n], new int[n], new int[n], new int[n], new int[n], false);
    }

    @Test
    void specialTokensAreNeverChosenAndLabelsAreTheOriginalIds() {
        Random random = new Random(1);
        for (int trial = 0; trial < 200; trial++) {
            long[] ids = {CLS, 10, 11, 12, 13, 14, 15, 16, SEP};
            Masking.Masked m = masking.apply(encoded(ids), random);
            assertTrue(m.positions().length >= 1, "at least one token is chosen");
            for (int k = 0; k < m.positions().length; k++) {
                int p = m.positions()[k];
                assertTrue(p > 0 && p < ids.length - 1, "chose special position " + p);
                assertEquals(ids[p], m.labels()[k]);
            }
            assertEquals(CLS, m.encoded().inputIds()[0]);
            assertEquals(SEP, m.encoded().inputIds()[ids.length - 1]);
        }
    }

    @Test
    void aboutFifteenPercentAreChosenAndMostBecomeMask() {
        Random random = new Random(7);
        long[] ids = new long[202];
        ids[0] = CLS;
        ids[201] = SEP;
        for (int i = 1; i <= 200; i++) {
            ids[i] = 100 + i;
        }
        int chosen = 0;
        int masked = 0;
        int kept = 0;
        for (int trial = 0; trial < 100; trial++) {
            Masking.Masked m = masking.apply(encoded(ids), random);
            chosen += m.positions().length;
            for (int p : m.positions()) {
                long now = m.encoded().inputIds()[p];
                masked += now == MASK ? 1 : 0;
                kept += now == ids[p] ? 1 : 0;
            }
        }
        double rate = chosen / 20000.0;
        assertTrue(rate > 0.14 && rate < 0.16, "chosen rate " + rate);
        assertTrue(Math.abs(masked / (double) chosen - 0.8) < 0.02, "masked share " + masked / (double) chosen);
        assertTrue(Math.abs(kept / (double) chosen - 0.1) < 0.02, "kept share " + kept / (double) chosen);
    }

    @Test
    void anInputOfOnlySpecialTokensCannotBeMasked() {
        assertNull(masking.apply(encoded(CLS, SEP), new Random(1)));
        assertFalse(masking.apply(encoded(CLS, 9, SEP), new Random(1)) == null);
    }
}
