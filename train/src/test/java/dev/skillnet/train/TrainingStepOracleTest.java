package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.SharedFixtures;
import dev.skillnet.core.SharedPaths;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.inference.evaluate.ActiveSkills;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.kinds.Feature;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.optim.AdamW;
import dev.skillnet.train.sampling.SamplingConfig;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Three training steps of a span-extraction task on the tiny BERT fixture end with the weights an
 * independent PyTorch implementation computes for the same steps: the forward pass with skills,
 * the span loss over padded windows, the backward pass, clipping by global norm, AdamW with
 * decoupled weight decay, and the learning-rate schedule. The expected numbers come from
 * {@code scripts/pytorch-span-steps.py} (its own BERT, loss and PyTorch's {@code torch.optim.AdamW}
 * and {@code clip_grad_norm_}), stored in {@code pytorch-span-steps.json}.
 *
 * <p>The head's bias and the last LayerNorm's bias are not compared: a constant added to every
 * position's logit leaves the softmax over positions as it was, so their true gradient is zero and
 * both sides compute rounding noise, which Adam scales up to steps of up to the learning rate.
 */
class TrainingStepOracleTest {

    /** Both sides compute in fp32 with different kernels: weights agree to a few ulps of their size. */
    private static final double WEIGHT_TOLERANCE = 2e-6;

    /** The span head of cmrc2018, whose starting weights the oracle gives. */
    private static final String HEAD = "heads.cmrc2018.qa_outputs.";

    @Test
    void threeSpanStepsEndWithPyTorchsWeights() throws Exception {
        JsonObject oracle = oracle();
        Path fixture = SharedFixtures.require(SharedPaths.fixture("tiny-bert-chinese"), "the tiny BERT fixture");
        List<Task<?, ?>> tasks = BundledTasks.open("cmrc2018");
        Task<?, ?> task = tasks.get(0);
        TrainConfig config = new TrainConfig(3, 16, 1e-3, 0.34, 0.01, 1.0, 0, 1, 64, 7,
                SamplingConfig.proportional(), 0.0, 0);
        JsonArray rates = oracle.getAsJsonArray("learning_rates");
        for (int step = 1; step <= 3; step++) {
            assertEquals(rates.get(step - 1).getAsDouble(), config.learningRateAt(step), 1e-15, "lr at step " + step);
        }
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = BertTokenizer.fromDirectory(fixture)) {
            SkillNetModel model = ModelFactory.fromPretrained(fixture, SkillTable.defaults(), Routing.skills(List.of(1)),
                    tasks, 7, 0.0, manager);
            Map<String, Parameter> named = model.namedParameters();
            JsonObject head = oracle.getAsJsonObject("head");
            named.get(HEAD + "weight").getArray().set(floats(head.getAsJsonArray("weight")));
            named.get(HEAD + "bias").getArray().set(floats(head.getAsJsonArray("bias")));

            int[] skills = ActiveSkills.of(model, task.declaration());
            assertEquals(4, skills.length, "cmrc2018 runs four skills in layer 1");
            Map<String, Parameter> params = model.parametersFor(task.name(), skills);
            JointTrainer trainer = new JointTrainer(model, tasks, tokenizer, config, manager);
            JsonArray batches = oracle.getAsJsonArray("batches");
            JsonArray losses = oracle.getAsJsonArray("losses");
            try (AdamW optimizer = new AdamW(config.weightDecay(), manager)) {
                for (int step = 1; step <= 3; step++) {
                    JointTrainer.StepOutcome outcome = trainer.step(task, batch(batches.get(step - 1).getAsJsonArray()),
                            skills, params, optimizer, step);
                    assertNull(outcome.skipped());
                    assertEquals(losses.get(step - 1).getAsDouble(), outcome.loss(), 1e-5, "loss at step " + step);
                }
            }

            int compared = 0;
            for (var e : oracle.getAsJsonObject("after").entrySet()) {
                float[] want = floats(e.getValue().getAsJsonObject().getAsJsonArray("values"));
                compared += assertClose(want, named.get(e.getKey()).getArray().toFloatArray(), e.getKey());
            }
            assertEquals(9440, compared, "weights compared");
        }
    }

    /** Every gradient norm of the oracle's steps exceeds 1, so the comparison covers the clipping. */
    @Test
    void theOraclesStepsAreClipped() throws Exception {
        for (JsonElement norm : oracle().getAsJsonArray("gradient_norms")) {
            assertTrue(norm.getAsDouble() > 1.0, "norm " + norm);
        }
    }

    private static int assertClose(float[] want, float[] got, String name) {
        assertEquals(want.length, got.length, name);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < want.length; i++) {
            double d = Math.abs(want[i] - got[i]);
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        double limit = WEIGHT_TOLERANCE * Math.max(1.0, Math.abs(at < 0 ? 0 : want[at]));
        assertTrue(worst <= limit, name + ": element " + at + " is " + (at < 0 ? 0 : got[at]) + ", PyTorch "
                + (at < 0 ? 0 : want[at]) + " (difference " + worst + ")");
        return want.length;
    }

    private static List<Feature> batch(JsonArray features) {
        List<Feature> out = new ArrayList<>();
        for (JsonElement f : features) {
            JsonObject o = f.getAsJsonObject();
            long[] ids = longs(o.getAsJsonArray("input_ids"));
            long[] types = longs(o.getAsJsonArray("token_type_ids"));
            int n = ids.length;
            int[] none = new int[n];
            Arrays.fill(none, -1);
            // a training step reads ids, token types and targets only; offsets and sequence ids serve decoding
            Encoded window = new Encoded(ids, types, new String[n], none, none, none, none, false);
            out.add(new Feature(window, new int[] {o.get("start").getAsInt(), o.get("end").getAsInt()}, out.size()));
        }
        return out;
    }

    private static JsonObject oracle() throws Exception {
        try (Reader r = new InputStreamReader(TrainingStepOracleTest.class.getResourceAsStream("/pytorch-span-steps.json"),
                StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(r).getAsJsonObject();
        }
    }

    private static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }

    private static long[] longs(JsonArray a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsLong();
        }
        return out;
    }
}
