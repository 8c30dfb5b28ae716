package dev.skillnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.DataType;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.EncoderOutput;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.checkpoint.SkillNetCheckpoint;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.model.heads.HeadSpec;
import dev.skillnet.model.heads.Pooling;
import dev.skillnet.model.heads.TaskHead;
import dev.skillnet.model.nn.ParameterInit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mean-pooled head reads the average of the real tokens' states, a pair-pooled head compares
 * the two segments' averages, a siamese head compares the averages of two texts encoded apart, a
 * cosine head reads their cosine standardised by the first training batch's, and none of them
 * reads the pooler.
 */
class PoolingTest {

    /** Two pairs of texts: [CLS] 5 9 [SEP] and [CLS] 7 [SEP]; [CLS] 8 [SEP] and [CLS] 6 4 11 [SEP]. */
    private static final long[][][] PAIRS = {{{2, 5, 9, 3}, {2, 7, 3}}, {{2, 8, 3}, {2, 6, 4, 11, 3}}};

    /** {@link #PAIRS} as a text-apart head's encoder rows, padded: [4, 5]. */
    private static final long[][] PAIR_ROWS = {{2, 5, 9, 3, 0}, {2, 7, 3, 0, 0}, {2, 8, 3, 0, 0}, {2, 6, 4, 11, 3}};
    private static final long[][] PAIR_ROWS_MASK = {{1, 1, 1, 1, 0}, {1, 1, 1, 0, 0}, {1, 1, 1, 0, 0}, {1, 1, 1, 1, 1}};

    private static SkillNetModel model(NDManager m) {
        BertConfig config = BertConfig.of(20, 16, 2, 2, 32, 16);
        SkillNetModel model = new SkillNetModel(new BertModel(config, new SkillLayout(List.of("a"), List.of(1))),
                List.of(new HeadSpec("cls_task", HeadKind.SEQUENCE, 3),
                        new HeadSpec("mean_task", HeadKind.SEQUENCE, 3, Pooling.MEAN),
                        new HeadSpec("pair_task", HeadKind.SEQUENCE, 2, Pooling.PAIR),
                        new HeadSpec("siamese_task", HeadKind.SEQUENCE, 2, Pooling.SIAMESE),
                        new HeadSpec("cosine_task", HeadKind.SEQUENCE, 2, Pooling.COSINE)));
        ParameterInit.initialize(model, m, 0.2, 3);
        return model;
    }

    @Test
    void meanPoolingIgnoresPaddingAndMatchesTheAverageOfTheRealTokens() {
        try (NDManager m = NDManager.newBaseManager()) {
            SkillNetModel model = model(m);
            NDArray ids = m.create(new long[][] {{2, 5, 9, 3, 0, 0}});
            NDArray types = m.zeros(ids.getShape(), DataType.INT64);
            NDArray mask = m.create(new long[][] {{1, 1, 1, 1, 0, 0}});
            int[] skills = {0};
            float[] padded = model.forward("mean_task", ids, types, mask, skills, false).logits().toFloatArray();
            NDArray shortIds = m.create(new long[][] {{2, 5, 9, 3}});
            float[] unpadded = model.forward("mean_task", shortIds, m.zeros(shortIds.getShape(),
                    DataType.INT64), m.ones(shortIds.getShape(),
                    DataType.INT64), skills, false).logits().toFloatArray();
            assertArrayEquals(unpadded, padded, 1e-5f, "padding changes nothing");

            EncoderOutput out = model.bert().forward(shortIds, m.zeros(shortIds.getShape(),
                    DataType.INT64), m.ones(shortIds.getShape(),
                    DataType.INT64), skills, false);
            NDArray byHand = model.head("mean_task").forward(new EncoderOutput(out.lastHiddenState(),
                    out.poolerOutput().zerosLike()), null, m.ones(shortIds.getShape()), false);
            assertArrayEquals(byHand.toFloatArray(), unpadded, 1e-6f, "the pooler's output is not read");
            float[] cls = model.forward("cls_task", shortIds, m.zeros(shortIds.getShape(),
                    DataType.INT64), m.ones(shortIds.getShape(),
                    DataType.INT64), skills, false).logits().toFloatArray();
            assertEquals(3, cls.length);
        }
    }

