package dev.skillnet.convert.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph of an {@link OnnxModel} indexed for walking: which node produces a value, which
 * nodes consume it, and the values that are constants (initialisers and {@code Constant} nodes).
 */
final class OnnxGraph {

    private final OnnxModel model;
    private final Map<String, OnnxNode> producers = new HashMap<>();
    private final Map<String, List<OnnxNode>> consumers = new HashMap<>();

    OnnxGraph(OnnxModel model) {
        this.model = model;
        for (OnnxNode n : model.nodes()) {
            for (String out : n.outputs()) {
                producers.put(out, n);
            }
            for (String in : n.inputs()) {
                if (!in.isEmpty()) {
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                }
            }
        }
    }

    /** @return the model */
    OnnxModel model() {
        return model;
    }

    /**
     * @param value a value name
     * @return the node producing it, or {@code null} for a graph input or initialiser
     */
    OnnxNode producer(String value) {
        return producers.get(value);
    }

    /**
     * @param value a value name
     * @return the nodes taking it as an input, in graph order
     */
    List<OnnxNode> consumers(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    /**
     * @param value a value name
     * @return the tensor holding it when it is an initialiser or a {@code Constant} node's
     *     {@code value}, else {@code null}
     */
    OnnxTensor constantTensor(String value) {
        OnnxTensor t = model.initializers().get(value);
        if (t != null) {
            return t;
        }
        OnnxNode p = producers.get(value);
        if (p != null && p.opType().equals("Constant") && p.attributes().containsKey("value")) {
            return p.attributes().get("value").t();
        }
        return null;
    }

    /**
     * @param value a value name
     * @return its integer values when it is a constant (tensor, {@code value_ints} or
     *     {@code value_int}), else {@code null}
     */
    long[] constantLongs(String value) {
        OnnxTensor t = constantTensor(value);
        if (t != null) {
            return t.dataType() == OnnxDataType.INT64 || t.dataType() == OnnxDataType.INT32 ? model.readLongs(t) : null;
        }
        OnnxNode p = producers.get(value);
        if (p != null && p.opType().equals("Constant")) {
            if (p.attributes().containsKey("value_ints")) {
                return p.attributes().get("value_ints").ints().clone();
            }
            if (p.attributes().containsKey("value_int")) {
                return new long[] {p.attributes().get("value_int").i()};
            }
        }
        return null;
    }

    /**
     * @param value a value name
     * @return its single floating-point value when it is a scalar (or one-element) constant,
     *     else {@code null}
     */
    Double constantScalar(String value) {
        OnnxTensor t = constantTensor(value);
        if (t != null) {
            return OnnxDataType.isFloatingPoint(t.dataType()) && t.size() == 1 ? decimal(model.readFloats(t)[0]) : null;
        }
        OnnxNode p = producers.get(value);
        if (p != null && p.opType().equals("Constant") && p.attributes().containsKey("value_float")) {
            return decimal(p.attributes().get("value_float").f());
        }
        return null;
    }

    /**
     * @param f a float
     * @return the double with f's shortest decimal form: 1e-12f gives 1e-12, not 9.99999996e-13
     */
    static double decimal(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    /**
     * The known last elements of a 1-D integer value such as a {@code Reshape} target shape: all
     * of it when it is a constant; for a {@code Concat} of pieces, the constant pieces at its end
     * (the leading pieces being computed from the input's shape at run time).
     *
     * @param value a value name
     * @return the known trailing elements, possibly none
     */
    long[] trailingConstants(String value) {
        long[] whole = constantLongs(value);
        if (whole != null) {
            return whole;
        }
        OnnxNode p = producers.get(value);
        if (p == null || !p.opType().equals("Concat")) {
            return new long[0];
        }
        List<long[]> pieces = new ArrayList<>();
        int count = 0;
        for (int i = p.inputs().size() - 1; i >= 0; i--) {
            long[] piece = constantLongs(p.inputs().get(i));
            if (piece == null) {
                break;
            }
            pieces.add(0, piece);
            count += piece.length;
        }
        long[] out = new long[count];
        int at = 0;
        for (long[] piece : pieces) {
            System.arraycopy(piece, 0, out, at, piece.length);
            at += piece.length;
        }
        return out;
    }
}
