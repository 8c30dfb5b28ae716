package dev.skillnet.tasks.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skillnet.data.Source;
import dev.skillnet.core.TagScheme;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.eval.metrics.Score;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entity-level micro F1 as the main score, and the all-O baseline. */
class TaggingScoreTest {

    private static final LabelSet TAGS = TagSets.build(TagScheme.BIO, List.of("PER", "LOC"));

    private final TaskKind<TaggedExample, TaggingPrediction> kind = TaskKind.tagging();

    private static TaggedExample gold(List<String> tags) {
        return new TaggedExample(tags.stream().map(t -> "x").toList(), tags,
                new Source(Path.of("test.txt"), 1));
    }

    private static TaggingPrediction predicted(List<String> tags) {
        return new TaggingPrediction(tags, List.of());
    }

    @Test
    void scoresEntityMicroF1WithPerTypeExtras() {
        // Gold: PER [0,2), LOC [3,4); predicted: PER [0,2) right, LOC [2,4) wrong.
        List<TaggedExample> gold = List.of(gold(List.of("B-PER", "I-PER", "O", "B-LOC")));
        List<TaggingPrediction> pred = List.of(predicted(List.of("B-PER", "I-PER", "B-LOC", "I-LOC")));
        Score s = kind.decoder().score(gold, pred, TAGS, "entity_f1");
        assertEquals("entity_f1", s.metric());
        assertEquals(50.0, s.value(), 1e-9);
        assertEquals(1, s.n());
        assertEquals(100.0, s.extras().get("f1/PER"), 1e-9);
        assertEquals(0.0, s.extras().get("f1/LOC"), 1e-9);
        assertEquals(50.0, s.extras().get("precision"), 1e-9);
    }

    @Test
    void baselinePredictsTheMajorityTagEverywhere() {
        List<TaggedExample> train = List.of(gold(List.of("B-PER", "O", "O")), gold(List.of("O", "B-LOC")));
        List<TaggedExample> test = List.of(gold(List.of("B-PER", "O")), gold(List.of("O", "O")));
        Score s = kind.decoder().baseline(train, test, TAGS, "entity_f1");
        assertEquals("entity_f1", s.metric());
        assertEquals(0.0, s.value(), 0.0);
        assertEquals(2, s.n());
        // The same test set scored with its own gold tags: the 0 above comes from predicting all O.
        assertEquals(100.0, kind.decoder().score(test, List.of(predicted(List.of("B-PER", "O")),
                predicted(List.of("O", "O"))), TAGS, "entity_f1").value(), 1e-9);
    }
}
