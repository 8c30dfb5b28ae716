package dev.skillnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.bert.SkillParameters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Parameters are assigned to skills by the model's structure, and agree with the names HfNames gives them. */
class SkillParametersTest {

    @Test
    void everySkillParameterAndNothingElse() {
        BertModel model = new BertModel(BertConfig.of(20, 16, 3, 2, 32, 16),
                new SkillLayout(List.of("a", "b"), List.of(1, 2)));
        Map<String, String> skillOf = SkillParameters.of(model);
        Set<String> named = model.namedParameters().keySet().stream()
                .filter(n -> n.contains(".skills.")).collect(Collectors.toSet());
        assertEquals(named, skillOf.keySet(), "the structure finds exactly the parameters named as skills'");
        skillOf.forEach((name, skill) -> assertTrue(name.matches("encoder\\.layer\\.[12]\\.skills\\." + skill + "\\..+"),
                name + " -> " + skill));
        assertEquals(Set.of("a", "b"), Set.copyOf(skillOf.values()));
        long perSkillPerLayer = skillOf.keySet().stream().filter(n -> n.startsWith("encoder.layer.1.skills.a.")).count();
        assertEquals(skillOf.size(), perSkillPerLayer * 2 * 2, "two skills in two layers, alike");
        assertEquals(Map.of(), SkillParameters.of(new BertModel(BertConfig.of(20, 16, 1, 2, 32, 16),
                SkillLayout.none())), "a dense encoder has no skill parameters");
    }
}
