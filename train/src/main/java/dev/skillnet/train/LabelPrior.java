package dev.skillnet.train;

import ai.djl.nn.Parameter;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.model.heads.TaskHead;
import dev.skillnet.model.nn.ParameterInit;
import dev.skillnet.tasks.kinds.Feature;
import dev.skillnet.tasks.run.Task;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a new classification or tagging head where its training labels are: its output bias
 * ({@code heads.<task>.classifier.bias}) becomes the log of each label's frequency among the
 * training targets, so the untrained head predicts the label prior instead of a uniform guess
 * (Karpathy's "init well"; RetinaNet's prior initialisation). With the bias at 0 the first steps
 * spend their gradient, into the encoder too, on learning that, say, 89% of msra_ner's characters
 * are {@code O}, and Adam moves a bias by about the learning rate a step (RESULTS 5.24). A span
 * head ({@code qa_outputs}) has no label prior and is left as it is.
 */
public final class LabelPrior {

    private static final Logger LOG = LoggerFactory.getLogger(LabelPrior.class);

    private LabelPrior() {}

    /**
     * Sets the output bias of each task's head from its training split.
     *
     * @param model the model whose heads are new
     * @param tasks the tasks whose heads to set
     * @param tokenizer makes the training targets (as training will see them)
     */
    public static void apply(SkillNetModel model, List<Task<?, ?>> tasks, BertTokenizer tokenizer) {
        for (Task<?, ?> task : tasks) {
            TaskHead head = model.head(task.name());
            if (head.kind() == HeadKind.SPAN) {
                continue;
            }
            float[] bias = logFrequencies(head.outputs(), task.features("train", tokenizer).features().stream()
                    .map(Feature::targets).toList());
            String own = head.kind().layerName() + ".bias"; // the name below the head
            Parameter p = head.namedParameters().get(own);
            ParameterInit.attach(p, p.getArray().getManager().create(bias));
            String name = SkillNetModel.HEADS_PREFIX + task.name() + "." + own;
            StringJoiner shown = new StringJoiner(", ");
            for (int c = 0; c < bias.length; c++) {
                shown.add(task.labels().get(c) + " " + String.format(Locale.ROOT, "%.2f", bias[c]));
            }
            LOG.info("{} starts at the log of its training labels' frequencies (centred): {}", name, shown);
        }
    }

    /**
     * @param classes C
     * @param targets each training input's targets: one label, or one per token ({@link Feature#IGNORE}
     *     where no loss applies)
     * @return [C]: {@code log((n_c + 1) / (N + C))}, each label's count with one added (so a label the
     *     training split lacks stays finite), less the mean over the labels (softmax ignores a shift)
     * @throws IllegalArgumentException when a target is outside [0, C)
     */
    public static float[] logFrequencies(int classes, List<int[]> targets) {
        double[] counts = new double[classes];
        Arrays.fill(counts, 1);
        double total = classes;
        for (int[] t : targets) {
            for (int y : t) {
                if (y == Feature.IGNORE) {
                    continue;
                }
                if (y < 0 || y >= classes) {
                    throw new IllegalArgumentException("target " + y + " is outside the head's " + classes + " labels");
                }
                counts[y]++;
                total++;
            }
        }
        double[] logs = new double[classes];
        double mean = 0;
        for (int c = 0; c < classes; c++) {
            logs[c] = Math.log(counts[c] / total);
            mean += logs[c] / classes;
        }
        float[] bias = new float[classes];
        for (int c = 0; c < classes; c++) {
            bias[c] = (float) (logs[c] - mean);
        }
        return bias;
    }
}
