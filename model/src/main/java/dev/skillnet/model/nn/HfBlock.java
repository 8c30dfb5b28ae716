package dev.skillnet.model.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DJL block whose children and parameters carry HuggingFace's names.
 *
 * <p>DJL's {@code addChildBlock} prefixes names with a counter ({@code 01query}); this base class
 * registers children under their plain names, so that {@link #namedParameters()} yields exactly
 * HuggingFace's keys ({@code encoder.layer.0.attention.self.query.weight}) and checkpoint loading
 * is a rename and a shape check. Parameters are created without shapes and receive their arrays
 * from {@link ParameterInit} or a checkpoint, never from DJL's initialisers.
 *
 * <p>Subclasses expose typed {@code forward} methods with documented tensor shapes; the generic
 * {@link #forwardInternal} is implemented where an NDList form is natural.
 */
public abstract class HfBlock extends AbstractBlock {

    private final Map<String, Shape> shapes = new LinkedHashMap<>();

    /**
     * Registers a child block under a plain name.
     *
     * @param name the HuggingFace name of the child (e.g. {@code "attention"}, {@code "0"})
     * @param block the child
     * @param <B> the child's type
     * @return the child
     */
    protected final <B extends Block> B child(String name, B block) {
        children.add(name, block);
        return block;
    }

    /**
     * Declares a trainable parameter; its array is attached later.
     *
     * @param name the HuggingFace leaf name ({@code weight} or {@code bias})
     * @param shape the shape its array must have
     * @return the parameter
     */
    protected final Parameter param(String name, Shape shape) {
        Parameter p = addParameter(Parameter.builder()
                .setName(name)
                .setType("bias".equals(name) ? Parameter.Type.BIAS : Parameter.Type.WEIGHT)
                .build());
        shapes.put(name, shape);
        return p;
    }

    /**
     * Declares a statistic: a parameter set from data rather than by gradient (as a BatchNorm's
     * running mean), saved and loaded with the others, never updated by the optimiser. Its array
     * is attached later, filled with zeros until the block sets it.
     *
     * @param name its leaf name
     * @param shape the shape its array must have
     * @return the parameter
     */
    protected final Parameter statistic(String name, Shape shape) {
        Parameter p = addParameter(Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optRequiresGrad(false)
                .build());
        shapes.put(name, shape);
        return p;
    }

    /**
     * The shape each direct parameter must have.
     *
     * @return leaf name to shape
     */
    public final Map<String, Shape> declaredShapes() {
        return Map.copyOf(shapes);
    }

    /**
     * Every parameter below this block under its dotted HuggingFace name, in declaration order.
     *
     * @return name to parameter
     */
    public final Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect(this, "", out);
        return out;
    }

    /**
     * Every parameter below this block with the shape it must have, under dotted names.
     *
     * @return name to shape, in declaration order
     */
    public final Map<String, Shape> namedShapes() {
        Map<String, Shape> out = new LinkedHashMap<>();
        walk(this, "", (name, block) -> {
            for (var e : block.shapes.entrySet()) {
                out.put(name + e.getKey(), e.getValue());
            }
        });
        return out;
    }

    /**
     * Visits every {@link HfBlock} below (and including) this one with its dotted name prefix.
     *
     * @param visitor receives the prefix (ending in a dot, or empty) and the block
     */
    public final void visit(java.util.function.BiConsumer<String, HfBlock> visitor) {
        walk(this, "", visitor);
    }

    private static void walk(Block block, String prefix, java.util.function.BiConsumer<String, HfBlock> v) {
        if (block instanceof HfBlock h) {
            v.accept(prefix, h);
        }
        for (var c : block.getChildren()) {
            walk(c.getValue(), prefix + c.getKey() + ".", v);
        }
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> out) {
        for (var p : block.getDirectParameters()) {
            out.put(prefix + p.getKey(), p.getValue());
        }
        for (var c : block.getChildren()) {
            collect(c.getValue(), prefix + c.getKey() + ".", out);
        }
    }

    /** Children are initialised with the same input shapes; their parameters have arrays already. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (var c : children.values()) {
            c.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " is called through its typed forward method");
    }
}
