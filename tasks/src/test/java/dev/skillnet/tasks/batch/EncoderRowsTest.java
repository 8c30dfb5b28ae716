package dev.skillnet.tasks.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.model.heads.Pooling;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A siamese task's encoder reads each text of a pair as a row of its own, exactly as the tokenizer
 * encodes that text alone; every other task reads its encodings unchanged.
 */
class EncoderRowsTest {

    private static final Path AFQMC = Path.of("..", "data", "samples", "afqmc", "dev.txt");

    @Test
    void aSiamesePairBecomesItsTwoTextsEncodedAlone(@TempDir Path dir) throws IOException {
        List<String[]> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(AFQMC, StandardCharsets.UTF_8).subList(0, 40)) {
            pairs.add(line.split("\t"));
        }
        try (BertTokenizer tokenizer = charTokenizer(dir, pairs)) {
            List<Encoded> batch = new ArrayList<>();
            pairs.forEach(p -> batch.add(tokenizer.encode(p[0], p[1], 512)));
            List<Encoded> rows = EncoderRows.of(Pooling.SIAMESE, batch);
            assertEquals(2 * pairs.size(), rows.size());
            for (int i = 0; i < pairs.size(); i++) {
                assertSameEncoding(tokenizer.encode(pairs.get(i)[0], null, 512), rows.get(2 * i), "pair " + i + ", text");
                assertSameEncoding(tokenizer.encode(pairs.get(i)[1], null, 512), rows.get(2 * i + 1),
                        "pair " + i + ", text_pair");
            }
            for (Pooling other : List.of(Pooling.CLS, Pooling.MEAN, Pooling.PAIR)) {
                assertSame(batch, EncoderRows.of(other, batch), other + " reads the pair as one row");
            }
        }
    }

    @Test
    void aTruncatedPairKeepsWhatTheFeaturizerKeptOfEachText(@TempDir Path dir) {
        String[] pair = {"花呗收款额度限制", "收钱码，对花呗支付的金额有限制吗"};
        try (BertTokenizer tokenizer = charTokenizer(dir, List.<String[]>of(pair))) {
            Encoded cut = tokenizer.encode(pair[0], pair[1], 16);
            assertTrue(cut.truncated());
            List<Encoded> rows = EncoderRows.of(Pooling.SIAMESE, List.of(cut));
            assertEquals(cut.length() + 1, rows.get(0).length() + rows.get(1).length(),
                    "every token of the pair, and a [CLS] for the second text");
            assertEquals("[CLS]", rows.get(1).tokens()[0]);
            assertEquals("[SEP]", rows.get(1).tokens()[rows.get(1).length() - 1]);
            assertTrue(rows.get(0).truncated() && rows.get(1).truncated());
        }
    }

    @Test
    void aSiameseInputNeedsTwoTexts(@TempDir Path dir) {
        String[] pair = {"花呗收款额度限制", ""};
        try (BertTokenizer tokenizer = charTokenizer(dir, List.<String[]>of(pair))) {
            Encoded single = tokenizer.encode(pair[0], null, 64);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EncoderRows.of(Pooling.SIAMESE, List.of(single)));
            assertTrue(e.getMessage().startsWith("a siamese head reads two texts, but this input has one: [CLS]"),
                    e.getMessage());
        }
    }

    private static void assertSameEncoding(Encoded expected, Encoded actual, String what) {
        assertArrayEquals(expected.inputIds(), actual.inputIds(), what + ": ids");
        assertArrayEquals(expected.tokenTypeIds(), actual.tokenTypeIds(), what + ": token types");
        assertArrayEquals(expected.tokens(), actual.tokens(), what + ": tokens");
        assertArrayEquals(expected.charStart(), actual.charStart(), what + ": char starts");
        assertArrayEquals(expected.charEnd(), actual.charEnd(), what + ": char ends");
        assertArrayEquals(expected.wordIds(), actual.wordIds(), what + ": word ids");
        assertArrayEquals(expected.sequenceIds(), actual.sequenceIds(), what + ": sequence ids");
    }

    /** A vocabulary of the special tokens and every character of the texts, alone and as a continuation. */
    private static BertTokenizer charTokenizer(Path dir, List<String[]> pairs) {
        Set<String> vocab = new LinkedHashSet<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        for (String[] p : pairs) {
            for (String text : List.of(p[0], p[1])) {
                text.toLowerCase(java.util.Locale.ROOT).codePoints().filter(c -> !Character.isWhitespace(c))
                        .forEach(c -> {
                            vocab.add(Character.toString(c));
                            vocab.add("##" + Character.toString(c));
                        });
            }
        }
        try {
            Files.write(dir.resolve("vocab.txt"), vocab, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return BertTokenizer.fromDirectory(dir);
    }
}
