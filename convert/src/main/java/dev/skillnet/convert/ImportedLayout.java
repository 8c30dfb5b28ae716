package dev.skillnet.convert;

import ai.djl.ndarray.types.Shape;
import dev.skillnet.convert.source.WeightSource;
import dev.skillnet.core.UserInputException;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.pretrain.BertPreTrainingHeads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before anything is written, that a source's tensors are exactly a BERT of the inferred
 * configuration: every encoder tensor there with its shape (only the pooler may be absent, as a
 * pair), and the {@code cls.*} pre-training heads, where present, shaped as HuggingFace's.
 */
final class ImportedLayout {

    private ImportedLayout() {}

    static void check(WeightSource source, BertConfig config) {
        Map<String, Shape> expected = new LinkedHashMap<>(
                new BertModel(config, SkillLayout.everyLayer(List.of(), config.numHiddenLayers())).namedShapes());
        Map<String, Shape> heads = new LinkedHashMap<>();
        new BertPreTrainingHeads(config).namedShapes().forEach((k, v) -> heads.put("cls." + k, v));
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> misshaped = new ArrayList<>();
        Map<String, long[]> have = source.shapes();
        boolean noPooler = !have.containsKey("pooler.dense.weight") && !have.containsKey("pooler.dense.bias");
        for (var e : expected.entrySet()) {
            if (!have.containsKey(e.getKey()) && !(noPooler && e.getKey().startsWith("pooler."))) {
                missing.add(e.getKey() + " " + Arrays.toString(e.getValue().getShape()));
            }
        }
        for (var e : have.entrySet()) {
            Shape want = expected.containsKey(e.getKey()) ? expected.get(e.getKey()) : heads.get(e.getKey());
            if (want == null) {
                unexpected.add(e.getKey() + " " + Arrays.toString(e.getValue()));
            } else if (!Arrays.equals(want.getShape(), e.getValue())) {
                misshaped.add(e.getKey() + ": checkpoint " + Arrays.toString(e.getValue()) + ", BERT expects "
                        + Arrays.toString(want.getShape()));
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !misshaped.isEmpty()) {
            StringBuilder msg = new StringBuilder("the checkpoint is not a BERT of " + config.numHiddenLayers()
                    + " layers, hidden " + config.hiddenSize());
            append(msg, "missing", missing);
            append(msg, "unexpected", unexpected);
            append(msg, "wrong shape", misshaped);
            throw new UserInputException(source.file(), msg.toString());
        }
    }

    private static void append(StringBuilder msg, String what, List<String> items) {
        if (!items.isEmpty()) {
            msg.append("\n  ").append(items.size()).append(' ').append(what).append(':');
            items.forEach(i -> msg.append("\n    ").append(i));
        }
    }
}
