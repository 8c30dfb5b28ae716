package dev.skillnet.tasks.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.data.TaggedExample;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MSRA NER with its bundled declaration: featurizing 200 real sentences and decoding their gold
 * targets back (as one-hot logits) must give exactly the gold entities.
 */
class TaggingRealDataTest {

    private static final int SENTENCES = 200;

    @TempDir Path dir;

    private final TaskKind<TaggedExample, TaggingPrediction> kind = TaskKind.tagging();

    @Test
    void goldTargetsDecodeBackToTheGoldEntities() {
        TaskDeclaration declaration = SharedData.declaration("msra_ner");
        List<TaggedExample> examples = kind.featurizer().read(SharedData.reader(declaration), "train").subList(0, SENTENCES);
        LabelSet tags = kind.featurizer().outputLabels(declaration, declaration.labels().values());
        assertEquals(List.of("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"), tags.labels());

        List<String> texts = examples.stream().map(e -> String.join("", e.chars())).toList();
        Featurized featurized;
        try (BertTokenizer tokenizer = KindFixtures.tokenizer(dir, KindFixtures.charTokens(texts))) {
            featurized = kind.featurizer().featurize(examples, tokenizer, declaration, tags);
        }
        assertEquals(SENTENCES, featurized.features().size());
        assertEquals(0, featurized.truncated(), "all of these sentences fit in max_length");

        List<float[]> logits = new ArrayList<>();
        for (Feature f : featurized.features()) {
            float[] row = new float[f.length() * tags.size()];
            for (int t = 0; t < f.length(); t++) {
                if (f.targets()[t] != Feature.IGNORE) {
                    row[t * tags.size() + f.targets()[t]] = 1f;
                }
            }
            logits.add(row);
        }
        List<TaggingPrediction> predictions = kind.decoder().decode(examples, featurized.features(), logits, tags, declaration);

        Score score = kind.decoder().score(examples, predictions, tags, declaration.metric());
        assertEquals("entity_f1", score.metric());
        assertEquals(100.0, score.value(), 1e-9);
        int entities = 0;
        for (int i = 0; i < SENTENCES; i++) {
            TaggedExample e = examples.get(i);
            List<EntityMention> gold = EntityMentions.of(e.chars(), e.tags(), TagSets.schemeOf(tags));
            assertEquals(gold, predictions.get(i).entities(), "sentence at " + e.source());
            for (EntityMention m : gold) {
                assertEquals(texts.get(i).substring(m.start(), m.end()), m.text());
            }
            entities += gold.size();
        }
        // The check means something only if there are entities to get right.
        assertTrue(entities > 50, entities + " gold entities");
        // And the baseline, scored the same way, gets none of them.
        assertEquals(0.0, kind.decoder().baseline(examples, examples, tags, declaration.metric()).value(), 0.0);
    }
}
