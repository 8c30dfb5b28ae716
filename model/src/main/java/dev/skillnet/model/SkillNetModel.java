package dev.skillnet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.EncoderOutput;
import dev.skillnet.model.bert.SkillParameters;
import dev.skillnet.model.heads.HeadSpec;
import dev.skillnet.model.heads.TaskHead;
import dev.skillnet.model.nn.HfBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole multitask model: {@code bert} (the encoder with skill layers) and {@code heads.<task>}
 * (one per task). Parameter names are HuggingFace's ({@code bert.encoder.layer.0...}) plus the
 * heads, so a checkpoint's encoder part loads into HuggingFace tools as a BertModel.
 */
public final class SkillNetModel extends HfBlock {

    /** The prefix of every task head's parameter names ({@code heads.<task>.classifier.weight}). */
    public static final String HEADS_PREFIX = "heads.";

    private final BertModel bert;
    private final Map<String, TaskHead> heads = new LinkedHashMap<>();
    private final Map<String, HeadSpec> headSpecs = new LinkedHashMap<>();
    private final HeadList headList;

    /**
     * @param bert the encoder
     * @param heads the task heads, in task order
     */
    public SkillNetModel(BertModel bert, List<HeadSpec> heads) {
        this.bert = child("bert", bert);
        this.headList = child("heads", new HeadList());
        for (HeadSpec spec : heads) {
            addHead(spec);
        }
    }

    /**
     * Adds a head for a new task (its parameters need arrays before use).
     *
     * @param spec the head
     * @return the head
     */
    public TaskHead addHead(HeadSpec spec) {
        if (heads.containsKey(spec.task())) {
            throw new IllegalArgumentException("task '" + spec.task() + "' already has a head");
        }
        TaskHead head = headList.add(spec.task(), new TaskHead(spec.kind(), spec.pooling(), bert.config().hiddenSize(),
                spec.outputs(), bert.config().hiddenDropoutProb()));
        heads.put(spec.task(), head);
        headSpecs.put(spec.task(), spec);
        return head;
    }

    /**
     * Runs the encoder with the task's skills and then the task's head.
     *
     * @param task the task
     * @param inputIds [B, T] int64
     * @param tokenTypeIds [B, T] int64
     * @param attentionMask [B, T]
     * @param activeSkills indices of the task's skills
     * @param training whether dropout is on
     * @return the head's logits (see {@link TaskHead#forward}) and the encoder's auxiliary loss (a
     *     mixture of experts' load balancing; null otherwise): the one forward path of training,
     *     evaluation and prediction
     */
    public TaskOutput forward(String task, NDArray inputIds, NDArray tokenTypeIds, NDArray attentionMask,
            int[] activeSkills, boolean training) {
        EncoderOutput encoded = bert.forward(inputIds, tokenTypeIds, attentionMask, activeSkills, training);
        return new TaskOutput(head(task).forward(encoded, tokenTypeIds, attentionMask, training), encoded.auxLoss());
    }

    /**
     * The parameters a step of {@code task} with these skills touches: the shared encoder (the
     * pooler only for tasks whose head reads it), the active skills and the task's
     * head. Nothing else may be updated by that step.
     *
     * @param task the task
     * @param activeSkills the indices of the active skills
     * @return name to parameter
     */
    public Map<String, Parameter> parametersFor(String task, int[] activeSkills) {
        List<String> skillNames = new ArrayList<>();
        for (int i : activeSkills) {
            skillNames.add(bert.layout().skills().get(i));
        }
        Map<String, Parameter> out = new LinkedHashMap<>();
        String headPrefix = HEADS_PREFIX + task + ".";
        boolean pooled = head(task).readsPooler();
        Map<String, String> skillOf = SkillParameters.of(this);
        for (var e : namedParameters().entrySet()) {
            String name = e.getKey();
            if (name.startsWith("bert.pooler.") && !pooled) {
                continue; // the head does not read the pooler: it gets no gradient
            } else if (name.startsWith(HEADS_PREFIX)) {
                if (name.startsWith(headPrefix)) {
                    out.put(name, e.getValue());
                }
            } else if (skillOf.containsKey(name)) {
                if (skillNames.contains(skillOf.get(name))) {
                    out.put(name, e.getValue());
                }
            } else {
                out.put(name, e.getValue());
            }
        }
        return out;
    }

    /** @return the encoder */
    public BertModel bert() {
        return bert;
    }

    /**
     * @param task a task name
     * @return its head
     */
    public TaskHead head(String task) {
        TaskHead h = heads.get(task);
        if (h == null) {
            throw new IllegalArgumentException("no head for task '" + task + "'; heads: " + heads.keySet());
        }
        return h;
    }

    /** @return the heads' specifications, in task order */
    public List<HeadSpec> headSpecs() {
        return List.copyOf(headSpecs.values());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return bert.getOutputShapes(inputShapes);
    }

    /** {@code heads}: one child per task. */
    private static final class HeadList extends HfBlock {
        TaskHead add(String task, TaskHead head) {
            return child(task, head);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }
}
