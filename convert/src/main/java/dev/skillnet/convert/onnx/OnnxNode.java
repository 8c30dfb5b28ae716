package dev.skillnet.convert.onnx;

import java.util.List;
import java.util.Map;

/**
 * One {@code NodeProto} of the graph.
 *
 * @param name {@code name} (field 3), possibly empty
 * @param opType {@code op_type} (field 4), e.g. {@code MatMul}
 * @param inputs {@code input} (field 1): value names, an empty string for an omitted optional input
 * @param outputs {@code output} (field 2): value names
 * @param attributes {@code attribute} (field 5) by name
 */
public record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs,
        Map<String, OnnxAttribute> attributes) {

    /**
     * @param index an input position
     * @return that input's value name, or an empty string when the node has fewer inputs
     */
    public String input(int index) {
        return index < inputs.size() ? inputs.get(index) : "";
    }

    /**
     * @param attribute an attribute name
     * @param fallback the value when the attribute is absent
     * @return the attribute's integer value
     */
    public long intAttribute(String attribute, long fallback) {
        OnnxAttribute a = attributes.get(attribute);
        return a == null ? fallback : a.i();
    }
}
