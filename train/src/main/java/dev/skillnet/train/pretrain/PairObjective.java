package dev.skillnet.train.pretrain;

import dev.skillnet.core.UserInputException;
import java.util.Locale;

/** The second pre-training objective, over text pairs, on the pooled output ({@code cls.seq_relationship}). */
public enum PairObjective {
    /** Next-sentence prediction: is B the partner of A (label 0) or a random text (label 1)? */
    NSP,
    /** Sentence order: are A and B in their original order (label 0) or swapped (label 1)? */
    SOP,
    /** No pair objective: masked language modelling only. */
    NONE;

    /**
     * @param text nsp, sop or none
     * @return the objective
     */
    public static PairObjective parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("pair objective '" + text + "' is not one of nsp, sop, none");
        }
    }
}
