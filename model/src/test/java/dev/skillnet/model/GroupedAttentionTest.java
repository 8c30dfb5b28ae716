package dev.skillnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.BertSelfAttention;
import dev.skillnet.model.bert.EncoderOutput;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.nn.ParameterInit;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Long sequences attend in groups that keep each score tensor within
 * {@link BertSelfAttention#SCORES_PER_GROUP}; the grouped batch gives the reference model's
 * outputs, and the same gradients as the sequences run one at a time (which attend ungrouped).
 */
class GroupedAttentionTest {

    /** 12 heads at 600 tokens: 4.3 M scores a sequence, over the budget, so every sequence is a group. */
    static final BertConfig CONFIG = BertConfig.of(50, 24, 1, 12, 48, 600);
    static final int T = 600;
    static final int[] LENGTHS = {600, 301, 17};

    static NDManager manager;
    static long[][] ids = new long[LENGTHS.length][T];
    static long[][] types = new long[LENGTHS.length][T];
    static long[][] mask = new long[LENGTHS.length][T];

    @BeforeAll
    static void inputs() {
        manager = NDManager.newBaseManager();
        Random random = new Random(5);
        for (int i = 0; i < LENGTHS.length; i++) {
            for (int j = 0; j < LENGTHS[i]; j++) {
                ids[i][j] = 1 + random.nextInt(49);
                types[i][j] = j > LENGTHS[i] / 2 ? 1 : 0;
                mask[i][j] = 1;
            }
        }
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    static BertModel model() {
        BertModel model = new BertModel(CONFIG, SkillLayout.none());
        ParameterInit.initialize(model, manager, 0.2, 21);
        return model;
    }

    @Test
    void groupSizesFollowTheScoreBudget() {
        assertEquals(1, BertSelfAttention.sequencesPerGroup(12, T)); // the test's shape
        assertEquals(1, BertSelfAttention.sequencesPerGroup(12, 512)); // BERT-base, windows of 512
        assertEquals(2, BertSelfAttention.sequencesPerGroup(8, 512)); // bge-small-zh, windows of 512
        assertEquals(21, BertSelfAttention.sequencesPerGroup(12, 128));
        assertEquals(1, BertSelfAttention.sequencesPerGroup(16, 1024)); // one sequence over the budget
    }

    @Test
    void groupedBatchMatchesTheReferenceModel() {
        BertModel model = model();
        Map<String, float[]> weights = new HashMap<>();
        model.namedParameters().forEach((name, p) -> weights.put(name, p.getArray().toFloatArray()));
        ReferenceBert ref = new ReferenceBert(CONFIG, weights);

        EncoderRunner.Result got = EncoderRunner.run(model, manager, ids, types, mask, Set.of());
        int h = CONFIG.hiddenSize();
        for (int i = 0; i < LENGTHS.length; i++) {
            ReferenceBert.Output want = ref.forward(ids[i], types[i], mask[i]);
            for (int pos = 0; pos < LENGTHS[i]; pos++) {
                for (int j = 0; j < h; j++) {
                    assertEquals(want.hidden()[pos][j], got.hidden()[i][pos * h + j], 1e-4,
                            "hidden[" + i + "][" + pos + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void groupedBatchGradientsAreTheSumOfEachSequenceAlone() {
        BertModel model = model();
        Map<String, Parameter> params = model.namedParameters();
        float[][] weightsOfHidden = new float[LENGTHS.length][T * CONFIG.hiddenSize()];
        Random random = new Random(8);
        for (float[] row : weightsOfHidden) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }

        Map<String, float[]> batch = gradients(model, params, ids, types, mask, weightsOfHidden);
        Map<String, float[]> sum = new HashMap<>();
        for (int i = 0; i < LENGTHS.length; i++) {
            Map<String, float[]> one = gradients(model, params, new long[][] {ids[i]}, new long[][] {types[i]},
                    new long[][] {mask[i]}, new float[][] {weightsOfHidden[i]});
            one.forEach((name, g) -> sum.merge(name, g, GroupedAttentionTest::add));
        }
        for (String name : batch.keySet()) {
            float[] want = sum.get(name);
            float[] got = batch.get(name);
            double scale = 0;
            for (float w : want) {
                scale = Math.max(scale, Math.abs(w));
            }
            for (int j = 0; j < want.length; j++) {
                assertEquals(want[j], got[j], 1e-4 * Math.max(1, scale), name + "[" + j + "]");
            }
        }
    }

    /** Gradients of sum(hidden x weightsOfHidden) for every parameter, dropout off. */
    static Map<String, float[]> gradients(BertModel model, Map<String, Parameter> params, long[][] ids,
            long[][] types, long[][] mask, float[][] weightsOfHidden) {
        Map<String, float[]> grads = new HashMap<>();
        try (NDManager step = manager.newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.zeroGradients();
            EncoderOutput out = model.forward(step.create(ids), step.create(types), step.create(mask), Set.of(),
                    false);
            NDArray hidden = out.lastHiddenState(); // [B, T, H]
            NDArray w = step.create(weightsOfHidden).reshape(hidden.getShape());
            gc.backward(hidden.mul(w).sum());
            for (var e : params.entrySet()) {
                NDArray g = e.getValue().getArray().getGradient();
                grads.put(e.getKey(), g.toFloatArray());
                g.close();
            }
        }
        return grads;
    }

    static float[] add(float[] a, float[] b) {
        float[] c = a.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += b[i];
        }
        return c;
    }
}
