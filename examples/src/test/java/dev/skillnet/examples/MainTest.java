package dev.skillnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.inference.RandomModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example runs against a model folder and prints what it promises: a sentiment label with its
 * probability, entities whose offsets point at their text, an answer taken from the passage, and
 * three topics. (On a small random model, so the labels are arbitrary but their form is not.)
 */
class MainTest {

    @Test
    void printsOneLinePerCallInTheDocumentedForm(@TempDir Path tmp) throws IOException {
        Path model = RandomModel.save(tmp.resolve("model"), 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main.run(model, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(6, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).matches("chnsenticorp: [01] \\(p=0\\.\\d{3}\\)"), lines.get(0));
        String sentence = "李明在北京大学读书";
        String ner = lines.get(1).substring("msra_ner: ".length());
        if (!ner.equals("(no entities)")) {
            for (String entity : ner.split("; ")) {
                String[] f = entity.split(" ");
                int start = Integer.parseInt(f[2].substring(1, f[2].length() - 1));
                int end = Integer.parseInt(f[3].substring(0, f[3].length() - 1));
                assertEquals(sentence.substring(start, end), f[1], entity);
            }
        }
        String passage = "株洲北站位于湖南省株洲市石峰区，是京广铁路、沪昆铁路两大铁路干线的交汇处。";
        String answer = lines.get(2).substring("cmrc2018: ".length(), lines.get(2).indexOf(" ["));
        assertTrue(passage.contains(answer) && !answer.isEmpty(), lines.get(2));
        for (int i = 3; i < 6; i++) {
            assertTrue(lines.get(i).matches("tnews: \\S+ -> \\d+ \\(p=0\\.\\d{3}\\)"), lines.get(i));
        }
    }
}
