package dev.skillnet.tasks.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skillnet.core.TagScheme;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tag may follow which: the schemes as their definitions state them. */
class TagTransitionsTest {

    private static boolean follows(LabelSet tags, String prev, String next) {
        return TagTransitions.of(tags).follows(tags.indexOf(prev), tags.indexOf(next));
    }

    @Test
    void bioContinuesOnlyAnOpenEntityOfTheSameType() {
        LabelSet bio = TagSets.build(TagScheme.BIO, List.of("PER", "LOC"));
        assertEquals(true, follows(bio, "B-PER", "I-PER"));
        assertEquals(true, follows(bio, "I-PER", "I-PER"));
        assertEquals(false, follows(bio, "O", "I-PER"));
        assertEquals(false, follows(bio, "B-LOC", "I-PER"));
        assertEquals(false, follows(bio, "I-LOC", "I-PER"));
        // An entity ends wherever the next tag does not continue it.
        assertEquals(true, follows(bio, "B-PER", "O"));
        assertEquals(true, follows(bio, "I-PER", "B-LOC"));
        assertEquals(true, follows(bio, "B-PER", "B-PER"));
        TagTransitions t = TagTransitions.of(bio);
        assertEquals(false, t.starts(bio.indexOf("I-LOC")));
        assertEquals(true, t.starts(bio.indexOf("B-LOC")));
        assertEquals(true, t.ends(bio.indexOf("B-LOC")));
        assertEquals(true, t.ends(bio.indexOf("I-LOC")));
    }

    @Test
    void bioesMustEndEveryEntityItOpens() {
        LabelSet bioes = TagSets.build(TagScheme.BIOES, List.of("PER", "LOC"));
        assertEquals(true, follows(bioes, "B-PER", "I-PER"));
        assertEquals(true, follows(bioes, "B-PER", "E-PER"));
        assertEquals(true, follows(bioes, "I-PER", "E-PER"));
        assertEquals(false, follows(bioes, "B-PER", "O"));
        assertEquals(false, follows(bioes, "I-PER", "S-LOC"));
        assertEquals(false, follows(bioes, "B-PER", "E-LOC"));
        assertEquals(false, follows(bioes, "E-PER", "I-PER"));
        assertEquals(false, follows(bioes, "S-PER", "E-PER"));
        assertEquals(true, follows(bioes, "E-PER", "B-PER"));
        assertEquals(true, follows(bioes, "S-PER", "O"));
        TagTransitions t = TagTransitions.of(bioes);
        assertEquals(false, t.starts(bioes.indexOf("E-PER")));
        assertEquals(false, t.ends(bioes.indexOf("B-PER")));
        assertEquals(false, t.ends(bioes.indexOf("I-PER")));
        assertEquals(true, t.ends(bioes.indexOf("E-PER")));
        assertEquals(true, t.ends(bioes.indexOf("S-PER")));
    }

    @Test
    void bmesReadsMiddleAsInside() {
        LabelSet bmes = TagSets.build(TagScheme.BMES, List.of("ORG"));
        assertEquals(true, follows(bmes, "B-ORG", "M-ORG"));
        assertEquals(true, follows(bmes, "M-ORG", "E-ORG"));
        assertEquals(false, follows(bmes, "O", "M-ORG"));
        assertEquals(false, follows(bmes, "M-ORG", "O"));
        assertEquals(false, TagTransitions.of(bmes).ends(bmes.indexOf("M-ORG")));
    }
}
