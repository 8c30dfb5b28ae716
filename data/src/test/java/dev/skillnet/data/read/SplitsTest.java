package dev.skillnet.data.read;

import static dev.skillnet.data.read.Fixtures.spec;
import static dev.skillnet.data.read.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.data.DataSpec;
import dev.skillnet.data.SpanExample;
import dev.skillnet.data.SplitSource;
import dev.skillnet.data.TextExample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splits made of several sources and seeded fractions of files. */
class SplitsTest {

    @TempDir Path root;

    @Test
    void seededShuffleIsDeterministicFisherYates() {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        assertEquals(Sampler.shuffle(items, 13), Sampler.shuffle(items, 13));
        assertNotEquals(Sampler.shuffle(items, 13), Sampler.shuffle(items, 14));
        assertNotEquals(items, Sampler.shuffle(items, 13));
        assertEquals(Set.copyOf(items), Set.copyOf(Sampler.shuffle(items, 13)));
    }

    @Test
    void fractionRangesUseFloorAndComplementaryRangesPartitionTheFile() {
        List<Integer> items = IntStream.range(0, 10).boxed().toList();
        List<Integer> a = Sampler.take(items, new SplitSource("f", 0.0, 0.35, 7L, false), x -> "");
        List<Integer> b = Sampler.take(items, new SplitSource("f", 0.35, 1.0, 7L, false), x -> "");
        assertEquals(3, a.size(), "floor(0.35 * 10) = 3");
        assertEquals(7, b.size());
        Set<Integer> union = new HashSet<>(a);
        union.addAll(b);
        assertEquals(Set.copyOf(items), union);
        assertEquals(items, Sampler.take(items, SplitSource.whole("f"), x -> ""));
    }

    @Test
    void aDevSplitCarvedFromTrainIsDisjointFromTrain() {
        StringBuilder sb = new StringBuilder("label\ttext_a\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i % 2).append("\ttext ").append(i).append('\n');
        }
        write(root, "s", "train.tsv", sb.toString());
        write(root, "s", "extra.tsv", "label\ttext_a\n1\textra\n");
        DataSpec spec = spec(root, """
                {"dir": "s", "format": "tsv", "text": "text_a", "label": "label", "splits": {
                 "train": [{"file": "train.tsv", "to": 0.9, "seed": 13}, "extra.tsv"],
                 "dev": [{"file": "train.tsv", "from": 0.9, "seed": 13}]}}""");
        DatasetReader reader = new DatasetReader(spec, root);
        List<TextExample> train = reader.readText("train");
        List<TextExample> dev = reader.readText("dev");
        assertEquals(37, train.size(), "36 from train.tsv then 1 from extra.tsv");
        assertEquals("extra", train.get(36).text());
        assertEquals(4, dev.size());
        Set<String> trainTexts = new HashSet<>();
        train.forEach(e -> trainTexts.add(e.text()));
        dev.forEach(e -> assertTrue(!trainTexts.contains(e.text()), e.text() + " on both sides"));
        assertEquals(List.of("train", "dev"), new ArrayList<>(reader.summaries().keySet()));
        assertEquals(2, reader.summary("train").files().size());
    }

    @Test
    void squadSourcesGroupedByArticleKeepArticlesOnOneSide() {
        StringBuilder sb = new StringBuilder("{\"data\": [");
        for (int a = 0; a < 10; a++) {
            sb.append(a == 0 ? "" : ",").append("{\"id\": \"A").append(a)
                    .append("\", \"paragraphs\": [{\"context\": \"甲乙丙\", \"qas\": [");
            for (int q = 0; q < 1 + a % 3; q++) {
                sb.append(q == 0 ? "" : ",").append("{\"id\": \"A").append(a).append("_Q").append(q)
                        .append("\", \"question\": \"?\", \"answers\": [{\"text\": \"乙\","
                                + " \"answer_start\": 1}]}");
            }
            sb.append("]}]}");
        }
        write(root, "m", "dev.json", sb.append("]}").toString());
        DataSpec spec = spec(root, """
                {"dir": "m", "format": "squad", "splits": {
                 "train": [{"file": "dev.json", "to": 0.5, "seed": 13, "group": "article"}],
                 "test": [{"file": "dev.json", "from": 0.5, "seed": 13, "group": "article"}]}}""");
        DatasetReader reader = new DatasetReader(spec, root);
        List<SpanExample> train = reader.readSpans("train");
        List<SpanExample> test = reader.readSpans("test");
        Set<String> trainArticles = new HashSet<>();
        train.forEach(e -> trainArticles.add(e.articleId()));
        Set<String> testArticles = new HashSet<>();
        test.forEach(e -> testArticles.add(e.articleId()));
        assertEquals(5, trainArticles.size());
        assertEquals(5, testArticles.size());
        assertTrue(trainArticles.stream().noneMatch(testArticles::contains));
        assertEquals(19, train.size() + test.size(), "all questions, each on one side");
    }
}
