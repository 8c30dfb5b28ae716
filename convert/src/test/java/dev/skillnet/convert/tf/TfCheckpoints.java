package dev.skillnet.convert.tf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/** Writes tensor bundles with TensorFlow itself (the {@code SaveV2} op, run eagerly): the oracle of these tests. */
final class TfCheckpoints {

    private TfCheckpoints() {}

    /**
     * Saves tensors as TensorFlow's {@code tf.train.Saver} (V2) would.
     *
     * @param prefix the checkpoint prefix; writes {@code prefix.index} and {@code prefix.data-00000-of-00001}
     * @param tensors name to tensor; the caller keeps ownership and closes them
     */
    static void save(Path prefix, Map<String, ? extends Tensor> tensors) {
        try (EagerSession session = EagerSession.create()) {
            Ops tf = Ops.create(session);
            String[] names = tensors.keySet().toArray(new String[0]);
            String[] slices = new String[names.length];
            Arrays.fill(slices, "");
            List<Operand<?>> values = new ArrayList<>();
            for (Tensor t : tensors.values()) {
                values.add(tf.constantOf((TType) t));
            }
            tf.train.save(tf.constant(prefix.toString()), tf.constant(StandardCharsets.UTF_8, names),
                    tf.constant(StandardCharsets.UTF_8, slices), values);
        }
    }

    /**
     * Saves tensors in several shards as TensorFlow's sharded saver does: each part saved on its
     * own, then {@code MergeV2Checkpoints} merging the parts into one index and renaming their
     * data files {@code prefix.data-0000i-of-0000n}.
     *
     * @param prefix the checkpoint prefix
     * @param parts the tensors of each shard, name to tensor; the caller closes them
     */
    static void saveSharded(Path prefix, List<? extends Map<String, ? extends Tensor>> parts) {
        String[] partPrefixes = new String[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Path part = prefix.resolveSibling(prefix.getFileName() + "_temp").resolve(String.format("part-%05d", i));
            save(part, parts.get(i));
            partPrefixes[i] = part.toString();
        }
        try (EagerSession session = EagerSession.create()) {
            Ops tf = Ops.create(session);
            tf.train.mergeV2Checkpoints(tf.constant(StandardCharsets.UTF_8, partPrefixes), tf.constant(prefix.toString()));
        }
    }

    /**
     * @param t a tensor
     * @return the bytes TensorFlow holds for it (little-endian, row-major)
     */
    static byte[] rawBytes(Tensor t) {
        byte[] out = new byte[Math.toIntExact(t.numBytes())];
        t.asRawTensor().data().read(out);
        return out;
    }
}
