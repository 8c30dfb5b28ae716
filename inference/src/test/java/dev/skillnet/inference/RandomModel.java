package dev.skillnet.inference;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.VocabBuilder;
import dev.skillnet.inference.checkpoint.TrainedModel;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.model.heads.HeadSpec;
import dev.skillnet.model.heads.Pooling;
import dev.skillnet.model.nn.ParameterInit;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.Declared;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.declare.TaskDeclarations;
import dev.skillnet.tasks.run.ExampleTexts;
import dev.skillnet.tasks.run.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, randomly initialised model of the six bundled tasks, saved as a trained model folder
 * without any training code: its predictions are meaningless but fixed by the seed, which is all
 * the API's tests need.
 */
public final class RandomModel {

    static final Path DECLARATIONS = Path.of("..", "declarations");
    static final Path SAMPLES = Path.of("..", "data", "samples");

    private RandomModel() {}

    /**
     * @param dir where to save the model folder
     * @param seed the initialisation seed
     * @return the folder
     */
    public static Path save(Path dir, long seed) throws IOException {
        return save(dir, seed, null);
    }

    /**
     * @param dir where to save the model folder
     * @param seed the initialisation seed
     * @param afqmcPooling how afqmc's head reads its pairs, or null for its declaration's pooling (the
     *     saved declaration is the bundled one either way)
     * @return the folder
     */
    public static Path save(Path dir, long seed, Pooling afqmcPooling) throws IOException {
        SkillTable skills = SkillTable.defaults();
        Declared declared = TaskDeclarations.load(DECLARATIONS, skills);
        List<Task<?, ?>> tasks = new ArrayList<>();
        VocabBuilder vocab = new VocabBuilder();
        for (TaskDeclaration d : declared.tasks()) {
            Task<?, ?> t = Task.open(d, SAMPLES);
            tasks.add(t);
            for (Object e : t.examples("train")) {
                ExampleTexts.of(e).forEach(vocab::add);
            }
        }
        Path vocabDir = dir.resolveSibling(dir.getFileName() + "-vocab");
        java.nio.file.Files.createDirectories(vocabDir);
        VocabBuilder.write(vocab.build(2, 30_000), vocabDir.resolve("vocab.txt"));
        try (BertTokenizer tokenizer = BertTokenizer.fromDirectory(vocabDir);
                NDManager manager = NDManager.newBaseManager()) {
            BertConfig config = BertConfig.of(tokenizer.vocabSize(), 32, 2, 4, 64, 512);
            BertModel bert = new BertModel(config, SkillLayout.everyLayer(skills.names(), 2));
            List<HeadSpec> heads = new ArrayList<>();
            for (Task<?, ?> t : tasks) {
                HeadKind kind = t.kind().headKind();
                Pooling pooling = afqmcPooling != null && t.name().equals("afqmc") ? afqmcPooling
                        : t.declaration().pooling();
                heads.add(new HeadSpec(t.name(), kind, kind == HeadKind.SPAN ? 2 : t.labels().size(), pooling));
            }
            SkillNetModel model = new SkillNetModel(bert, heads);
            ParameterInit.initialize(model, manager, 0.5, seed);
            TrainedModel.save(dir, tasks, skills, model, tokenizer, new JsonObject());
        }
        return dir;
    }
}
