package dev.skillnet.convert.onnx;

import dev.skillnet.convert.source.WeightSource;
import dev.skillnet.core.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A BERT encoder exported to ONNX (by {@code torch.onnx.export} of a HuggingFace model, as in
 * the bge and sentence-transformers exports) seen through HuggingFace's names.
 *
 * <p>Such an export keeps HuggingFace's names for embeddings, biases and LayerNorms; the dense
 * weights are usually anonymous initialisers ({@code onnx::MatMul_541}) stored [in, out] as input
 * B of a {@code MatMul} whose output an {@code Add} with the named bias consumes. The weight is
 * named after that bias ({@code X.bias} gives {@code X.weight}) and transposed to [out, in] when
 * read. Dense weights that keep their HuggingFace names are read as the graph uses them: as input
 * B of a {@code MatMul} ([in, out], transposed), of a {@code Gemm} ([out, in] when
 * {@code transB=1}), or through a {@code Transpose} into a {@code MatMul} ([out, in]). A leading
 * {@code bert.} is dropped. A matrix the graph multiplies by that cannot be named so is an error.
 *
 * <p>The number of heads comes from the {@code Reshape} that splits the hidden size into
 * [heads, head size], whether its target shape is a constant or a {@code Concat} ending in
 * constants.
 */
public final class OnnxBertSource implements WeightSource {

    /**
     * Where a HuggingFace tensor comes from.
     *
     * @param tensor the initialiser's name in the ONNX graph
     * @param transposed whether it is stored [in, out] and transposed when read
     */
    public record Origin(String tensor, boolean transposed) {}

    private record Mapped(OnnxTensor tensor, boolean transposed, long[] shape) {}

    private static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";

    private final OnnxModel model;
    private final Map<String, Mapped> mapped;
    private final Map<String, long[]> shapes;
    private final int heads;
    private final OptionalDouble layerNormEpsilon;

    private OnnxBertSource(OnnxModel model, Map<String, Mapped> mapped, int heads, OptionalDouble epsilon) {
        this.model = model;
        this.mapped = mapped;
        this.heads = heads;
        this.layerNormEpsilon = epsilon;
        Map<String, long[]> s = new LinkedHashMap<>();
        mapped.forEach((name, m) -> s.put(name, m.shape().clone()));
        this.shapes = Collections.unmodifiableMap(s);
    }

    /**
     * Opens an ONNX BERT export.
     *
     * @param file the {@code .onnx} file
     * @return the source
     * @throws UserInputException when the file is not a readable ONNX model (see {@link
     *     OnnxModel#open}), has no {@code embeddings.word_embeddings.weight}, or holds a matrix or
     *     bias that cannot be given a HuggingFace name (named)
     */
    public static OnnxBertSource open(Path file) {
        return of(OnnxModel.open(file));
    }

    /**
     * Maps an already parsed model.
     *
     * @param model the model
     * @return the source
     * @throws UserInputException as {@link #open}
     */
    public static OnnxBertSource of(OnnxModel model) {
        OnnxGraph graph = new OnnxGraph(model);
        Map<String, Mapped> byName = new HashMap<>();
        Map<String, String> from = new HashMap<>();
        for (OnnxTensor t : model.initializers().values()) {
            String hf = BertNames.hfName(t.name());
            if (hf != null) {
                boolean transposed = BertNames.isDenseWeight(hf) && storedInOut(graph, t);
                put(model, byName, from, hf, t, transposed);
            }
        }
        for (OnnxNode n : model.nodes()) {
            boolean gemm = n.opType().equals("Gemm");
            if (!gemm && !n.opType().equals("MatMul")) {
                continue;
            }
            OnnxTensor w = model.initializers().get(n.input(1));
            if (w == null || BertNames.hfName(w.name()) != null) {
                continue;
            }
            String bias = !gemm ? biasAfter(graph, n)
                    : model.initializers().containsKey(n.input(2)) ? BertNames.hfName(n.input(2)) : null;
            if ("cls.predictions.bias".equals(bias)) {
                continue; // the masked-LM decoder: its matrix is the word embeddings, tied
            }
            if (bias == null || !bias.endsWith(".bias")) {
                throw new UserInputException(model.file(), "cannot name the weight matrix '" + w.name() + "' "
                        + w.describe() + " (input B of " + n.opType() + " '" + n.name() + "'): no Add with a named"
                        + " HuggingFace bias (X.bias) follows it");
            }
            String weight = bias.substring(0, bias.length() - ".bias".length()) + ".weight";
            if (!BertNames.isDenseWeight(weight) || BertNames.rank(weight) < 0) {
                throw new UserInputException(model.file(), "cannot name the weight matrix '" + w.name() + "' "
                        + w.describe() + ": the bias it is added to, '" + bias + "', is not a dense layer's");
            }
            boolean transposed = !gemm || n.intAttribute("transB", 0) == 0;
            put(model, byName, from, weight, w, transposed);
        }
        checkComplete(model, byName);
        List<String> order = new ArrayList<>(byName.keySet());
        order.sort(Comparator.comparingLong(BertNames::rank));
        Map<String, Mapped> ordered = new LinkedHashMap<>();
        for (String name : order) {
            ordered.put(name, byName.get(name));
        }
        long hidden = ordered.get(WORD_EMBEDDINGS).shape()[1];
        return new OnnxBertSource(model, Collections.unmodifiableMap(ordered), heads(graph, hidden),
                layerNormEpsilon(graph));
    }

