package dev.skillnet.train;

import dev.skillnet.core.UserInputException;
import dev.skillnet.model.bert.BertConfig;

/**
 * The size of an encoder trained from scratch.
 *
 * @param hidden H
 * @param layers L
 * @param heads attention heads
 * @param intermediate the feed-forward width
 */
public record ModelSize(int hidden, int layers, int heads, int intermediate) {

    /**
     * @param name {@code tiny} (H 64, L 2), {@code small} (H 128, L 4), {@code base} (BERT-base:
     *     H 768, L 12), or {@code H,L,A,I}
     * @return the size
     */
    public static ModelSize parse(String name) {
        return switch (name) {
            case "tiny" -> new ModelSize(64, 2, 2, 256);
            case "small" -> new ModelSize(128, 4, 4, 512);
            case "base" -> new ModelSize(768, 12, 12, 3072);
            default -> {
                String[] p = name.split(",");
                try {
                    if (p.length != 4) {
                        throw new NumberFormatException();
                    }
                    yield new ModelSize(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()),
                            Integer.parseInt(p[2].trim()), Integer.parseInt(p[3].trim()));
                } catch (NumberFormatException e) {
                    throw new UserInputException("size must be tiny, small, base or HIDDEN,LAYERS,HEADS,INTERMEDIATE; got '"
                            + name + "'");
                }
            }
        };
    }

    /**
     * @param vocabSize the tokenizer's vocabulary size
     * @param maxPositions the longest sequence
     * @return a BERT configuration of this size
     */
    public BertConfig config(int vocabSize, int maxPositions) {
        try {
            return BertConfig.of(vocabSize, hidden, layers, heads, intermediate, maxPositions);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("size: " + e.getMessage());
        }
    }
}