    @Test
    void pairPoolingComparesTheMeansOfTheTwoSegmentsAndIgnoresPadding() {
        try (NDManager m = NDManager.newBaseManager()) {
            SkillNetModel model = model(m);
            int[] skills = {0};
            // [CLS] 5 9 [SEP] | 7 [SEP], then two padding positions
            NDArray ids = m.create(new long[][] {{2, 5, 9, 3, 7, 3, 0, 0}});
            NDArray types = m.create(new long[][] {{0, 0, 0, 0, 1, 1, 0, 0}});
            NDArray mask = m.create(new long[][] {{1, 1, 1, 1, 1, 1, 0, 0}});
            float[] padded = model.forward("pair_task", ids, types, mask, skills, false).logits().toFloatArray();
            NDArray shortIds = ids.get(":, :6");
            NDArray shortTypes = types.get(":, :6");
            NDArray shortMask = mask.get(":, :6");
            float[] unpadded = model.forward("pair_task", shortIds, shortTypes, shortMask, skills, false)
                    .logits().toFloatArray();
            assertArrayEquals(unpadded, padded, 1e-5f, "padding changes nothing");

            NDArray hidden = model.bert().forward(shortIds, shortTypes, shortMask, skills, false).lastHiddenState();
            NDArray u = hidden.get(":, :4").mean(new int[] {1}); // [1, H]
            NDArray v = hidden.get(":, 4:").mean(new int[] {1});
            NDArray features = u.concat(v, -1).concat(u.sub(v).abs(), -1).concat(u.mul(v), -1); // [1, 4H]
            var head = model.parametersFor("pair_task", skills);
            NDArray w = head.get("heads.pair_task.classifier.weight").getArray(); // [2, 4H]
            NDArray b = head.get("heads.pair_task.classifier.bias").getArray();
            assertArrayEquals(features.matMul(w.transpose()).add(b).toFloatArray(), unpadded, 1e-5f,
                    "the classifier reads [u; v; |u - v|; u * v]");

            NDArray swapped = m.create(new long[][] {{2, 7, 3, 5, 9, 3}});
            NDArray swappedTypes = m.create(new long[][] {{0, 0, 0, 1, 1, 1}});
            float[] other = model.forward("pair_task", swapped, swappedTypes, shortMask, skills, false)
                    .logits().toFloatArray();
            assertFalse(Arrays.equals(other, unpadded), "the segments are told apart by the type ids");
        }
    }

    @Test
    void siamesePoolingComparesTwoTextsEachEncodedAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            SkillNetModel model = model(m);
            int[] skills = {0};
            NDArray ids = m.create(PAIR_ROWS);
            NDArray mask = m.create(PAIR_ROWS_MASK);
            NDArray types = m.zeros(ids.getShape(), DataType.INT64);
            NDArray logits = model.forward("siamese_task", ids, types, mask, skills, false).logits();
            assertArrayEquals(new long[] {2, 2}, logits.getShape().getShape(), "two rows per pair, one row of logits");

