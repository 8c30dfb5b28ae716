package dev.skillnet.tasks.kinds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import dev.skillnet.data.Source;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.data.tokenize.BertTokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tagging features: tags go on each character's first token, everything else is ignored. */
class TaggingFeaturizeTest {

    private static final int I = Feature.IGNORE;
    private static final Path DATA = Path.of("data", "train.txt");

    @TempDir Path dir;

    private final TaskKind<TaggedExample, TaggingPrediction> kind = TaskKind.tagging();
    private BertTokenizer tokenizer;
    private LabelSet tags; // O, B-PER, I-PER, B-LOC, I-LOC

    @BeforeEach
    void setUp() {
        tokenizer = KindFixtures.tokenizer(dir, List.of("王", "在", "北", "京", "a", "##b"));
        tags = kind.featurizer().outputLabels(KindFixtures.tagging("BIO", 32), List.of("PER", "LOC"));
    }

    @AfterEach
    void tearDown() {
        tokenizer.close();
    }

    private static TaggedExample example(List<String> chars, List<String> tags, long line) {
        return new TaggedExample(chars, tags, new Source(DATA, line));
    }

    @Test
    void labelsTheFirstTokenOfEachCharacterAndRepairsAStrayInside() {
        // "ab" is one input character that becomes two tokens, a and ##b; the LOC entity starts
        // with a stray I-LOC, which seqeval reads as the start of an entity.
        TaggedExample e = example(List.of("王", "ab", "在", "北", "京"),
                List.of("B-PER", "O", "O", "I-LOC", "I-LOC"), 3);
        Featurized f = kind.featurizer().featurize(List.of(e), tokenizer, KindFixtures.tagging("BIO", 32), tags);

        Feature feature = f.features().get(0);
        assertArrayEquals(new int[] {-1, 0, 1, 1, 2, 3, 4, -1}, feature.encoded().wordIds());
        //                         [CLS] 王  a  ##b 在  北  京  [SEP]
        assertArrayEquals(new int[] {I, 1, 0, I, 0, 3, 4, I}, feature.targets());
        assertEquals(1, f.repaired());
        assertEquals(0, f.truncated());
        assertEquals(0, feature.example());
    }

    @Test
    void aTagOutsideTheTagSetNamesFileLineAndTag() {
        TaggedExample good = example(List.of("王"), List.of("B-PER"), 1);
        TaggedExample bad = example(List.of("王", "在"), List.of("B-PER", "B-MISC"), 17);
        UserInputException e = assertThrows(UserInputException.class, () -> kind.featurizer().featurize(
                List.of(good, bad), tokenizer, KindFixtures.tagging("BIO", 32), tags));
        assertEquals(DATA, e.file());
        assertEquals(17, e.line());
        assertTrue(e.getMessage().startsWith(DATA + ":17: "), e.getMessage());
        assertTrue(e.getMessage().contains("'B-MISC'"), e.getMessage());
    }

    @Test
    void countsTruncatedExamples() {
        TaggedExample longOne = example(List.of("王", "在", "北", "京"), List.of("B-PER", "O", "B-LOC", "I-LOC"), 1);
        TaggedExample shortOne = example(List.of("王"), List.of("B-PER"), 6);
        Featurized f = kind.featurizer().featurize(List.of(longOne, shortOne), tokenizer,
                KindFixtures.tagging("BIO", 4), tags);
        assertEquals(1, f.truncated());
        assertArrayEquals(new int[] {I, 1, 0, I}, f.features().get(0).targets());
    }
}
