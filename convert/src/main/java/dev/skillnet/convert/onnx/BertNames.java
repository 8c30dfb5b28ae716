package dev.skillnet.convert.onnx;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HuggingFace's names for the tensors of a BERT checkpoint: which names are BERT's, which are
 * dense (Linear) weights, and the order in which to list them.
 */
final class BertNames {

    private static final List<String> EMBEDDINGS = List.of("embeddings.word_embeddings.weight",
            "embeddings.position_embeddings.weight", "embeddings.token_type_embeddings.weight",
            "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias");
    private static final List<String> LAYER_PARTS = List.of("attention.self.query", "attention.self.key",
            "attention.self.value", "attention.output.dense", "attention.output.LayerNorm", "intermediate.dense",
            "output.dense", "output.LayerNorm");
    private static final List<String> HEADS = List.of("pooler.dense", "cls.predictions.transform.dense",
            "cls.predictions.transform.LayerNorm", "cls.predictions", "cls.seq_relationship");
    private static final Pattern LAYER = Pattern.compile("encoder\\.layer\\.(\\d{1,4})\\.(.+)\\.(weight|bias)");
    private static final Pattern HEAD = Pattern.compile("(.+)\\.(weight|bias)");

    private BertNames() {}

    /**
     * @param name a tensor name from an export
     * @return its HuggingFace name (a leading {@code bert.} removed) when it is one of BERT's
     *     tensors, else {@code null}
     */
    static String hfName(String name) {
        String n = name.startsWith("bert.") ? name.substring("bert.".length()) : name;
        return rank(n) >= 0 ? n : null;
    }

    /**
     * @param hfName a HuggingFace BERT name
     * @return whether it is the weight of a dense (Linear) layer, stored [out, in] by HuggingFace
     */
    static boolean isDenseWeight(String hfName) {
        return hfName.endsWith(".weight") && !hfName.startsWith("embeddings.") && !hfName.contains("LayerNorm");
    }

    /**
     * @param hfName a HuggingFace BERT name
     * @return the order to write it in: embeddings, layers in numeric order (each: query, key,
     *     value, attention output, its LayerNorm, intermediate, output, its LayerNorm; weight before
     *     bias), pooler, pre-training heads; -1 for a name that is not BERT's
     */
    static long rank(String hfName) {
        int e = EMBEDDINGS.indexOf(hfName);
        if (e >= 0) {
            return e;
        }
        Matcher m = LAYER.matcher(hfName);
        if (m.matches()) {
            int part = LAYER_PARTS.indexOf(m.group(2));
            return part < 0 ? -1 : 100 + Long.parseLong(m.group(1)) * 100 + part * 2L + weightOrBias(m.group(3));
        }
        m = HEAD.matcher(hfName);
        if (m.matches()) {
            int head = HEADS.indexOf(m.group(1));
            if (head < 0 || hfName.equals("cls.predictions.weight")) {
                return -1;
            }
            return 10_000_000L + head * 2L + weightOrBias(m.group(2));
        }
        return -1;
    }

    private static int weightOrBias(String suffix) {
        return suffix.equals("weight") ? 0 : 1;
    }
}
