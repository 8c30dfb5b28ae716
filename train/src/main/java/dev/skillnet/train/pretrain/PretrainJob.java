package dev.skillnet.train.pretrain;

import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicDirectory;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.VocabBuilder;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import dev.skillnet.model.checkpoint.SafetensorsFile;
import dev.skillnet.model.nn.ParameterInit;
import dev.skillnet.model.pretrain.BertForPreTraining;
import dev.skillnet.model.pretrain.PretrainingCheckpoint;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.train.JobConfig;
import dev.skillnet.train.ModelSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole pre-training run: build (or load) the tokenizer and the encoder with every skill of the
 * table, pre-train, and write a HuggingFace-layout folder that {@code skillnet train --init} (or
 * another {@code pretrain --init}) starts from.
 */
public final class PretrainJob {

    /**
     * What to pre-train, from where, into where.
     *
     * @param out the folder to write
     * @param init a model folder to continue from, or null to start from scratch
     * @param size the encoder size from scratch
     * @param skills the skill table (every skill gets a feed-forward in every layer)
     * @param corpus the text
     * @param vocabMinCount from scratch: occurrences a character needs to enter the vocabulary
     * @param train how to train
     */
    public record Config(Path out, Path init, ModelSize size, SkillTable skills, PretrainCorpus corpus,
            int vocabMinCount, PretrainConfig train) {

        /** @return a builder with the library's defaults for every optional value */
        public static Builder builder() {
            return new Builder();
        }

        /**
         * Builds a {@link Config}. Required: {@code setOut}, {@code setCorpus}. Optional: no start
         * point (from scratch), {@link JobConfig#DEFAULT_SIZE}, the built-in skill table, {@link
         * JobConfig#DEFAULT_VOCAB_MIN_COUNT}, and {@link PretrainConfig#builder()}'s defaults.
         */
        public static final class Builder {

            private Path out;
            private PretrainCorpus corpus;
            private Path init;
            private ModelSize size = ModelSize.parse(JobConfig.DEFAULT_SIZE);
            private SkillTable skills = SkillTable.defaults();
            private int vocabMinCount = JobConfig.DEFAULT_VOCAB_MIN_COUNT;
            private PretrainConfig train = PretrainConfig.builder().build();

            private Builder() {}

            /** @param v the folder to write @return this builder */
            public Builder setOut(Path v) {
                out = v;
                return this;
            }

            /** @param v the text @return this builder */
            public Builder setCorpus(PretrainCorpus v) {
                corpus = v;
                return this;
            }

            /** @param v a model folder to continue from, or null to start from scratch @return this builder */
            public Builder optInit(Path v) {
                init = v;
                return this;
            }

            /** @param v the encoder size from scratch @return this builder */
            public Builder optSize(ModelSize v) {
                size = v;
                return this;
            }

            /** @param v the skill table (every skill gets a feed-forward in every layer) @return this builder */
            public Builder optSkills(SkillTable v) {
                skills = v;
                return this;
            }

            /** @param v from scratch: occurrences a character needs to enter the vocabulary @return this builder */
            public Builder optVocabMinCount(int v) {
                vocabMinCount = v;
                return this;
            }

            /** @param v how to train @return this builder */
            public Builder optTrain(PretrainConfig v) {
                train = v;
                return this;
            }

            /**
             * @return the run
             * @throws NullPointerException naming a required value that was not set
             */
            public Config build() {
                return new Config(Objects.requireNonNull(out, "out"), init, size, skills,
                        Objects.requireNonNull(corpus, "corpus"), vocabMinCount, train);
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PretrainJob.class);

    private final Config config;

    /** @param config the run */
    public PretrainJob(Config config) {
        this.config = config;
    }

    /** @return what the run did; the checkpoint is in {@code config.out()} */
    public Pretrainer.Result run() {
        PretrainConfig train = config.train();
        for (String s : concat(train.mlmSkills(), train.pairSkills())) {
            if (!config.skills().names().contains(s)) {
                throw new UserInputException("unknown skill '" + s + "' in the masked-LM or pair skills; the table has "
                        + config.skills().names());
            }
        }
        if (config.corpus().texts().isEmpty()) {
            throw new UserInputException("no text to pre-train on");
        }
        LOG.info("corpus: {} texts, {} pairs", config.corpus().texts().size(), config.corpus().pairs().size());
        try (NDManager manager = NDManager.newBaseManager()) {
            Path tokenizerDir = config.init() != null ? config.init() : scratchVocabulary();
            BertTokenizer tokenizer = BertTokenizer.fromDirectory(tokenizerDir);
            if (config.init() == null) {
                deleteQuietly(tokenizerDir);
            }
            BertForPreTraining model = model(tokenizer, manager);
            Pretrainer.Result result;
            try {
                result = new Pretrainer(model, tokenizer, config.corpus(), train, manager).train();
            } catch (RuntimeException e) {
                tokenizer.close();
                throw e;
            }
            Set<String> trained = new LinkedHashSet<>(skillsIn(config.init()));
            if (result.mlmSteps() > 0) {
                trained.addAll(train.mlmSkills());
            }
            if (result.pairSteps() > 0) {
                trained.addAll(train.pairSkills());
            }
            String plainFrom = trained.contains("general") ? "general" : trained.iterator().next();
            JsonObject info = new JsonObject();
            info.addProperty("mlm_steps", result.mlmSteps());
            info.addProperty("pair_steps", result.pairSteps());
            info.add("trained_skills", new Gson().toJsonTree(trained));
            info.addProperty("plain_feed_forward_from", plainFrom);
            info.add("config", new Gson().toJsonTree(train));
            if (config.init() != null) {
                info.addProperty("init", config.init().toAbsolutePath().toString());
            }
            try {
                PretrainingCheckpoint.save(model, config.out(), trained, plainFrom, info, tokenizer::save);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the pre-trained encoder to " + config.out(), e);
            }
            tokenizer.close();
            LOG.info("wrote the pre-trained encoder to {} (skills {}; the plain feed-forward is a copy of {})",
                    config.out(), trained, plainFrom);
            return result;
        }
    }

    /** The skills a checkpoint to continue from holds under their own names (none from scratch). */
    private static Set<String> skillsIn(Path init) {
        Set<String> out = new LinkedHashSet<>();
        if (init == null) {
            return out;
        }
        java.util.regex.Pattern skill = java.util.regex.Pattern.compile("\\.skills\\.([^.]+)\\.");
        for (String key : SafetensorsFile.open(init.resolve(BertCheckpoint.WEIGHTS)).entries().keySet()) {
            java.util.regex.Matcher m = skill.matcher(key);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private Path scratchVocabulary() {
        VocabBuilder builder = new VocabBuilder();
        config.corpus().texts().forEach(builder::add);
        try {
            Path dir = Files.createTempDirectory("skillnet-vocab");
            VocabBuilder.write(builder.build(config.vocabMinCount(), 30_000), dir.resolve("vocab.txt"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a vocabulary", e);
        }
    }

    private BertForPreTraining model(BertTokenizer tokenizer, NDManager manager) {
        long seed = config.train().seed();
        if (config.init() == null) {
            // BERT's 512 positions, so that fine-tuning may use longer inputs than pre-training did.
            BertConfig bertConfig = config.size().config(tokenizer.vocabSize(), Math.max(config.train().maxLength(), 512));
            BertModel bert = new BertModel(bertConfig, SkillLayout.everyLayer(config.skills().names(),
                    bertConfig.numHiddenLayers()));
            BertForPreTraining model = new BertForPreTraining(bert);
            ParameterInit.initialize(model, manager, bertConfig.initializerRange(), seed);
            return model;
        }
        BertCheckpoint.requireModelDirectory(config.init());
        BertModel bert = BertCheckpoint.load(config.init(), config.skills().names(), manager);
        if (config.train().maxLength() > bert.config().maxPositionEmbeddings()) {
            throw new UserInputException(config.init().resolve(BertCheckpoint.CONFIG), "max length "
                    + config.train().maxLength() + " exceeds max_position_embeddings " + bert.config().maxPositionEmbeddings());
        }
        BertForPreTraining model = new BertForPreTraining(bert);
        ParameterInit.initialize(model.cls(), manager, bert.config().initializerRange(), seed);
        List<String> fresh = PretrainingCheckpoint.loadHeads(model,
                SafetensorsFile.open(config.init().resolve(BertCheckpoint.WEIGHTS)), manager);
        if (!fresh.isEmpty()) {
            LOG.info("{} pre-training head tensors not in {}: initialised fresh", fresh.size(), config.init());
        }
        return model;
    }

    private static void deleteQuietly(Path dir) {
        try {
            dev.skillnet.core.io.AtomicDirectory.delete(dir);
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", dir, e.getMessage());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
