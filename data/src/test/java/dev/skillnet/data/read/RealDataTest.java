package dev.skillnet.data.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.skillnet.core.SharedFixtures;
import dev.skillnet.data.DataSpec;
import dev.skillnet.data.SpanExample;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.data.TextExample;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The six shared datasets read with the declarations the default tasks use; counts are those of
 * data/README.md and each SOURCE.md. Skipped when the shared data is absent.
 */
class RealDataTest {

    static final Path ROOT = Path.of(System.getProperty("skillnet.shared", "../../shared"), "data");

    static DatasetReader reader(String dir, String dataJson) {
        Path folder = ROOT.resolve(dir);
        SharedFixtures.require(folder, "the shared " + dir + " data");
        DataSpec spec = DataSpec.parse(JsonParser.parseString(dataJson).getAsJsonObject(),
                Path.of(dir + ".json"));
        return new DatasetReader(spec, ROOT);
    }

    @Test
    void chnsenticorpHasAHeaderAndThreeLabelledSplits() {
        DatasetReader r = reader("chnsenticorp", """
                {"dir": "chnsenticorp", "format": "tsv", "text": "text_a", "label": "label",
                 "splits": {"train": "train.tsv", "dev": "dev.tsv", "test": "test.tsv"}}""");
        List<TextExample> train = r.readText("train");
        assertEquals(9600, train.size());
        assertEquals(4799, train.stream().filter(e -> e.label().equals("1")).count());
        assertEquals(1200, r.readText("dev").size());
        assertEquals(1200, r.readText("test").size());
    }

    @Test
    void afqmcIsHeaderlessPairs() {
        DatasetReader r = reader("afqmc", """
                {"dir": "afqmc", "format": "tsv", "header": false, "text": 0, "text_pair": 1,
                 "label": 2, "splits": {"train": "train.txt", "test": "dev.txt"}}""");
        assertEquals(34334, r.readText("train").size());
        List<TextExample> dev = r.readText("test");
        assertEquals(4316, dev.size());
        assertEquals(1338, dev.stream().filter(e -> e.label().equals("1")).count());
        assertTrue(dev.stream().allMatch(e -> e.textPair() != null && !e.textPair().isEmpty()));
    }

    @Test
    void ocnliSkipsDashLabels() {
        DatasetReader r = reader("ocnli", """
                {"dir": "ocnli", "format": "jsonl", "text": "sentence1", "text_pair": "sentence2",
                 "label": "label", "skip_labels": ["-"],
                 "splits": {"train": "train.10k.json", "test": "dev.json"}}""");
        assertEquals(3000 - 50, r.readText("test").size());
        assertEquals(50, r.summary("test").skipped());
        assertEquals(10000 - 15, r.readText("train").size());
        assertEquals(Set.of("entailment", "neutral", "contradiction"),
                labels(r.readText("test")));
    }

    @Test
    void tnewsHasFifteenLabels() {
        DatasetReader r = reader("tnews", """
                {"dir": "tnews", "format": "jsonl", "text": "sentence", "label": "label",
                 "splits": {"train": "train.json", "test": "test.json"}}""");
        List<TextExample> train = r.readText("train");
        assertEquals(53360, train.size());
        assertEquals(15, labels(train).size());
        assertEquals(10000, r.readText("test").size());
    }

    @Test
    void msraNerDevIsCarvedFromTrainAndDevTxtIsTheTest() {
        DatasetReader r = reader("msra_ner", """
                {"dir": "msra_ner", "format": "conll", "scheme": "BIO", "splits": {
                  "train": [{"file": "train.txt", "from": 0.0, "to": 0.9, "seed": 13}],
                  "dev": [{"file": "train.txt", "from": 0.9, "to": 1.0, "seed": 13}],
                  "test": "dev.txt"}}""");
        List<TaggedExample> test = r.readTagged("test");
        assertEquals(4631, test.size());
        assertEquals(172601, test.stream().mapToInt(e -> e.chars().size()).sum());
        List<TaggedExample> train = r.readTagged("train");
        List<TaggedExample> dev = r.readTagged("dev");
        assertEquals(45592, train.size(), "floor(0.9 * 50658)");
        assertEquals(50658, train.size() + dev.size());
        Set<Long> trainLines = new HashSet<>();
        train.forEach(e -> trainLines.add(e.source().line()));
        assertTrue(dev.stream().noneMatch(e -> trainLines.contains(e.source().line())));
        long bPer = 0;
        for (List<TaggedExample> part : List.of(train, dev)) {
            bPer += part.stream().flatMap(e -> e.tags().stream()).filter("B-PER"::equals).count();
        }
        assertEquals(17615, bPer);
    }

    @Test
    void cmrc2018TrainsOnTrialPlusHalfOfDevSplitByArticle() {
        DatasetReader r = reader("cmrc2018", """
                {"dir": "cmrc2018", "format": "squad", "splits": {
                  "train": ["cmrc2018_trial.json",
                            {"file": "cmrc2018_dev.json", "from": 0.0, "to": 0.5, "seed": 13,
                             "group": "article"}],
                  "test": [{"file": "cmrc2018_dev.json", "from": 0.5, "to": 1.0, "seed": 13,
                            "group": "article"}]}}""");
        List<SpanExample> train = r.readSpans("train");
        List<SpanExample> test = r.readSpans("test");
        long trial = train.stream().filter(e -> e.id().startsWith("TRIAL")).count();
        assertEquals(1002, trial);
        assertEquals(3219, train.size() - trial + test.size());
        Set<String> trainArticles = new HashSet<>();
        train.forEach(e -> trainArticles.add(e.articleId()));
        Set<String> testArticles = new HashSet<>();
        test.forEach(e -> testArticles.add(e.articleId()));
        assertTrue(testArticles.stream().noneMatch(trainArticles::contains),
                "no article on both sides");
        assertEquals(424, testArticles.size(), "848 dev articles, half each side");
        for (List<SpanExample> part : List.of(train, test)) {
            for (SpanExample e : part) {
                for (var a : e.answers()) {
                    assertTrue(!a.located() || e.context().startsWith(a.text(), a.start()), e.id());
                }
            }
        }
        SpanExample nonBmp = train.stream().filter(e -> e.id().equals("TRIAL_210_QUERY_0"))
                .findFirst().orElseThrow();
        assertEquals("俗名龙尖", nonBmp.context().substring(nonBmp.firstLocatedAnswer().start(),
                nonBmp.firstLocatedAnswer().end()));
    }

    private static Set<String> labels(List<TextExample> examples) {
        Set<String> labels = new HashSet<>();
        examples.forEach(e -> labels.add(e.label()));
        return labels;
    }
}
