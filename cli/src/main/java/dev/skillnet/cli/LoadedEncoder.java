package dev.skillnet.cli;

import ai.djl.ndarray.NDManager;
import dev.skillnet.core.UserInputException;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import dev.skillnet.model.checkpoint.SkillNetCheckpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * An encoder loaded from a model directory for {@code encode}.
 *
 * @param model the encoder
 */
record LoadedEncoder(BertModel model) {

    /**
     * @param dir a trained SkillNet model (its own skills) or a HuggingFace BERT directory
     * @param skills for a HuggingFace BERT: the skills each layer gets, each a copy of the
     *     pretrained feed-forward
     * @param manager owns the weights
     * @return the encoder
     */
    static LoadedEncoder load(Path dir, List<String> skills, NDManager manager) {
        return new LoadedEncoder(SkillNetCheckpoint.isSkillNet(dir)
                ? SkillNetCheckpoint.load(dir, manager).bert()
                : BertCheckpoint.load(dir, skills, manager));
    }

    /**
     * @param names skills to activate; empty for all
     * @return their indices
     * @throws UserInputException for an unknown skill
     */
    int[] activeSkills(Set<String> names) {
        try {
            return model.layout().indicesOf(names);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--skills: " + e.getMessage());
        }
    }
}
