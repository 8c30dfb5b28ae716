package dev.skillnet.model.heads;

/** What a task head reads and what it outputs; named as HuggingFace's BertFor* heads. */
public enum HeadKind {
    /** BertForSequenceClassification: {@code classifier} on the pooled output, [B, H] to [B, C]. */
    SEQUENCE("classifier"),
    /** BertForTokenClassification: {@code classifier} on every token, [B, T, H] to [B, T, C]. */
    TOKEN("classifier"),
    /** BertForQuestionAnswering: {@code qa_outputs}, [B, T, H] to start and end logits [B, T, 2]. */
    SPAN("qa_outputs");

    private final String layerName;

    HeadKind(String layerName) {
        this.layerName = layerName;
    }

    /** @return the name of the head's dense layer */
    public String layerName() {
        return layerName;
    }
}
