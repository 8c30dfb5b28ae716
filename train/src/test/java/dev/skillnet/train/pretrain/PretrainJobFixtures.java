package dev.skillnet.train.pretrain;

import dev.skillnet.model.checkpoint.SafetensorsFile;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads which skills a pre-training checkpoint holds. */
final class PretrainJobFixtures {

    private static final Pattern SKILL = Pattern.compile("\\.skills\\.([^.]+)\\.");

    private PretrainJobFixtures() {}

    static Set<String> skillsIn(SafetensorsFile file) {
        Set<String> out = new TreeSet<>();
        for (String k : file.entries().keySet()) {
            Matcher m = SKILL.matcher(k);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
