package dev.skillnet.train.objective;

import dev.skillnet.model.heads.HeadKind;

/** The objective of each kind of head. */
public final class Objectives {

    private Objectives() {}

    /**
     * @param head a head kind
     * @return cross-entropy over classes (SEQUENCE), over each token's tags (TOKEN), or over start
     *     and end positions (SPAN)
     */
    public static Objective of(HeadKind head) {
        return switch (head) {
            case SEQUENCE -> new ClassificationObjective();
            case TOKEN -> new TaggingObjective();
            case SPAN -> new SpanObjective();
        };
    }
}
