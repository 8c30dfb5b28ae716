package dev.skillnet.convert.onnx;

/**
 * One {@code AttributeProto} of a node, keeping the forms a BERT export uses.
 *
 * @param name {@code name} (field 1)
 * @param f {@code f} (field 2), 0 when absent
 * @param i {@code i} (field 3), 0 when absent
 * @param ints {@code ints} (field 8), empty when absent
 * @param t {@code t} (field 5), or {@code null}
 */
public record OnnxAttribute(String name, float f, long i, long[] ints, OnnxTensor t) {}
