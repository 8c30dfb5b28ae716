package dev.skillnet.train.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paired differences over seeds and the claims' verdicts, against intervals worked out by hand:
 * differences 1, 2, 3 have mean 2, standard deviation 1, standard error 1/sqrt(3) = 0.57735, and
 * t(0.975, 2) = 4.303, so the interval is 2 -/+ 2.4843.
 */
class FindingsTest {

    private static VariantResult variant(String name, Map<String, List<Double>> scores, List<Double> averages) {
        return new VariantResult(name, scores, averages, Map.of(), 0, List.of(1.0, 1.0, 1.0), List.of(), List.of());
    }

    @Test
    void theIntervalIsStudentsTOverTheSeeds() {
        PairedDifference d = PairedDifference.of(List.of(11.0, 12.0, 13.0), List.of(10.0, 10.0, 10.0));
        assertEquals(3, d.n());
        assertEquals(2.0, d.mean(), 1e-12);
        assertEquals(2 - 2.4843, d.low(), 1e-3);
        assertEquals(2 + 2.4843, d.high(), 1e-3);
        assertTrue(!d.firstIsBetter() && !d.secondIsBetter(), "the interval holds zero");
        PairedDifference clear = PairedDifference.of(List.of(15.0, 15.5, 16.0), List.of(10.0, 10.0, 10.0));
        assertEquals(5.5 - 4.303 * 0.5 / Math.sqrt(3), clear.low(), 1e-9);
        assertTrue(clear.firstIsBetter());
        assertEquals("+5.50 [+4.26, +6.74]", clear.text());
        PairedDifference one = PairedDifference.of(List.of(3.0), List.of(1.0));
        assertTrue(Double.isNaN(one.low()));
        assertEquals("+2.00 (one seed: no interval)", one.text());
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(List.of(1.0), List.of(1.0, 2.0)));
        assertEquals(1.960, PairedDifference.t975(100), 0.0);
        assertEquals(12.706, PairedDifference.t975(1), 0.0);
    }

    @Test
    void eachClaimIsComparedPerTaskAndOnAverageWithItsVerdict() {
        VariantResult skill = variant("skill", Map.of("tnews", List.of(50.0, 51.0, 52.0)), List.of(50.0, 51.0, 52.0));
        VariantResult dense = variant("dense", Map.of("tnews", List.of(45.0, 45.5, 46.0)), List.of(45.0, 45.5, 46.0));
        VariantResult moe = variant("moe", Map.of("tnews", List.of(55.0, 56.0, 57.5)), List.of(55.0, 56.0, 57.5));
        List<Findings.Finding> f = Findings.of(List.of(skill, dense, moe));
        assertEquals(4, f.size(), "skill against dense and moe, on tnews and on the average");
        Findings.Finding vsDense = f.get(0);
        assertEquals(List.of("skill", "dense", "tnews"), List.of(vsDense.first(), vsDense.second(), vsDense.task()));
        assertEquals("reproduced", vsDense.verdict());
        assertEquals("reversed", f.get(2).verdict(), "moe is better on every seed");
        assertEquals("average", f.get(3).task());
    }

    @Test
    void extensionIsComparedOnTheNewTaskOnly() {
        VariantResult extended = variant("skill base + extend ocnli",
                Map.of("ocnli", List.of(60.0, 61.0), "tnews", List.of(50.0, 50.0)), List.of(55.0, 55.5));
        VariantResult alone = variant("ocnli alone from scratch", Map.of("ocnli", List.of(58.0, 61.5)), List.of(58.0, 61.5));
        List<Findings.Finding> f = Findings.of(List.of(extended, alone));
        assertEquals(1, f.size());
        assertEquals("ocnli", f.get(0).task());
        assertEquals(0.75, f.get(0).difference().mean(), 1e-12);
        assertEquals("cannot tell", f.get(0).verdict());
    }

    @Test
    void searchedSkillsAreComparedWithTheDeclaredOnesAndWithAllSkills() {
        Map<String, List<Double>> base = Map.of("ocnli", List.of(60.0, 61.0, 62.0));
        VariantResult declared = variant("skill base + extend ocnli", base, List.of(60.0, 61.0, 62.0));
        VariantResult head = variant("skill base + extend ocnli, head only", Map.of("ocnli", List.of(40.0, 41.0, 42.0)),
                List.of(40.0, 41.0, 42.0));
        VariantResult searched = variant("skill base + extend ocnli, searched skills",
                Map.of("ocnli", List.of(62.0, 63.0, 64.5)), List.of(62.0, 63.0, 64.5));
        VariantResult all = variant("skill base + extend ocnli, all skills", Map.of("ocnli", List.of(63.0, 62.0, 66.0)),
                List.of(63.0, 62.0, 66.0));
        VariantResult alone = variant("ocnli alone from the pretrained start", Map.of("ocnli", List.of(59.0, 60.0, 61.0)),
                List.of(59.0, 60.0, 61.0));
        List<Findings.Finding> f = Findings.of(List.of(declared, head, searched, all, alone));
        assertEquals(List.of("skill base + extend ocnli|ocnli alone from the pretrained start",
                "skill base + extend ocnli, searched skills|skill base + extend ocnli",
                "skill base + extend ocnli, searched skills|skill base + extend ocnli, all skills"),
                f.stream().map(x -> x.first() + "|" + x.second()).toList());
        // declared minus alone is exactly 1 on every seed: no spread, so the interval is that point
        assertEquals(1.0, f.get(0).difference().mean(), 1e-12);
        // searched minus declared: 2, 2, 2.5
        assertEquals(6.5 / 3, f.get(1).difference().mean(), 1e-12);
        assertEquals("reproduced", f.get(1).verdict());
        // searched minus all: -1, 1, -1.5
        assertEquals(-0.5, f.get(2).difference().mean(), 1e-12);
        assertEquals("cannot tell", f.get(2).verdict());
    }
}
