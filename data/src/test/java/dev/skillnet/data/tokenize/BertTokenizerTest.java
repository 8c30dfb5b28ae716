package dev.skillnet.data.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.SharedFixtures;
import dev.skillnet.core.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BERT tokenizer, on the tiny Chinese BERT fixture (which has only vocab.txt). */
class BertTokenizerTest {

    static final Path FIXTURE =
            Path.of(System.getProperty("skillnet.shared", "../../shared"), "fixtures",
                    "tiny-bert-chinese");

    static BertTokenizer tokenizer;

    @BeforeAll
    static void load() {
        SharedFixtures.require(FIXTURE, "the tiny BERT fixture's vocabulary");
        tokenizer = BertTokenizer.fromDirectory(FIXTURE);
    }

    @AfterAll
    static void close() {
        if (tokenizer != null) {
            tokenizer.close();
        }
    }

    @Test
    void reproducesTheGoldenIdsOfTheFixture() throws Exception {
        JsonObject expected =
                JsonParser.parseString(Files.readString(FIXTURE.resolve("expected.json")))
                        .getAsJsonObject();
        JsonArray texts = expected.getAsJsonArray("texts");
        assertEquals(4, texts.size());
        for (int i = 0; i < texts.size(); i++) {
            JsonArray pair = texts.get(i).getAsJsonArray();
            String text = pair.get(0).getAsString();
            String textPair = pair.get(1).isJsonNull() ? null : pair.get(1).getAsString();
            int length = sum(expected.getAsJsonArray("attention_mask").get(i).getAsJsonArray());
            long[] ids = prefix(expected.getAsJsonArray("input_ids").get(i).getAsJsonArray(), length);
            long[] types =
                    prefix(expected.getAsJsonArray("token_type_ids").get(i).getAsJsonArray(), length);

            Encoded e = tokenizer.encode(text, textPair, 512);

            assertArrayEquals(ids, e.inputIds(), "input_ids of example " + i);
            assertArrayEquals(types, e.tokenTypeIds(), "token_type_ids of example " + i);
            assertFalse(e.truncated());
        }
    }

    @Test
    void specialIdsAndVocabSizeFollowVocabTxt() {
        assertEquals(66, tokenizer.vocabSize());
        assertEquals(0, tokenizer.padId());
        assertEquals(1, tokenizer.unkId());
        assertEquals(2, tokenizer.clsId());
        assertEquals(3, tokenizer.sepId());
        assertEquals(4, tokenizer.maskId());
        assertEquals(51, tokenizer.tokenId("不"), "a repeated vocab line keeps its last id");
    }

    @Test
    void lowerCasesLatinText() {
        Encoded e = tokenizer.encode("Hello", null, 16);
        assertEquals(List.of("[CLS]", "hello", "[SEP]"), Arrays.asList(e.tokens()));
        assertArrayEquals(new long[] {2, 59, 3}, e.inputIds());
        assertArrayEquals(new int[] {-1, 0, -1}, e.charStart());
        assertArrayEquals(new int[] {-1, 5, -1}, e.charEnd());
    }

    @Test
    void splitsChineseOneCharacterPerToken() {
        Encoded e = tokenizer.encode("我们喜欢", null, 16);
        assertEquals(List.of("[CLS]", "我", "们", "喜", "欢", "[SEP]"), Arrays.asList(e.tokens()));
        assertArrayEquals(new int[] {-1, 0, 1, 2, 3, -1}, e.wordIds());
    }

    @Test
    void offsetsAreJavaCharIndicesEvenAfterNonBmpCharacters() {
        String text = "😀好";
        Encoded e = tokenizer.encode(text, "我😀们", 16);
        assertEquals(List.of("[CLS]", "[UNK]", "好", "[SEP]", "我", "[UNK]", "们", "[SEP]"),
                Arrays.asList(e.tokens()));
        assertArrayEquals(new int[] {-1, 0, 2, -1, 0, 1, 3, -1}, e.charStart());
        assertArrayEquals(new int[] {-1, 2, 3, -1, 1, 3, 4, -1}, e.charEnd());
        assertEquals("好", text.substring(e.charStart()[2], e.charEnd()[2]));
        assertArrayEquals(new int[] {-1, 0, 0, -1, 1, 1, 1, -1}, e.sequenceIds());
    }

