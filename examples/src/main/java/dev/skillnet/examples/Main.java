package dev.skillnet.examples;

import dev.skillnet.inference.Answer;
import dev.skillnet.inference.Classification;
import dev.skillnet.inference.Entity;
import dev.skillnet.inference.MultitaskModel;
import dev.skillnet.inference.SkillNet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a service does with a trained SkillNet model: load it once, then classify, tag and answer
 * with its tasks. Run it on the demo's model (after {@code ./skillnet demo}):
 *
 * <pre>
 * mvn -q -B -DskipTests install
 * mvn -q -f examples compile exec:java -Dexec.args=runs/demo/best
 * </pre>
 */
public final class Main {

    private Main() {}

    /**
     * @param args the trained model folder (default {@code runs/demo/best})
     */
    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "runs/demo/best"), System.out);
    }

    /**
     * Prints one line per call: the sentiment of a review, the entities of a sentence, the answer to
     * a question, and the topics of three headlines in one batch.
     *
     * @param model the trained model folder
     * @param out where to print
     */
    public static void run(Path model, PrintStream out) {
        try (MultitaskModel m = SkillNet.load(model)) {
            Classification c = m.classify("chnsenticorp", "酒店很干净，服务也好");
            out.printf(Locale.ROOT, "chnsenticorp: %s (p=%.3f)%n", c.label(), c.probability());

            List<Entity> entities = m.tag("msra_ner", "李明在北京大学读书").entities();
            StringBuilder sb = new StringBuilder();
            for (Entity e : entities) {
                sb.append(sb.length() == 0 ? "" : "; ")
                        .append(String.format(Locale.ROOT, "%s %s [%d, %d)", e.type(), e.text(), e.start(), e.end()));
            }
            out.println("msra_ner: " + (sb.length() == 0 ? "(no entities)" : sb));

            String passage = "株洲北站位于湖南省株洲市石峰区，是京广铁路、沪昆铁路两大铁路干线的交汇处。";
            Answer a = m.answer("cmrc2018", "株洲北站位于哪里？", passage);
            out.printf(Locale.ROOT, "cmrc2018: %s [%d, %d) (p=%.3f)%n", a.text(), a.start(), a.end(), a.probability());

            List<String> headlines = List.of("国足今晚迎战日本队", "央行宣布下调存款准备金率", "新款手机将于下月发布");
            List<Classification> topics = m.classifyAll("tnews", headlines);
            for (int i = 0; i < headlines.size(); i++) {
                out.printf(Locale.ROOT, "tnews: %s -> %s (p=%.3f)%n", headlines.get(i), topics.get(i).label(),
                        topics.get(i).probability());
            }
        }
    }
}
