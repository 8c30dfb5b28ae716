package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.skillnet.core.SharedFixtures;
import dev.skillnet.core.SharedPaths;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.skills.SkillTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every variant of an experiment from a pretrained start begins as the checkpoint: each skill and
 * each expert of a mixture is, before any training, the checkpoint's own feed-forward sub-layer
 * (read here from the safetensors file by DJL, not through the project's loader); the dense mode
 * keeps that feed-forward itself; a mixture's gates alone are new and small.
 */
class PretrainedStartTest {

    /** The weights of one feed-forward sub-layer, as HuggingFace names them inside a layer. */
    static final List<String> FEED_FORWARD = List.of("intermediate.dense.weight", "intermediate.dense.bias",
            "output.dense.weight", "output.dense.bias", "output.LayerNorm.weight", "output.LayerNorm.bias");

    @Test
    void skillsAndExpertsStartAsThePretrainedFeedForwardAndOnlyGatesAreNew() throws Exception {
        Path dir = SharedFixtures.require(SharedPaths.fixture("tiny-bert-chinese"), "the tiny BERT fixture");
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, float[]> checkpoint = new HashMap<>();
            for (NDArray a : NDList.decode(manager, Files.readAllBytes(dir.resolve("model.safetensors")))) {
                checkpoint.put(a.getName().replaceFirst("^bert\\.", ""), a.toFloatArray());
            }
            SkillTable skills = SkillTable.defaults();

            SkillNetModel skill = ModelFactory.fromPretrained(dir, skills, Routing.skills(List.of()), List.of(), 7, manager);
            SkillNetModel moe = ModelFactory.fromPretrained(dir, skills, new Routing(Mode.MOE, List.of(), 4, 2),
                    List.of(), 7, manager);
            SkillNetModel dense = ModelFactory.fromPretrained(dir, skills, new Routing(Mode.DENSE, List.of(), 0, 0),
                    List.of(), 7, manager);
            Map<String, float[]> s = weights(skill);
            Map<String, float[]> m = weights(moe);
            Map<String, float[]> d = weights(dense);
            int checked = 0;
            for (int layer = 0; layer < 2; layer++) {
                for (String w : FEED_FORWARD) {
                    float[] pretrained = checkpoint.get("encoder.layer." + layer + "." + w);
                    String at = "bert.encoder.layer." + layer + ".";
                    for (String name : skills.names()) {
                        assertArrayEquals(pretrained, s.get(at + "skills." + name + "." + w), 0f, at + name + " " + w);
                        checked++;
                    }
                    for (int e = 0; e < 4; e++) {
                        assertArrayEquals(pretrained, m.get(at + "moe.experts." + e + "." + w), 0f, at + e + " " + w);
                        checked++;
                    }
                    assertArrayEquals(pretrained, d.get(at + w), 0f, "dense " + at + w);
                    checked++;
                }
            }
            assertEquals(2 * 6 * (7 + 4 + 1), checked);
            List<String> gates = m.keySet().stream().filter(k -> k.contains(".moe.") && !k.contains(".experts."))
                    .toList();
            assertEquals(2, gates.stream().filter(k -> k.endsWith("weight")).count(), "a gate per layer: " + gates);
            for (String g : gates) {
                for (float v : m.get(g)) {
                    assertTrue(Math.abs(v) < 0.2f, g + " starts small: " + v);
                }
                assertTrue(checkpoint.keySet().stream().noneMatch(k -> g.endsWith(k)), g + " is not in the checkpoint");
            }
        }
    }

    private static Map<String, float[]> weights(SkillNetModel model) {
        Map<String, float[]> out = new HashMap<>();
        model.namedParameters().forEach((k, p) -> out.put(k, p.getArray().toFloatArray()));
        return out;
    }
}
