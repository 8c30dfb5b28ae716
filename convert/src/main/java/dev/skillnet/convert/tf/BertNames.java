package dev.skillnet.convert.tf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the variable names of Google's TensorFlow BERT ({@code google-research/bert}
 * {@code modeling.py} and {@code run_pretraining.py}) to HuggingFace's PyTorch BERT names.
 *
 * <p>A name may carry TF-Hub's {@code module/} prefix, and the encoder's may or may not carry
 * {@code bert/}: {@code module/bert/encoder/layer_3/attention/self/query/kernel} and
 * {@code encoder/layer_3/attention/self/query/kernel} both map to
 * {@code encoder.layer.3.attention.self.query.weight}. A dense layer's {@code kernel} is stored
 * [in, out] and is marked for transposing to HuggingFace's [out, in]; {@code LayerNorm/gamma} and
 * {@code beta} become {@code weight} and {@code bias}; {@code cls/predictions/output_bias} becomes
 * {@code cls.predictions.bias}; {@code cls/seq_relationship/output_weights} is already [out, in].
 */
public final class BertNames {

    /**
     * Where one TensorFlow variable goes.
     *
     * @param hfName the HuggingFace name (encoder names without {@code bert.})
     * @param transpose whether the stored 2-D tensor must be transposed ([in, out] to [out, in])
     * @param group 0 embeddings, 1 encoder layers, 2 pooler, 3 pre-training heads
     * @param layer the encoder layer number, 0 outside the encoder
     * @param rank the position within its group or layer, in HuggingFace's module order
     */
    public record Mapping(String hfName, boolean transpose, int group, int layer, int rank) {}

    /** HuggingFace's module order: embeddings, encoder layers by number, pooler, pre-training heads. */
    public static final Comparator<Mapping> ORDER = Comparator.comparingInt(Mapping::group)
            .thenComparingInt(Mapping::layer).thenComparingInt(Mapping::rank);

    private record Rule(String tf, String hf, boolean transpose) {}

    private static final List<Rule> EMBEDDINGS = rules(
            one("word_embeddings", "word_embeddings.weight"),
            one("position_embeddings", "position_embeddings.weight"),
            one("token_type_embeddings", "token_type_embeddings.weight"),
            norm("LayerNorm", "LayerNorm"));
    private static final List<Rule> LAYER = rules(
            dense("attention/self/query", "attention.self.query"),
            dense("attention/self/key", "attention.self.key"),
            dense("attention/self/value", "attention.self.value"),
            dense("attention/output/dense", "attention.output.dense"),
            norm("attention/output/LayerNorm", "attention.output.LayerNorm"),
            dense("intermediate/dense", "intermediate.dense"),
            dense("output/dense", "output.dense"),
            norm("output/LayerNorm", "output.LayerNorm"));
    private static final List<Rule> POOLER = rules(dense("dense", "dense"));
    private static final List<Rule> HEADS = rules(
            dense("predictions/transform/dense", "predictions.transform.dense"),
            norm("predictions/transform/LayerNorm", "predictions.transform.LayerNorm"),
            one("predictions/output_bias", "predictions.bias"),
            one("seq_relationship/output_weights", "seq_relationship.weight"),
            one("seq_relationship/output_bias", "seq_relationship.bias"));

    private static final Pattern LAYER_NAME = Pattern.compile("encoder/layer_(\\d{1,6})/(.+)");
    private static final List<String> SLOT_SUFFIXES = List.of("/adam_m", "/adam_v", "/Adam", "/Adam_1", "/Momentum");

    private BertNames() {}

    /**
     * @param tfName a TensorFlow variable name
     * @return its HuggingFace mapping, or empty when no rule matches
     */
    public static Optional<Mapping> map(String tfName) {
        String n = stripModule(tfName);
        if (n.startsWith("cls/")) {
            return find(HEADS, n.substring(4), "cls.", 3, 0);
        }
        n = n.startsWith("bert/") ? n.substring(5) : n;
        if (n.startsWith("embeddings/")) {
            return find(EMBEDDINGS, n.substring(11), "embeddings.", 0, 0);
        }
        if (n.startsWith("pooler/")) {
            return find(POOLER, n.substring(7), "pooler.", 2, 0);
        }
        Matcher m = LAYER_NAME.matcher(n);
        if (m.matches()) {
            int layer = Integer.parseInt(m.group(1));
            return find(LAYER, m.group(2), "encoder.layer." + layer + ".", 1, layer);
        }
        return Optional.empty();
    }

    /**
     * @param tfName a TensorFlow variable name
     * @return whether it is training bookkeeping rather than a weight: an optimizer slot
     *     ({@code /adam_m}, {@code /adam_v}, {@code /Adam}, {@code /Adam_1}, {@code /Momentum}),
     *     {@code global_step}, {@code save_counter} or the object graph of a TF2 checkpoint
     */
    public static boolean isBookkeeping(String tfName) {
        String n = stripModule(tfName);
        for (String s : SLOT_SUFFIXES) {
            if (n.endsWith(s)) {
                return true;
            }
        }
        return n.equals("global_step") || n.startsWith("_CHECKPOINTABLE_OBJECT_GRAPH") || n.startsWith("save_counter");
    }

    /**
     * @param tfName a TensorFlow variable name
     * @return whether it lies where BERT's weights live ({@code bert/}, {@code cls/}, or the
     *     encoder's scopes without {@code bert/}), so that an unmapped float tensor there is an error
     */
    public static boolean inBertScope(String tfName) {
        String n = stripModule(tfName);
        return n.startsWith("bert/") || n.startsWith("cls/") || n.startsWith("embeddings/")
                || n.startsWith("encoder/") || n.startsWith("pooler/");
    }

    private static String stripModule(String name) {
        return name.startsWith("module/") ? name.substring(7) : name;
    }

    private static Optional<Mapping> find(List<Rule> rules, String rest, String hfPrefix, int group, int layer) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.tf().equals(rest)) {
                return Optional.of(new Mapping(hfPrefix + r.hf(), r.transpose(), group, layer, i));
            }
        }
        return Optional.empty();
    }

    /** A tensor kept as stored. */
    private static List<Rule> one(String tf, String hf) {
        return List.of(new Rule(tf, hf, false));
    }

    /** A dense layer: its kernel, transposed, and its bias. */
    private static List<Rule> dense(String tf, String hf) {
        return List.of(new Rule(tf + "/kernel", hf + ".weight", true), new Rule(tf + "/bias", hf + ".bias", false));
    }

    /** A layer normalisation: gamma and beta. */
    private static List<Rule> norm(String tf, String hf) {
        return List.of(new Rule(tf + "/gamma", hf + ".weight", false), new Rule(tf + "/beta", hf + ".bias", false));
    }

    @SafeVarargs
    private static List<Rule> rules(List<Rule>... parts) {
        List<Rule> out = new ArrayList<>();
        for (List<Rule> p : parts) {
            out.addAll(p);
        }
        return List.copyOf(out);
    }
}
