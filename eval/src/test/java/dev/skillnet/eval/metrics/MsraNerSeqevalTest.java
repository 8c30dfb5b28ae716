package dev.skillnet.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.SharedFixtures;
import dev.skillnet.core.TagScheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seqeval port on real data: the first 200 sentences of the shared MSRA NER dev file. */
class MsraNerSeqevalTest {

    private static final int SENTENCES = 200;

    private static Path devFile() {
        return Path.of(System.getProperty("skillnet.shared", "../../shared"), "data",
                "msra_ner", "dev.txt");
    }

    /** Reads {@code char tag} lines, a blank line between sentences; the tag follows the last space. */
    private static List<List<String>> readTags(Path file, int max) throws IOException {
        List<List<String>> sentences = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (sentences.size() == max) {
                break;
            }
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    sentences.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        if (!current.isEmpty() && sentences.size() < max) {
            sentences.add(current);
        }
        return sentences;
    }

    private static String otherType(String type) {
        switch (type) {
            case "PER": return "LOC";
            case "LOC": return "ORG";
            default: return "PER";
        }
    }

    @Test
    void goldAgainstItselfAndAgainstEveryFifthEntityRetyped() throws IOException {
        Path file = devFile();
        SharedFixtures.require(file, "the shared MSRA NER data");
        List<List<String>> gold = readTags(file, SENTENCES);
        assertEquals(SENTENCES, gold.size());

        SeqevalResult same = SeqevalMetric.evaluate(gold, gold, TagScheme.BIO);
        int n = same.micro().gold();
        assertTrue(n > 0, "expected entities in the first 200 sentences");
        assertEquals(new Prf(n, n, n), same.micro());
        assertEquals(100.0, same.toScore().value(), 1e-9);
        assertEquals(0, same.goldStrayTagsRepaired(), "gold MSRA tags are expected to be clean BIO");

        // Retype entities number 5, 10, 15, ... (counting from 1 over all sentences), rewriting
        // their span as B-NEW I-NEW ... so that spans stay identical and only the type differs.
        List<List<String>> changed = new ArrayList<>();
        int seen = 0;
        int retyped = 0;
        for (List<String> sentence : gold) {
            List<String> copy = new ArrayList<>(sentence);
            for (Entity e : EntityExtractor.entities(sentence, TagScheme.BIO)) {
                seen++;
                if (seen % 5 == 0) {
                    String type = otherType(e.type());
                    for (int i = e.start(); i < e.endExclusive(); i++) {
                        copy.set(i, (i == e.start() ? "B-" : "I-") + type);
                    }
                    retyped++;
                }
            }
            changed.add(copy);
        }
        assertEquals(n, seen);
        assertEquals(n / 5, retyped);

        // Every predicted span equals a gold span; the retyped ones are wrong:
        // correct = n - retyped, predicted = gold = n, so P = R = F1 = (n - retyped) / n.
        SeqevalResult r = SeqevalMetric.evaluate(gold, changed, TagScheme.BIO);
        double expected = (double) (n - retyped) / n;
        assertEquals(new Prf(n - retyped, n, n), r.micro());
        assertEquals(expected, r.micro().f1(), 1e-12);
        assertEquals(100.0 * expected, r.toScore().value(), 1e-9);
        assertTrue(r.toScore().value() < 100.0);
    }
}
