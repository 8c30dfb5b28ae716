package dev.skillnet.model.checkpoint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The renames between HuggingFace checkpoint keys and this model's parameter names.
 *
 * <p>Checkpoints come as {@code bert.embeddings.LayerNorm.weight} (BertFor* models), {@code
 * embeddings.LayerNorm.weight} (BertModel) or with TensorFlow-era {@code gamma}/{@code beta}; all
 * map to {@code embeddings.LayerNorm.weight}. A skill's feed-forward parameter {@code
 * encoder.layer.N.skills.S.rest} falls back to BERT's {@code encoder.layer.N.rest}, so every skill
 * starts as a copy of the pretrained feed-forward sub-layer.
 */
public final class HfNames {

    private static final Pattern SKILL =
            Pattern.compile("^encoder\\.layer\\.(\\d+)\\.(?:skills|moe\\.experts)\\.[^.]+\\.(.+)$");

    private HfNames() {}

    /**
     * @param key a checkpoint key
     * @return the model's name for it, or {@code null} for a tensor the encoder does not use (MLM
     *     and NSP heads under {@code cls.}, the {@code position_ids} buffer)
     */
    public static String canonical(String key) {
        String k = key.startsWith("bert.") ? key.substring("bert.".length()) : key;
        if (k.startsWith("cls.") || k.equals("embeddings.position_ids")) {
            return null;
        }
        if (k.contains("LayerNorm.")) {
            if (k.endsWith(".gamma")) {
                k = k.substring(0, k.length() - "gamma".length()) + "weight";
            } else if (k.endsWith(".beta")) {
                k = k.substring(0, k.length() - "beta".length()) + "bias";
            }
        }
        return k;
    }

    /**
     * @param name a model parameter name
     * @return the plain-BERT name a skill parameter starts from, or {@code null} if it is not a
     *     skill parameter
     */
    public static String skillFallback(String name) {
        Matcher m = SKILL.matcher(name);
        return m.matches() ? "encoder.layer." + m.group(1) + "." + m.group(2) : null;
    }
}
