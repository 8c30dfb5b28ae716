package dev.skillnet.eval.metrics;

import dev.skillnet.core.TagScheme;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected spans follow seqeval's get_entities (end made exclusive); strays are counted here. */
class EntityExtractorTest {

    private static EntityExtraction bio(String... tags) {
        return EntityExtractor.extract(List.of(tags), TagScheme.BIO);
    }

    private static Entity e(String type, int start, int endExclusive) {
        return new Entity(type, start, endExclusive);
    }

    @Test
    void wellFormedBio() {
        // seqeval docstring: ['B-PER','I-PER','O','B-LOC'] -> [('PER',0,1), ('LOC',3,3)]
        EntityExtraction x = bio("B-PER", "I-PER", "O", "B-LOC");
        assertEquals(List.of(e("PER", 0, 2), e("LOC", 3, 4)), x.entities());
        assertEquals(0, x.strayTagsRepaired());
    }

    @Test
    void strayIAtSentenceStartStartsEntity() {
        // prev 'O' (initial) + I -> start; the two I-PER form one entity
        EntityExtraction x = bio("I-PER", "I-PER", "O");
        assertEquals(List.of(e("PER", 0, 2)), x.entities());
        assertEquals(1, x.strayTagsRepaired());
    }

    @Test
    void strayIAfterOStartsEntity() {
        EntityExtraction x = bio("B-LOC", "O", "I-LOC", "O");
        assertEquals(List.of(e("LOC", 0, 1), e("LOC", 2, 3)), x.entities());
        assertEquals(1, x.strayTagsRepaired());
    }

    @Test
    void typeChangeMidEntitySplitsIt() {
        // B-PER | I-LOC: type differs -> PER ends at 0, LOC starts at 1 and runs to the end
        EntityExtraction x = bio("B-PER", "I-LOC", "I-LOC");
        assertEquals(List.of(e("PER", 0, 1), e("LOC", 1, 3)), x.entities());
        assertEquals(1, x.strayTagsRepaired());
    }

    @Test
    void entityAtEndOfSentenceIsClosed() {
        assertEquals(List.of(e("ORG", 1, 3)), bio("O", "B-ORG", "I-ORG").entities());
        assertEquals(List.of(e("ORG", 2, 3)), bio("O", "O", "B-ORG").entities());
    }

    @Test
    void adjacentBeginsMakeSeparateEntities() {
        EntityExtraction x = bio("B-PER", "B-PER", "I-PER");
        assertEquals(List.of(e("PER", 0, 1), e("PER", 1, 3)), x.entities());
        assertEquals(0, x.strayTagsRepaired());
    }

    @Test
    void emptyAndAllOSentencesHaveNoEntities() {
        assertEquals(List.of(), bio().entities());
        assertEquals(List.of(), bio("O", "O", "O").entities());
    }

    @Test
    void bareTagsGetTypeUnderscore() {
        // seqeval: chunk[1:].split('-')[-1] or '_' -> '_'
        assertEquals(List.of(e("_", 0, 2)), bio("B", "I", "O").entities());
    }

    @Test
    void bioesSingletonsAndEnds() {
        EntityExtraction x = EntityExtractor.extract(
                List.of("S-PER", "B-LOC", "I-LOC", "E-LOC", "S-PER", "O"), TagScheme.BIOES);
        assertEquals(List.of(e("PER", 0, 1), e("LOC", 1, 4), e("PER", 4, 5)), x.entities());
        assertEquals(0, x.strayTagsRepaired());
    }

    @Test
    void bioesIAfterSingletonStartsNewEntity() {
        // S ends its chunk; S -> I starts one; I -> E continues; E is closed by the final O
        EntityExtraction x = EntityExtractor.extract(
                List.of("S-PER", "I-PER", "E-PER"), TagScheme.BIOES);
        assertEquals(List.of(e("PER", 0, 1), e("PER", 1, 3)), x.entities());
        assertEquals(1, x.strayTagsRepaired());
    }

    @Test
    void bioesEAfterEStartsNewEntity() {
        EntityExtraction x = EntityExtractor.extract(
                List.of("B-PER", "E-PER", "E-PER"), TagScheme.BIOES);
        assertEquals(List.of(e("PER", 0, 2), e("PER", 2, 3)), x.entities());
        assertEquals(1, x.strayTagsRepaired());
    }

    @Test
    void bioesUnterminatedBeginStillCounts() {
        // seqeval is lenient: B-LOC I-LOC without E- is closed by the O
        assertEquals(List.of(e("LOC", 0, 2)),
                EntityExtractor.entities(List.of("B-LOC", "I-LOC", "O"), TagScheme.BIOES));
    }

    @Test
    void bmesReadsMAsInside() {
        EntityExtraction x = EntityExtractor.extract(
                List.of("B-LOC", "M-LOC", "E-LOC", "S-PER", "O"), TagScheme.BMES);
        assertEquals(List.of(e("LOC", 0, 3), e("PER", 3, 4)), x.entities());
        assertEquals(0, x.strayTagsRepaired());
    }

    @Test
    void bmesStrayMAfterOStartsEntity() {
        EntityExtraction x = EntityExtractor.extract(
                List.of("O", "M-LOC", "E-LOC"), TagScheme.BMES);
        assertEquals(List.of(e("LOC", 1, 3)), x.entities());
        assertEquals(1, x.strayTagsRepaired());
    }

    @Test
    void tagsOutsideTheSchemeAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> EntityExtractor.extract(List.of("E-PER"), TagScheme.BIO));
        assertThrows(IllegalArgumentException.class,
                () -> EntityExtractor.extract(List.of("I-PER"), TagScheme.BMES));
        assertThrows(IllegalArgumentException.class,
                () -> EntityExtractor.extract(List.of("M-PER"), TagScheme.BIOES));
        assertThrows(IllegalArgumentException.class, () -> bio("BPER"));
        assertThrows(IllegalArgumentException.class, () -> bio("O-PER"));
        assertThrows(IllegalArgumentException.class, () -> bio(""));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> EntityExtractor.extract(Arrays.asList("O", null), TagScheme.BIO));
        assertTrue(ex.getMessage().contains("position 1"), ex.getMessage());
    }
}
