package dev.skillnet.tasks.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.TagScheme;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.model.heads.HeadKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tag set of a tagging task: O first, then each declared type's tags in scheme order. */
class TaggingTagSetTest {

    private final TaskKind<TaggedExample, TaggingPrediction> kind = TaskKind.tagging();

    @Test
    void bioGivesBeginAndInsidePerTypeInDeclaredOrder() {
        assertEquals(List.of("O", "B-PER", "I-PER", "B-LOC", "I-LOC"),
                TagSets.build(TagScheme.BIO, List.of("PER", "LOC")).labels());
    }

    @Test
    void bioesAddsEndAndSingle() {
        assertEquals(List.of("O", "B-ORG", "I-ORG", "E-ORG", "S-ORG", "B-PER", "I-PER", "E-PER", "S-PER"),
                TagSets.build(TagScheme.BIOES, List.of("ORG", "PER")).labels());
    }

    @Test
    void bmesUsesMiddleInsteadOfInside() {
        assertEquals(List.of("O", "B-PER", "M-PER", "E-PER", "S-PER"),
                TagSets.build(TagScheme.BMES, List.of("PER")).labels());
    }

    @Test
    void theSchemeIsReadFromTheDeclarationsData() {
        assertEquals(List.of("O", "B-PER", "M-PER", "E-PER", "S-PER", "B-LOC", "M-LOC", "E-LOC", "S-LOC"),
                kind.featurizer().outputLabels(KindFixtures.tagging("BMES", 32), List.of("PER", "LOC")).labels());
        assertEquals(5, kind.featurizer().outputLabels(KindFixtures.tagging("BIO", 32), List.of("PER", "LOC")).size());
        assertEquals(HeadKind.TOKEN, kind.headKind());
    }

    @Test
    void theSchemeIsRecoveredFromTheTagSetForScoring() {
        for (TagScheme scheme : TagScheme.values()) {
            LabelSet tags = TagSets.build(scheme, List.of("PER"));
            assertEquals(scheme.name(), TagSets.schemeOf(tags).name());
        }
    }

    @Test
    void aRepeatedTypeIsAnErrorInTheDeclaration() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> kind.featurizer().outputLabels(KindFixtures.tagging("BIO", 32), List.of("PER", "PER")));
        assertEquals(KindFixtures.DECLARATION, e.file());
        assertTrue(e.getMessage().contains("PER"), e.getMessage());
    }

    @Test
    void labelsInAreTheSortedEntityTypes() {
        var a = new dev.skillnet.data.TaggedExample(List.of("a", "b", "c"),
                List.of("B-PER", "I-PER", "O"), new dev.skillnet.data.Source(KindFixtures.DECLARATION, 1));
        var b = new dev.skillnet.data.TaggedExample(List.of("a", "b"),
                List.of("S-LOC", "B-ORG"), new dev.skillnet.data.Source(KindFixtures.DECLARATION, 5));
        assertEquals(List.of("LOC", "ORG", "PER"), kind.featurizer().labelsIn(List.of(a, b)));
    }
}
