package dev.skillnet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.EncoderOutput;
import java.util.Set;

/** Runs a {@link BertModel} on plain Java arrays and copies the outputs back, for tests. */
final class EncoderRunner {

    /** Outputs as Java arrays: hidden [B][T*H] row-major per example, pooled [B][H]. */
    record Result(float[][] hidden, float[][] pooled) {}

    private EncoderRunner() {}

    static Result run(BertModel model, NDManager parent, long[][] ids, long[][] types, long[][] mask,
            Set<String> skills) {
        try (NDManager m = parent.newSubManager()) {
            EncoderOutput out = model.forward(m.create(ids), m.create(types), m.create(mask), skills, false);
            int b = ids.length;
            float[][] hidden = new float[b][];
            float[][] pooled = new float[b][];
            for (int i = 0; i < b; i++) {
                NDArray row = out.lastHiddenState().get(i);
                hidden[i] = row.toFloatArray();
                pooled[i] = out.poolerOutput().get(i).toFloatArray();
            }
            return new Result(hidden, pooled);
        }
    }
}
