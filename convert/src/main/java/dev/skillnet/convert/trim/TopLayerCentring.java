package dev.skillnet.convert.trim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import dev.skillnet.model.nn.NoGradient;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Centres the output of an encoder cut to its lower layers. A middle layer of a deep BERT was
 * never an output: its hidden state can carry a large constant in a few dimensions, which the
 * layers above it absorbed (mBERT's sixth layer gives about -17 in dimension 195 at every token,
 * against a spread of about 0.6 elsewhere). A new task head sees that constant as a large random
 * offset, and a pair head, which multiplies the two texts' features, as its square. Shifting the
 * top kept layer's {@code output.LayerNorm.bias} by the mean hidden state over a probe of ordinary
 * text removes the constant; a linear head on the shifted output can express exactly what it could
 * on the original (the shift is a bias), so nothing is lost.
 */
final class TopLayerCentring {

    /** Ordinary sentences, Chinese and English, the probe the mean is taken over. */
    static final List<String> PROBE = List.of(
            "今天北京天气很好，我们下午去公园散步吧。",
            "这家酒店的服务非常周到，房间干净，早餐也很丰富。",
            "请问信用卡的账单可以分期还款吗？",
            "他在上海的一所大学里学习计算机科学，明年毕业。",
            "新款手机将于下个月在全国各大城市同时发售。",
            "The committee will publish its report on the new railway next spring.",
            "She read the letter twice before she answered it.",
            "比赛在晚上八点开始，两支球队都派出了最强阵容。");

    private TopLayerCentring() {}

    /**
     * @param dir a HuggingFace-layout BERT folder (config, weights and tokenizer)
     * @return the mean of {@code last_hidden_state} over every token of the probe, [H]
     */
    static float[] meanOutput(Path dir) {
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = BertTokenizer.fromDirectory(dir);
                NoGradient noGradient = NoGradient.enter()) {
            BertModel bert = BertCheckpoint.load(dir, List.of(), manager);
            int h = bert.config().hiddenSize();
            double[] sum = new double[h];
            long tokens = 0;
            for (String text : PROBE) {
                Encoded e = tokenizer.encode(text, null, bert.config().maxPositionEmbeddings());
                try (NDManager step = manager.newSubManager()) {
                    Shape shape = new Shape(1, e.length());
                    NDArray ids = step.create(e.inputIds(), shape);
                    NDArray types = step.create(e.tokenTypeIds(), shape);
                    NDArray mask = step.ones(shape);
                    float[] hidden = bert.forward(ids, types, mask, new int[0], false).lastHiddenState()
                            .toFloatArray(); // [1, T, H]
                    for (int i = 0; i < hidden.length; i++) {
                        sum[i % h] += hidden[i];
                    }
                    tokens += e.length();
                }
            }
            float[] mean = new float[h];
            for (int j = 0; j < h; j++) {
                mean[j] = (float) (sum[j] / tokens);
            }
            return mean;
        }
    }

    /**
     * @param bias the top layer's {@code output.LayerNorm.bias}, [H]
     * @param mean the mean output over the probe, [H]
     * @return the bias that makes the probe's mean output zero
     */
    static float[] centred(float[] bias, float[] mean) {
        if (bias.length != mean.length) {
            throw new IllegalArgumentException("bias has " + bias.length + " values, mean " + mean.length);
        }
        float[] out = Arrays.copyOf(bias, bias.length);
        for (int j = 0; j < out.length; j++) {
            out[j] -= mean[j];
        }
        return out;
    }

    /** @return the largest absolute value of {@code values} */
    static float largest(float[] values) {
        float max = 0f;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