    /** Records one mapping, refusing a second tensor for the same name and non-float tensors. */
    private static void put(OnnxModel model, Map<String, Mapped> byName, Map<String, String> from, String hf,
            OnnxTensor t, boolean transposed) {
        if (!OnnxDataType.isFloatingPoint(t.dataType())) {
            throw new UserInputException(model.file(), "tensor '" + t.name() + "' (" + hf + ") is " + t.describe()
                    + ", expected a floating-point type");
        }
        if (from.containsKey(hf)) {
            throw new UserInputException(model.file(), "both '" + from.get(hf) + "' and '" + t.name()
                    + "' would be " + hf);
        }
        long[] shape = t.dims().clone();
        if (transposed) {
            if (shape.length != 2) {
                throw new UserInputException(model.file(), "weight matrix '" + t.name() + "' (" + hf + ") is "
                        + t.describe() + ", expected two dimensions");
            }
            shape = new long[] {shape[1], shape[0]};
        }
        from.put(hf, t.name());
        byName.put(hf, new Mapped(t, transposed, shape));
    }

    /**
     * Tells the layout of a dense weight kept under its HuggingFace name from how the graph uses it.
     *
     * @return true for [in, out] (input B of a MatMul, or of a Gemm without transB)
     */
    private static boolean storedInOut(OnnxGraph graph, OnnxTensor w) {
        for (OnnxNode c : graph.consumers(w.name())) {
            if (c.opType().equals("MatMul") && c.input(1).equals(w.name())) {
                return true;
            }
            if (c.opType().equals("Gemm") && c.input(1).equals(w.name())) {
                return c.intAttribute("transB", 0) == 0;
            }
            OnnxAttribute perm = c.attributes().get("perm");
            boolean swaps = perm == null || Arrays.equals(perm.ints(), new long[] {1, 0});
            if (c.opType().equals("Transpose") && w.dims().length == 2 && swaps) {
                for (OnnxNode cc : graph.consumers(c.outputs().get(0))) {
                    if (cc.opType().equals("MatMul") && cc.input(1).equals(c.outputs().get(0))) {
                        return false;
                    }
                }
            }
        }
        throw new UserInputException(graph.model().file(), "cannot tell whether dense weight '" + w.name() + "' "
                + w.describe() + " is stored [in, out] or [out, in]: it is not input B of a MatMul or Gemm,"
                + " directly or through a Transpose");
    }

    /** @return the HuggingFace name of the bias added to a MatMul's output, or {@code null} */
    private static String biasAfter(OnnxGraph graph, OnnxNode matMul) {
        String out = matMul.outputs().get(0);
        for (OnnxNode c : graph.consumers(out)) {
            if (!c.opType().equals("Add") || c.inputs().size() != 2) {
                continue;
            }
            String other = c.input(0).equals(out) ? c.input(1) : c.input(0);
            String hf = graph.model().initializers().containsKey(other) ? BertNames.hfName(other) : null;
            if (hf != null && hf.endsWith(".bias")) {
                return hf;
            }
        }
        return null;
    }

