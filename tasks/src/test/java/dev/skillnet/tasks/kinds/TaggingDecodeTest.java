package dev.skillnet.tasks.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skillnet.data.Source;
import dev.skillnet.core.TagScheme;
import dev.skillnet.data.TaggedExample;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding tagging logits into per-character tags and entities with character offsets. */
class TaggingDecodeTest {

    private static final String NON_BMP = "\uD840\uDC00"; // U+20000, two Java chars
    private static final LabelSet TAGS = TagSets.build(TagScheme.BIO, List.of("PER", "LOC"));

    private final TaskKind<TaggedExample, TaggingPrediction> kind = TaskKind.tagging();

    private static TaggedExample example(List<String> chars) {
        return new TaggedExample(chars, chars.stream().map(c -> "O").toList(),
                new Source(Path.of("in.jsonl"), 1));
    }

    /** Logits over {@link #TAGS} for each token: 5 for the given tag, 0 for the others. */
    private static float[] logits(List<String> tokenTags) {
        float[] out = new float[tokenTags.size() * TAGS.size()];
        for (int t = 0; t < tokenTags.size(); t++) {
            out[t * TAGS.size() + TAGS.indexOf(tokenTags.get(t))] = 5f;
        }
        return out;
    }

    private static Feature feature(int[] wordIds, int example) {
        int n = wordIds.length;
        return new Feature(KindFixtures.encoded(wordIds, new int[n], new int[n], new int[n]),
                new int[n], example);
    }

    @Test
    void entityOffsetsAreJavaCharOffsetsIntoTheJoinedText() {
        // 李 U+20000 在 上 海: PER covers a two-char code point, so LOC starts at Java offset 4.
        TaggedExample e = example(List.of("李", NON_BMP, "在", "上", "海"));
        Feature f = feature(new int[] {-1, 0, 1, 2, 3, 4, -1}, 0);
        TaggingPrediction p = kind.decoder().decode(List.of(e), List.of(f),
                List.of(logits(List.of("O", "B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O"))), TAGS,
                KindFixtures.tagging("BIO", 32)).get(0);
        assertEquals(List.of("B-PER", "I-PER", "O", "B-LOC", "I-LOC"), p.tags());
        assertEquals(List.of(new EntityMention("PER", 0, 3, "李" + NON_BMP),
                new EntityMention("LOC", 4, 6, "上海")), p.entities());
    }

    @Test
    void readsEachCharactersFirstTokenAndPredictsOBeyondTruncation() {
        // Character 1 has two tokens (the second says I-LOC, ignored); characters 3 and 4 were cut.
        TaggedExample e = example(List.of("王", "ab", "在", "北", "京"));
        Feature f = feature(new int[] {-1, 0, 1, 1, 2, -1}, 0);
        TaggingPrediction p = kind.decoder().decode(List.of(e), List.of(f),
                List.of(logits(List.of("B-LOC", "B-PER", "I-PER", "I-LOC", "O", "B-LOC"))), TAGS,
                KindFixtures.tagging("BIO", 6)).get(0);
        assertEquals(List.of("B-PER", "I-PER", "O", "O", "O"), p.tags());
        assertEquals(List.of(new EntityMention("PER", 0, 3, "王ab")), p.entities());
    }

    @Test
    void anEntityTheArgmaxStartsWithAnInsideTagStartsWithItsBeginning() {
        TaggedExample e = example(List.of("上", "海"));
        Feature f = feature(new int[] {-1, 0, 1, -1}, 0);
        TaggingPrediction p = kind.decoder().decode(List.of(e), List.of(f),
                List.of(logits(List.of("O", "I-LOC", "I-LOC", "O"))), TAGS,
                KindFixtures.tagging("BIO", 32)).get(0);
        assertEquals(List.of("B-LOC", "I-LOC"), p.tags());
        assertEquals(List.of(new EntityMention("LOC", 0, 2, "上海")), p.entities());
    }

    @Test
    void anInsideTagThatContinuesNothingIsDroppedWhenOutsideIsLikelier() {
        // 在 is O; 上 leans to I-LOC (2) over O (1.5), far above B-LOC (0): the legal choice is O.
        TaggedExample e = example(List.of("在", "上"));
        Feature f = feature(new int[] {-1, 0, 1, -1}, 0);
        float[] row = new float[4 * TAGS.size()];
        row[1 * TAGS.size() + TAGS.indexOf("O")] = 5f;
        row[2 * TAGS.size() + TAGS.indexOf("I-LOC")] = 2f;
        row[2 * TAGS.size() + TAGS.indexOf("O")] = 1.5f;
        TaggingPrediction p = kind.decoder().decode(List.of(e), List.of(f), List.of(row), TAGS,
                KindFixtures.tagging("BIO", 32)).get(0);
        assertEquals(List.of("O", "O"), p.tags());
        assertEquals(List.of(), p.entities());
    }
}
