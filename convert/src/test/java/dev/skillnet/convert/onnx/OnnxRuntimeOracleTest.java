package dev.skillnet.convert.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.skillnet.convert.ImportRequest;
import dev.skillnet.convert.Importer;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle for the ONNX reader: ONNX Runtime runs the bge-small-zh export itself, and our own
 * encoder, loaded from the weights {@link OnnxBertSource} reads out of the same file, must give
 * the same {@code last_hidden_state} within 1e-4 at every real (non-padding) token, for single
 * texts and pairs, one at a time and as one padded batch.
 */
class OnnxRuntimeOracleTest {

    private static final double TOLERANCE = 1e-4;

    /** Texts (and second segments) of 1 to 560 characters; the longest is truncated to 512 tokens. */
    private static final List<String[]> INPUTS = List.of(
            new String[] {"好", null},
            new String[] {"今天天气很好。", null},
            new String[] {"我想订一张明天去上海的火车票。", null},
            new String[] {"这家餐厅的菜很好吃，服务也不错，下次还会再来。", null},
            new String[] {"苹果公司于2023年9月发布了iPhone 15，售价5999元起。", null},
            new String[] {"北京大学成立于1898年，初名京师大学堂。", null},
            new String[] {"Transformer模型在NLP任务上表现优异，BERT是其中的代表。", null},
            new String[] {"请问怎么修改花呗的还款日期？", "花呗还款日可以更改吗"},
            new String[] {"他昨天晚上在图书馆看书。", "他昨晚去了图书馆。"},
            new String[] {"股市今天大涨3.5%，沪指收于3200点。", "今天股票跌了很多。"},
            new String[] {"我的银行卡丢了怎么办", "银行卡遗失如何挂失"},
            new String[] {"abc", "ABC def 123"},
            new String[] {"机器学习是人工智能的一个分支，它使计算机能够从数据中学习规律，而不需要明确编程。"
                    + "深度学习则是机器学习的一个子领域，使用多层神经网络来学习数据的表示。", null},
            new String[] {"《红楼梦》是中国古典四大名著之一，作者曹雪芹。", "谁写了红楼梦？"},
            new String[] {"2024年巴黎奥运会，中国代表团获得40枚金牌。", null},
            new String[] {"手机号码13800138000已停机，请联系客服。", null},
            new String[] {"张三在上海浦东新区工作，李四在杭州西湖区读书。", "张三和李四住在同一个城市吗？"},
            new String[] {"e = mc^2 是爱因斯坦提出的质能方程。", null},
            new String[] {"。", "？"},
            new String[] {"长江是中国第一长河，全长约6300公里，流经青海、西藏、四川、云南、重庆、湖北、湖南、江西、安徽、"
                    + "江苏和上海。黄河是中国第二长河，全长约5464公里，被称为中华民族的母亲河。", "中国最长的河流是哪条？"},
            new String[] {longText(), null},
            new String[] {longText().substring(0, 300), longText().substring(100, 400)});