    /** Checks the word embeddings are there and every dense layer has its weight and bias, of matching sizes. */
    private static void checkComplete(OnnxModel model, Map<String, Mapped> byName) {
        Mapped words = byName.get(WORD_EMBEDDINGS);
        if (words == null || words.shape().length != 2) {
            throw new UserInputException(model.file(), "not a BERT export: no two-dimensional initialiser "
                    + WORD_EMBEDDINGS + " (initialisers: " + model.initializers().size() + ")");
        }
        for (var e : byName.entrySet()) {
            String name = e.getKey();
            if (!BertNames.isDenseWeight(name)) {
                continue;
            }
            String biasName = name.substring(0, name.length() - ".weight".length()) + ".bias";
            Mapped bias = byName.get(biasName);
            long out = e.getValue().shape()[0];
            if (bias != null && (bias.shape().length != 1 || bias.shape()[0] != out)) {
                throw new UserInputException(model.file(), "'" + e.getValue().tensor().name() + "' read as " + name
                        + " " + Arrays.toString(e.getValue().shape()) + " does not fit " + biasName + " "
                        + Arrays.toString(bias.shape()));
            }
        }
        for (var e : byName.entrySet()) {
            String name = e.getKey();
            if (name.endsWith(".bias") && !name.contains("LayerNorm") && !name.equals("cls.predictions.bias")) {
                String weight = name.substring(0, name.length() - ".bias".length()) + ".weight";
                if (!byName.containsKey(weight)) {
                    throw new UserInputException(model.file(), "found " + name + " but not its weight: no MatMul or"
                            + " Gemm initialiser feeds an Add with '" + e.getValue().tensor().name() + "'");
                }
            }
        }
    }

    /** @return heads from the first Reshape to [.., .., heads, headSize] with heads × headSize = hidden, or 0 */
    private static int heads(OnnxGraph graph, long hidden) {
        for (OnnxNode n : graph.model().nodes()) {
            if (!n.opType().equals("Reshape")) {
                continue;
            }
            long[] tail = graph.trailingConstants(n.input(1));
            if (tail.length >= 2) {
                long h = tail[tail.length - 2];
                long size = tail[tail.length - 1];
                if (h > 0 && size > 0 && h * size == hidden) {
                    return (int) h;
                }
            }
        }
        return 0;
    }

    /** @return a LayerNormalization's epsilon, or the constant a decomposed one adds to the variance */
    private static OptionalDouble layerNormEpsilon(OnnxGraph graph) {
        for (OnnxNode n : graph.model().nodes()) {
            if (n.opType().equals("LayerNormalization")) {
                OnnxAttribute eps = n.attributes().get("epsilon");
                return OptionalDouble.of(eps == null ? 1e-5 : OnnxGraph.decimal(eps.f())); // ONNX's default
            }
            if (n.opType().equals("Sqrt")) {
                OnnxNode add = graph.producer(n.input(0));
                if (add == null || !add.opType().equals("Add") || add.inputs().size() != 2) {
                    continue;
                }
                for (int i = 0; i < 2; i++) {
                    Double eps = graph.constantScalar(add.input(i));
                    OnnxNode variance = graph.producer(add.input(1 - i));
                    if (eps != null && variance != null && variance.opType().equals("ReduceMean")) {
                        return OptionalDouble.of(eps);
                    }
                }
            }
        }
        return OptionalDouble.empty();
    }

    /** @return the parsed model */
    public OnnxModel model() {
        return model;
    }

    /**
     * @return the LayerNorm epsilon the graph uses (a {@code LayerNormalization}'s attribute, or
     *     the constant a decomposed LayerNorm adds to the variance), when found
     */
    public OptionalDouble layerNormEpsilon() {
        return layerNormEpsilon;
    }

    /**
     * @param name a key of {@link #shapes()}
     * @return the initialiser it is read from, and whether it is transposed
     */
    public Origin origin(String name) {
        Mapped m = require(name);
        return new Origin(m.tensor().name(), m.transposed());
    }

    @Override
    public Path file() {
        return model.file();
    }

    @Override
    public Map<String, long[]> shapes() {
        return shapes;
    }

    @Override
    public int attentionHeads() {
        return heads;
    }

    @Override
    public float[] read(String name) {
        Mapped m = require(name);
        float[] values = model.readFloats(m.tensor());
        if (!m.transposed()) {
            return values;
        }
        int rows = (int) m.tensor().dims()[0]; // stored [in, out]
        int cols = (int) m.tensor().dims()[1];
        float[] out = new float[values.length]; // [out, in]
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = values[i * cols + j];
            }
        }
        return out;
    }

    /** Nothing to release: the mapped file is unmapped when the model is no longer reachable. */
    @Override
    public void close() {
        // the mapping holds no file descriptor (the channel is closed after mapping)
    }

    private Mapped require(String name) {
        Mapped m = mapped.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no tensor " + name + " in " + model.file());
        }
        return m;
    }
}