    @Test
    void truncatesASingleTextAtTheEndKeepingSpecialTokens() {
        Encoded e = tokenizer.encode("我们喜欢这家酒店", null, 5);
        assertTrue(e.truncated());
        assertEquals(List.of("[CLS]", "我", "们", "喜", "[SEP]"), Arrays.asList(e.tokens()));
        assertFalse(tokenizer.encode("我们喜", null, 5).truncated());
    }

    @Test
    void truncatesPairsLongestFirstLikeHuggingFace() {
        // (5, 5) tokens into 7: the first keeps half (3), the second the rest (4).
        assertSegments(tokenizer.encode("我们喜欢这", "服务很差好", 10), 3, 4);
        // (6, 2) into 4: the short one is kept whole.
        assertSegments(tokenizer.encode("我们喜欢这家", "服务", 7), 2, 2);
        // (5, 4) into 5: the shorter second keeps 5 / 2 = 2.
        assertSegments(tokenizer.encode("我们喜欢这", "服务很差", 8), 3, 2);
        // (3, 5) into 5.
        assertSegments(tokenizer.encode("我们喜", "服务很差好", 8), 2, 3);
        Encoded e = tokenizer.encode("我们喜欢这", "服务很差好", 10);
        assertTrue(e.truncated());
        assertEquals(10, e.length());
        assertEquals("[SEP]", e.tokens()[e.length() - 1]);
    }

    @Test
    void encodesCharactersAsWordsSoLabelsAlign() {
        List<String> chars = List.of("我", " ", "😀", "好", "1", "们");
        Encoded e = tokenizer.encodeChars(chars, 16);
        assertEquals(List.of("[CLS]", "我", "[UNK]", "好", "1", "们", "[SEP]"),
                Arrays.asList(e.tokens()));
        assertArrayEquals(new int[] {-1, 0, 2, 3, 4, 5, -1}, e.wordIds(), "the space has no token");
        assertArrayEquals(new int[] {-1, 0, 2, 4, 5, 6, -1}, e.charStart());
        assertArrayEquals(new int[] {-1, 1, 4, 5, 6, 7, -1}, e.charEnd());
        Encoded cut = tokenizer.encodeChars(chars, 4);
        assertTrue(cut.truncated());
        assertArrayEquals(new int[] {-1, 0, 2, -1}, cut.wordIds());
    }

    @Test
    void windowsCoverTheContextWithTheExpectedOverlap() {
        String question = "今天天气";
        String context = "我们喜欢这家酒店服务很好不错的酒店今天北京天气好吗明天上海呢";
        int maxLength = 16;
        int stride = 3;
        List<Encoded> windows = tokenizer.encodeWindows(question, context, maxLength, stride);
        int room = maxLength - 4 - 3;
        int contextTokens = context.length();
        boolean[] covered = new boolean[contextTokens];
        int previousStart = -1;
        for (Encoded w : windows) {
            assertTrue(w.length() <= maxLength);
            assertEquals(List.of("[CLS]", "今", "天", "天", "气", "[SEP]"),
                    Arrays.asList(w.tokens()).subList(0, 6));
            int first = -1;
            int count = 0;
            for (int i = 0; i < w.length(); i++) {
                if (w.isSecondSegment(i)) {
                    assertEquals(1, w.tokenTypeIds()[i]);
                    assertEquals(w.tokens()[i], context.substring(w.charStart()[i], w.charEnd()[i]));
                    covered[w.charStart()[i]] = true;
                    first = first < 0 ? w.charStart()[i] : first;
                    count++;
                }
            }
            assertTrue(count <= room);
            if (previousStart >= 0) {
                assertEquals(previousStart + stride, first, "windows start every docStride tokens");
                assertEquals(room - stride, previousStart + room - first, "overlap");
            }
            previousStart = first;
        }
        for (int i = 0; i < contextTokens; i++) {
            assertTrue(covered[i], "context token " + i + " is in some window");
        }
        assertEquals(30, contextTokens);
        assertEquals(8, windows.size(), "9-token windows start at 0, 3, ..., 21 for 30 tokens");
    }

