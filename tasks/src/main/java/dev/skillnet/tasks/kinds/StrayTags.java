package dev.skillnet.tasks.kinds;

import java.util.ArrayList;
import java.util.List;

/**
 * Repairs stray continuation tags the way seqeval reads them: a continuation tag ({@code I-X},
 * {@code M-X}, {@code E-X}) that does not continue an open entity of type {@code X} starts a new
 * entity, so it is rewritten as the tag that starts one — {@code I-X} and {@code M-X} become
 * {@code B-X}, {@code E-X} (a one-token entity) becomes {@code S-X}. The entities seqeval extracts
 * are the same before and after the repair.
 */
final class StrayTags {

    /**
     * @param tags the repaired tags
     * @param repaired how many tags were rewritten
     */
    record Repaired(List<String> tags, int repaired) {}

    private StrayTags() {}

    /**
     * @param tags one sentence's tags (already checked to be {@code O} or {@code P-TYPE})
     * @return the repaired tags and the number of changes
     */
    static Repaired repair(List<String> tags) {
        List<String> out = new ArrayList<>(tags.size());
        int repaired = 0;
        char prev = 'O';
        String prevType = "";
        for (String tag : tags) {
            char p = tag.equals("O") ? 'O' : tag.charAt(0);
            String type = TagSets.typeOf(tag);
            boolean continuation = p == 'I' || p == 'M' || p == 'E';
            boolean open = (prev == 'B' || prev == 'I' || prev == 'M') && prevType.equals(type);
            if (continuation && !open) {
                p = p == 'E' ? 'S' : 'B';
                tag = p + "-" + type;
                repaired++;
            }
            out.add(tag);
            prev = p;
            prevType = type;
        }
        return new Repaired(out, repaired);
    }
}