    private static String longText() {
        String base = "人工智能技术的快速发展正在深刻改变我们的生活方式。从智能手机上的语音助手，到自动驾驶汽车，"
                + "再到医疗影像诊断，AI的应用无处不在。2023年，大语言模型引发了新一轮的技术热潮，"
                + "ChatGPT等产品让普通用户也能体验到自然语言处理的强大能力。";
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 560) {
            sb.append(base);
        }
        return sb.substring(0, 560);
    }

    @TempDir
    Path dir;

    /** Imports the bge jar as {@code skillnet import} does: the folder under test. */
    private Path imported(Path onnx) throws IOException {
        Path hf = dir.resolve("hf");
        BertConfig config = Importer.run(ImportRequest.builder().setFrom(Bge.jar()).setOut(hf).build());
        try (OnnxBertSource source = OnnxBertSource.open(onnx)) {
            assertEquals(source.layerNormEpsilon().orElseThrow(), config.layerNormEps(), "the graph's LayerNorm epsilon");
        }
        return hf;
    }

    /** Inputs padded to the longest: ids, token types and mask, each [B][T]. */
    private record Batch(long[][] ids, long[][] types, long[][] mask, int[] lengths) {
        static Batch of(List<Encoded> encoded, long padId) {
            int t = encoded.stream().mapToInt(Encoded::length).max().orElseThrow();
            int b = encoded.size();
            long[][] ids = new long[b][t];
            long[][] types = new long[b][t];
            long[][] mask = new long[b][t];
            int[] lengths = new int[b];
            for (int i = 0; i < b; i++) {
                Encoded e = encoded.get(i);
                java.util.Arrays.fill(ids[i], padId);
                System.arraycopy(e.inputIds(), 0, ids[i], 0, e.length());
                System.arraycopy(e.tokenTypeIds(), 0, types[i], 0, e.length());
                java.util.Arrays.fill(mask[i], 0, e.length(), 1L);
                lengths[i] = e.length();
            }
            return new Batch(ids, types, mask, lengths);
        }
    }

    /** @return last_hidden_state [B][T][H] from ONNX Runtime */
    private static float[][][] runOrt(OrtEnvironment env, OrtSession session, Batch batch) throws OrtException {
        Map<String, long[][]> byName = Map.of("input_ids", batch.ids(), "attention_mask", batch.mask(),
                "token_type_ids", batch.types());
        Map<String, ai.onnxruntime.OnnxTensor> feed = new LinkedHashMap<>();
        try {
            for (String name : session.getInputNames()) {
                feed.put(name, ai.onnxruntime.OnnxTensor.createTensor(env, byName.get(name)));
            }
            try (OrtSession.Result result = session.run(feed)) {
                OnnxValue out = result.get("last_hidden_state").orElseThrow();
                return (float[][][]) out.getValue();
            }
        } finally {
            feed.values().forEach(ai.onnxruntime.OnnxTensor::close);
        }
    }

    /** @return last_hidden_state [B][T*H] from our encoder */
    private static float[][] runOurs(BertModel model, NDManager parent, Batch batch) {
        try (NDManager m = parent.newSubManager()) {
            NDArray hidden = model.forward(m.create(batch.ids()), m.create(batch.types()), m.create(batch.mask()),
                    Set.of(), false).lastHiddenState(); // [B, T, H]
            float[][] out = new float[batch.ids().length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = hidden.get(i).toFloatArray();
            }
            return out;
        }
    }

    /** @return the largest |ours - ORT| over the real tokens of the batch */
    private static double maxDifference(float[][][] ort, float[][] ours, Batch batch) {
        double max = 0;
        for (int i = 0; i < ort.length; i++) {
            int h = ort[i][0].length;
            for (int t = 0; t < batch.lengths()[i]; t++) {
                for (int j = 0; j < h; j++) {
                    max = Math.max(max, Math.abs(ort[i][t][j] - ours[i][t * h + j]));
                }
            }
        }
        return max;
    }

    @Test
    void ourEncoderMatchesOnnxRuntimeOnTheSameWeights() throws Exception {
        Path onnx = Bge.onnx(dir);
        Path hf = imported(onnx);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = BertTokenizer.fromDirectory(hf)) {
            options.setIntraOpNumThreads(2);
            try (OrtSession session = env.createSession(onnx.toString(), options)) {
                assertEquals(Set.of("input_ids", "attention_mask", "token_type_ids"), session.getInputNames());
                BertModel model = BertCheckpoint.load(hf, List.of(), manager);
                List<Encoded> encoded = new ArrayList<>();
                for (String[] in : INPUTS) {
                    encoded.add(tokenizer.encode(in[0], in[1], Bge.POSITIONS));
                }
                Encoded longest = encoded.get(INPUTS.size() - 2);
                assertTrue(longest.truncated());
                assertEquals(Bge.POSITIONS, longest.length());
                assertTrue(encoded.stream().anyMatch(e -> e.length() == 3)); // "好": [CLS] 好 [SEP]
                double single = 0;
                for (Encoded e : encoded) {
                    Batch one = Batch.of(List.of(e), tokenizer.padId());
                    single = Math.max(single, maxDifference(runOrt(env, session, one), runOurs(model, manager, one), one));
                }
                // one padded batch: every input but the 512-token one, padded to the longest of the rest
                List<Encoded> rest = new ArrayList<>(encoded);
                rest.remove(INPUTS.size() - 2);
                Batch batch = Batch.of(rest, tokenizer.padId());
                double padded = maxDifference(runOrt(env, session, batch), runOurs(model, manager, batch), batch);
                System.out.printf("max |ours - ONNX Runtime| over %d inputs: %.3g one at a time, %.3g in a padded"
                        + " batch of %d x %d%n", encoded.size(), single, padded, rest.size(), batch.ids()[0].length);
                assertTrue(single < TOLERANCE, "one at a time: max difference " + single);
                assertTrue(padded < TOLERANCE, "padded batch: max difference " + padded);
            }
        }
    }
}