    @Test
    void windowsCutTheQuestionToHalfTheLength() {
        List<Encoded> windows = tokenizer.encodeWindows("我们喜欢这家酒店服务很好", "今天", 10, 4);
        assertEquals(1, windows.size());
        Encoded w = windows.get(0);
        assertTrue(w.truncated());
        assertEquals(List.of("[CLS]", "我", "们", "喜", "欢", "这", "[SEP]", "今", "天", "[SEP]"),
                Arrays.asList(w.tokens()));
    }

    @Test
    void savedTokenizerReloadsWithIdenticalIds(@TempDir Path dir) {
        Path checkpoint = dir.resolve("checkpoint");
        tokenizer.save(checkpoint);
        assertTrue(Files.isRegularFile(checkpoint.resolve("tokenizer.json")));
        assertTrue(Files.isRegularFile(checkpoint.resolve("vocab.txt")));
        try (BertTokenizer reloaded = BertTokenizer.fromDirectory(checkpoint)) {
            for (String[] pair : new String[][] {{"我们喜欢这家酒店", null}, {"服务很差", "不错的酒店"},
                    {"Hello world testing", "😀好"}}) {
                Encoded a = tokenizer.encode(pair[0], pair[1], 64);
                Encoded b = reloaded.encode(pair[0], pair[1], 64);
                assertArrayEquals(a.inputIds(), b.inputIds());
                assertArrayEquals(a.tokenTypeIds(), b.tokenTypeIds());
                assertArrayEquals(a.charStart(), b.charStart());
            }
            assertEquals(tokenizer.vocabSize(), reloaded.vocabSize());
            assertEquals(tokenizer.maskId(), reloaded.maskId());
        }
    }

    @Test
    void honoursDoLowerCaseFalseFromTokenizerConfig(@TempDir Path dir) throws Exception {
        Files.copy(FIXTURE.resolve("vocab.txt"), dir.resolve("vocab.txt"));
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"do_lower_case\": false}");
        try (BertTokenizer cased = BertTokenizer.fromDirectory(dir)) {
            assertEquals("[UNK]", cased.encode("Hello", null, 8).tokens()[1]);
        }
        assertEquals(List.of("vocab.txt", "tokenizer_config.json").size(),
                Files.list(dir).count(), "nothing is written into the model directory");
    }

    @Test
    void missingTokenizerFilesNameTheDirectory(@TempDir Path dir) {
        UserInputException e =
                assertThrows(UserInputException.class, () -> BertTokenizer.fromDirectory(dir));
        assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("vocab.txt"), e.getMessage());
    }

    @Test
    void vocabularyWithoutClsIsRejected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vocab.txt"), "[PAD]\n[UNK]\n[SEP]\n我\n");
        UserInputException e =
                assertThrows(UserInputException.class, () -> BertTokenizer.fromDirectory(dir));
        assertTrue(e.getMessage().contains("[CLS]"), e.getMessage());
    }

    private static void assertSegments(Encoded e, int first, int second) {
        int[] counts = new int[2];
        for (int s : e.sequenceIds()) {
            if (s >= 0) {
                counts[s]++;
            }
        }
        assertArrayEquals(new int[] {first, second}, counts, Arrays.toString(e.tokens()));
    }

    private static int sum(JsonArray a) {
        int s = 0;
        for (var v : a) {
            s += v.getAsInt();
        }
        return s;
    }

    private static long[] prefix(JsonArray a, int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = a.get(i).getAsLong();
        }
        return r;
    }
}