            var head = model.parametersFor("siamese_task", skills);
            NDArray w = head.get("heads.siamese_task.classifier.weight").getArray(); // [2, 4H]
            NDArray b = head.get("heads.siamese_task.classifier.bias").getArray();
            for (int i = 0; i < PAIRS.length; i++) {
                NDArray u = alone(model, m, PAIRS[i][0], skills);
                NDArray v = alone(model, m, PAIRS[i][1], skills);
                NDArray features = u.concat(v, -1).concat(u.sub(v).abs(), -1).concat(u.mul(v), -1); // [1, 4H]
                assertArrayEquals(features.matMul(w.transpose()).add(b).toFloatArray(),
                        logits.get(i).toFloatArray(), 1e-5f, "pair " + i + ": [u; v; |u - v|; u * v] of the texts alone");
            }
            NDArray swapped = m.create(new long[][] {{2, 7, 3, 0, 0}, {2, 5, 9, 3, 0}});
            NDArray swappedMask = m.create(new long[][] {{1, 1, 1, 0, 0}, {1, 1, 1, 1, 0}});
            float[] other = model.forward("siamese_task", swapped, m.zeros(swapped.getShape(), DataType.INT64),
                    swappedMask, skills, false).logits().toFloatArray();
            assertFalse(Arrays.equals(other, logits.get(0).toFloatArray()), "the texts keep their order");
            NDArray odd = ids.get(":3");
            assertThrows(IllegalArgumentException.class, () -> model.forward("siamese_task", odd,
                    types.get(":3"), mask.get(":3"), skills, false));
        }
    }

    @Test
    void cosinePoolingReadsTheCosineOfTwoTextsEachEncodedAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            SkillNetModel model = model(m);
            int[] skills = {0};
            NDArray ids = m.create(PAIR_ROWS);
            NDArray mask = m.create(PAIR_ROWS_MASK);
            NDArray types = m.zeros(ids.getShape(), DataType.INT64);
            var params = model.namedParameters();
            float[] w = params.get("heads.cosine_task.classifier.weight").getArray().toFloatArray(); // [2, 1]
            float[] b = params.get("heads.cosine_task.classifier.bias").getArray().toFloatArray();
            assertEquals(2, w.length, "the classifier reads one number");
            double[] cos = new double[2];
            for (int i = 0; i < PAIRS.length; i++) {
                cos[i] = cosine(alone(model, m, PAIRS[i][0], skills).toFloatArray(),
                        alone(model, m, PAIRS[i][1], skills).toFloatArray());
            }
            NDArray unset = model.forward("cosine_task", ids, types, mask, skills, false).logits();
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(new float[] {(float) (w[0] * cos[i] + b[0]), (float) (w[1] * cos[i] + b[1])},
                        unset.get(i).toFloatArray(), 1e-5f, "pair " + i + ": the raw cosine while nothing set it");
            }
            params.get("heads.cosine_task.standardize.mean").getArray().set(new NDIndex("..."), m.create(new float[] {0.25f}));
            params.get("heads.cosine_task.standardize.std").getArray().set(new NDIndex("..."), m.create(new float[] {0.5f}));
            NDArray set = model.forward("cosine_task", ids, types, mask, skills, false).logits();
            for (int i = 0; i < 2; i++) {
                double z = (cos[i] - 0.25) / 0.5;
                assertArrayEquals(new float[] {(float) (w[0] * z + b[0]), (float) (w[1] * z + b[1])},
                        set.get(i).toFloatArray(), 1e-5f, "pair " + i + ": (cos - mean) / std");
            }
            assertFalse(model.parametersFor("cosine_task", skills).get("heads.cosine_task.standardize.std")
                    .requiresGradient(), "the statistics are not trained");
            assertThrows(IllegalArgumentException.class, () -> model.forward("cosine_task", ids.get(":3"),
                    types.get(":3"), mask.get(":3"), skills, false));
        }
    }

    @Test
    void theFirstTrainingBatchSetsTheStandardisationAndLaterOnesKeepIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            SkillNetModel model = model(m);
            TaskHead head = model.head("cosine_task");
            // two pairs of texts of 2 tokens in H 16: pair 0's texts point alike, pair 1's apart
            float[][] texts = new float[4][16];
            for (int h = 0; h < 16; h++) {
                texts[0][h] = h + 1;
                texts[1][h] = h + 2;
                texts[2][h] = h % 2 == 0 ? 1 : -1;
                texts[3][h] = h < 8 ? 1 : 0.5f;
            }
            NDArray hidden = m.create(texts).reshape(4, 1, 16).repeat(1, 2); // [4, 2, 16]: each token alike
            NDArray mask = m.ones(new Shape(4, 2));
            EncoderOutput encoded = new EncoderOutput(hidden, m.zeros(new Shape(4, 16)));
            head.forward(encoded, null, mask, false);
            var params = model.namedParameters();
            NDArray mean = params.get("heads.cosine_task.standardize.mean").getArray();
            NDArray std = params.get("heads.cosine_task.standardize.std").getArray();
            assertArrayEquals(new float[] {0}, std.toFloatArray(), "inference sets nothing");
            head.forward(new EncoderOutput(hidden.get(":2"), m.zeros(new Shape(2, 16))), null, mask.get(":2"), true);
            assertArrayEquals(new float[] {0}, std.toFloatArray(), "one pair has no spread: it sets nothing");

            head.forward(encoded, null, mask, true);
            double c0 = cosine(texts[0], texts[1]);
            double c1 = cosine(texts[2], texts[3]);
            assertArrayEquals(new float[] {(float) ((c0 + c1) / 2)}, mean.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {(float) (Math.abs(c0 - c1) / 2)}, std.toFloatArray(), 1e-6f,
                    "the population standard deviation of the batch's cosines");

            NDArray other = m.create(new float[][] {texts[3], texts[0], texts[1], texts[0]}).reshape(4, 1, 16).repeat(1, 2);
            NDArray logits = head.forward(new EncoderOutput(other, m.zeros(new Shape(4, 16))), null, mask, true);
            assertArrayEquals(new float[] {(float) ((c0 + c1) / 2)}, mean.toFloatArray(), 1e-6f, "kept");
            assertArrayEquals(new float[] {(float) (Math.abs(c0 - c1) / 2)}, std.toFloatArray(), 1e-6f, "kept");
            assertArrayEquals(new long[] {2, 2}, logits.getShape().getShape());
        }
    }

    private static double cosine(float[] u, float[] v) {
        double dot = 0;
        double uu = 0;
        double vv = 0;
        for (int i = 0; i < u.length; i++) {
            dot += (double) u[i] * v[i];
            uu += (double) u[i] * u[i];
            vv += (double) v[i] * v[i];
        }
        return dot / Math.sqrt(uu * vv);
    }

    /** @return [1, H]: the mean of one text's last hidden state, encoded on its own */
    private static NDArray alone(SkillNetModel model, NDManager m, long[] ids, int[] skills) {
        NDArray row = m.create(new long[][] {ids});
        return model.bert().forward(row, m.zeros(row.getShape(), DataType.INT64), m.ones(row.getShape(),
                DataType.INT64), skills, false).lastHiddenState().mean(new int[] {1});
    }

    @Test
    void aMeanPooledTaskDoesNotTouchThePooler() {
        try (NDManager m = NDManager.newBaseManager()) {
            SkillNetModel model = model(m);
            assertTrue(model.parametersFor("cls_task", new int[] {0}).containsKey("bert.pooler.dense.weight"));
            assertFalse(model.parametersFor("mean_task", new int[] {0}).containsKey("bert.pooler.dense.weight"));
            assertTrue(model.parametersFor("mean_task", new int[] {0})
                    .containsKey("heads.mean_task.classifier.weight"));
            assertFalse(model.parametersFor("pair_task", new int[] {0}).containsKey("bert.pooler.dense.weight"));
            assertFalse(model.parametersFor("siamese_task", new int[] {0}).containsKey("bert.pooler.dense.weight"));
        }
    }

    @Test
    void aCheckpointKeepsEachHeadsPooling(@TempDir Path dir)
            throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            SkillNetModel model = model(m);
            model.namedParameters().get("heads.cosine_task.standardize.mean").getArray()
                    .set(new NDIndex("..."), m.create(new float[] {0.75f}));
            model.namedParameters().get("heads.cosine_task.standardize.std").getArray()
                    .set(new NDIndex("..."), m.create(new float[] {0.125f}));
            SkillNetCheckpoint.save(model, dir);
            SkillNetModel loaded = SkillNetCheckpoint.load(dir, m);
            NDArray std = loaded.namedParameters().get("heads.cosine_task.standardize.std").getArray();
            assertArrayEquals(new float[] {0.75f}, loaded.namedParameters()
                    .get("heads.cosine_task.standardize.mean").getArray().toFloatArray());
            assertArrayEquals(new float[] {0.125f}, std.toFloatArray());
            assertFalse(std.hasGradient(), "a loaded statistic is still not trained");
            assertEquals(Pooling.CLS, loaded.head("cls_task").pooling());
            assertEquals(Pooling.MEAN, loaded.head("mean_task").pooling());
            assertEquals(Pooling.PAIR, loaded.head("pair_task").pooling());
            assertEquals(Pooling.SIAMESE, loaded.head("siamese_task").pooling());
            assertEquals(Pooling.COSINE, loaded.head("cosine_task").pooling());
        }
    }

    @Test
    void onlySequenceHeadsPool() {
        assertThrows(IllegalArgumentException.class, () -> new HeadSpec("ner", HeadKind.TOKEN, 5, Pooling.MEAN));
        assertEquals(Pooling.MEAN, Pooling.fromJson("mean"));
        assertEquals(Pooling.PAIR, Pooling.fromJson("pair"));
        assertEquals(Pooling.SIAMESE, Pooling.fromJson("siamese"));
        assertEquals(Pooling.COSINE, Pooling.fromJson("cosine"));
        assertThrows(IllegalArgumentException.class, () -> Pooling.fromJson("max"));
    }
}
