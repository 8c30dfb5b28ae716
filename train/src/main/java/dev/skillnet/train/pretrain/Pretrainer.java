package dev.skillnet.train.pretrain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.model.bert.EncoderOutput;
import dev.skillnet.model.bert.SkillParameters;
import dev.skillnet.model.nn.CrossEntropy;
import dev.skillnet.model.pretrain.BertForPreTraining;
import dev.skillnet.tasks.batch.PaddedBatch;
import dev.skillnet.train.Progress;
import dev.skillnet.train.TrainConfig;
import dev.skillnet.train.TrainingDivergedException;
import dev.skillnet.train.optim.AdamW;
import dev.skillnet.train.optim.LinearSchedule;
import dev.skillnet.train.optim.UpdateStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sparse skill pre-training. Each step draws one objective (masked-LM, or the pair objective with
 * probability {@code pairFraction}), runs the encoder with only that objective's skills, and
 * updates exactly what ran: the shared encoder (the pooler only for the pair objective), the
 * objective's skills, and the objective's head ({@code cls.predictions} or
 * {@code cls.seq_relationship}).
 */
public final class Pretrainer {

    /**
     * What a run did.
     *
     * @param mlmSteps masked-LM steps
     * @param pairSteps pair-objective steps
     * @param mlmLosses the masked-LM loss of each masked-LM step
     * @param pairLosses the pair loss of each pair step
     * @param pairAccuracy the pair objective's accuracy over its last 20% of steps (NaN without any)
     * @param seconds wall time
     */
    public record Result(int mlmSteps, int pairSteps, double[] mlmLosses, double[] pairLosses, double pairAccuracy,
            double seconds) {}

    private static final Logger LOG = LoggerFactory.getLogger(Pretrainer.class);

    private final BertForPreTraining model;
    private final BertTokenizer tokenizer;
    private final PretrainCorpus corpus;
    private final PretrainConfig config;
    private final NDManager manager;

    /**
     * @param model the pre-training model, initialised
     * @param tokenizer its tokenizer
     * @param corpus the text
     * @param config how to train
     * @param manager the manager owning the parameters
     */
    public Pretrainer(BertForPreTraining model, BertTokenizer tokenizer, PretrainCorpus corpus, PretrainConfig config,
            NDManager manager) {
        if (corpus.texts().isEmpty()) {
            throw new IllegalArgumentException("no text to pre-train on");
        }
        this.model = model;
        this.tokenizer = tokenizer;
        this.corpus = corpus;
        this.config = config;
        this.manager = manager;
    }

    /** @return what the run did */
    public Result train() {
        var layout = model.bert().layout();
        int[] mlmSkills = layout.indicesOf(Set.copyOf(config.mlmSkills()));
        boolean pairs = config.hasPairObjective() && !corpus.pairs().isEmpty();
        int[] pairSkills = pairs ? layout.indicesOf(Set.copyOf(config.pairSkills())) : new int[0];
        Map<String, Parameter> mlmParams = parameters(config.mlmSkills(), false);
        Map<String, Parameter> pairParams = pairs ? parameters(config.pairSkills(), true) : Map.of();
        Masking masking = new Masking(config.maskProbability(), tokenizer.maskId(), tokenizer.vocabSize(),
                Set.of(tokenizer.padId(), tokenizer.clsId(), tokenizer.sepId(), tokenizer.maskId(), tokenizer.unkId()));
        Random random = new Random(config.seed());
        Progress progress = new Progress(config.steps(), 0);
        List<Double> mlmLosses = new ArrayList<>();
        List<Double> pairLosses = new ArrayList<>();
        int lateCorrect = 0;
        int lateTotal = 0;
        int warmup = (int) Math.round(config.steps() * config.warmupFraction());
        LOG.info("pre-training {} steps: masked-LM with skills {}{}", config.steps(), config.mlmSkills(),
                pairs ? String.format(", %s (%.0f%% of steps) with skills %s over %d pairs", config.pairObjective(),
                        100 * config.pairFraction(), config.pairSkills(), corpus.pairs().size()) : ", no pair objective");
        try (AdamW optimizer = new AdamW(config.weightDecay(), manager)) {
            for (int step = 1; step <= config.steps(); step++) {
                boolean pairStep = pairs && random.nextDouble() < config.pairFraction();
                Engine.getInstance().setRandomSeed((int) ((config.seed() * 1_000_003L + step) & Integer.MAX_VALUE));
                double lr = LinearSchedule.at(config.learningRate(), config.steps(), warmup, step);
                double loss;
                int tokens;
                try (NDManager scope = manager.newSubManager()) {
                    if (pairStep) {
                        PairBatch batch = pairBatch(random);
                        tokens = batch.tokens();
                        PaddedBatch padded = PaddedBatch.of(batch.inputs(), tokenizer.padId(), scope);
                        NDArray labels = scope.create(batch.labels());
                        NDArray correct;
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            EncoderOutput out = model.bert().forward(padded.inputIds(), padded.tokenTypeIds(),
                                    padded.attentionMask(), pairSkills, true);
                            NDArray logits = model.pairLogits(out);
                            NDArray l = CrossEntropy.mean(logits, labels);
                            loss = check(l.getFloat(), step, "pair");
                            correct = logits.argMax(1).eq(labels).sum();
                            gc.backward(l);
                        }
                        if (step > 0.8 * config.steps()) {
                            lateCorrect += (int) correct.toType(ai.djl.ndarray.types.DataType.INT64, false).getLong();
                            lateTotal += batch.labels().length;
                        }
                        warnIfSkipped(UpdateStep.apply(pairParams, optimizer, lr, config.clipNorm(), scope), step);
                        pairLosses.add(loss);
                    } else {
                        MlmBatch batch = mlmBatch(masking, random);
                        tokens = batch.tokens();
                        PaddedBatch padded = PaddedBatch.of(batch.inputs(), tokenizer.padId(), scope);
                        long[] flat = new long[batch.positions().size()];
                        for (int k = 0; k < flat.length; k++) {
                            int[] p = batch.positions().get(k);
                            flat[k] = (long) p[0] * padded.length() + p[1];
                        }
                        NDArray positions = scope.create(flat);
                        NDArray labels = scope.create(batch.labels());
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            EncoderOutput out = model.bert().forward(padded.inputIds(), padded.tokenTypeIds(),
                                    padded.attentionMask(), mlmSkills, true);
                            NDArray l = CrossEntropy.mean(model.mlmLogits(out, positions), labels);
                            loss = check(l.getFloat(), step, "masked-LM");
                            gc.backward(l);
                        }
                        warnIfSkipped(UpdateStep.apply(mlmParams, optimizer, lr, config.clipNorm(), scope), step);
                        mlmLosses.add(loss);
                    }
                }
                progress.record(loss, tokens);
                if (step % config.logEvery() == 0 || step == config.steps()) {
                    progress.log(step, pairStep ? config.pairObjective().name().toLowerCase() : "mlm", loss);
                }
            }
        }
        double accuracy = lateTotal == 0 ? Double.NaN : 100.0 * lateCorrect / lateTotal;
        return new Result(mlmLosses.size(), pairLosses.size(), toArray(mlmLosses), toArray(pairLosses), accuracy,
                progress.elapsedSeconds());
    }

    /** The parameters one objective touches: the encoder without the other skills, plus its head. */
    private Map<String, Parameter> parameters(List<String> skills, boolean pooled) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        String head = pooled ? "cls.seq_relationship." : "cls.predictions.";
        Map<String, String> skillOf = SkillParameters.of(model);
        for (var e : model.namedParameters().entrySet()) {
            String name = e.getKey();
            if (name.startsWith("cls.")) {
                if (name.startsWith(head)) {
                    out.put(name, e.getValue());
                }
            } else if (name.startsWith("bert.pooler.")) {
                if (pooled) {
                    out.put(name, e.getValue());
                }
            } else if (skillOf.containsKey(name)) {
                if (skills.contains(skillOf.get(name))) {
                    out.put(name, e.getValue());
                }
            } else {
                out.put(name, e.getValue());
            }
        }
        return out;
    }

    private record MlmBatch(List<Encoded> inputs, List<int[]> positions, long[] labels, int tokens) {}

    private record PairBatch(List<Encoded> inputs, long[] labels, int tokens) {}

    private MlmBatch mlmBatch(Masking masking, Random random) {
        List<Encoded> inputs = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        List<Long> labels = new ArrayList<>();
        int tokens = 0;
        int guard = 0;
        while (inputs.size() < config.batchSize() && guard++ < 10 * config.batchSize()) {
            String text = corpus.texts().get(random.nextInt(corpus.texts().size()));
            Masking.Masked m = masking.apply(tokenizer.encode(text, null, config.maxLength()), random);
            if (m == null) {
                continue;
            }
            int row = inputs.size();
            inputs.add(m.encoded());
            tokens += m.encoded().length();
            for (int k = 0; k < m.positions().length; k++) {
                positions.add(new int[] {row, m.positions()[k]});
                labels.add(m.labels()[k]);
            }
        }
        if (inputs.isEmpty()) {
            throw new dev.skillnet.core.UserInputException("no text yields a token to mask: every character is [UNK] or "
                    + "special (is the vocabulary built from this text?)");
        }
        return new MlmBatch(inputs, positions, labels.stream().mapToLong(Long::longValue).toArray(), tokens);
    }

    private PairBatch pairBatch(Random random) {
        List<Encoded> inputs = new ArrayList<>();
        long[] labels = new long[config.batchSize()];
        int tokens = 0;
        List<String[]> pairs = corpus.pairs();
        for (int i = 0; i < config.batchSize(); i++) {
            int index = random.nextInt(pairs.size());
            String[] p = pairs.get(index);
            boolean flip = random.nextBoolean();
            String a = p[0];
            String b = p[1];
            if (flip) {
                if (config.pairObjective() == PairObjective.SOP) {
                    a = p[1];
                    b = p[0];
                } else {
                    int other = random.nextInt(pairs.size());
                    if (other == index) {
                        other = (other + 1) % pairs.size();
                    }
                    b = pairs.get(other)[1];
                }
            }
            labels[i] = flip ? 1 : 0;
            Encoded e = tokenizer.encode(a, b, config.maxLength());
            inputs.add(e);
            tokens += e.length();
        }
        return new PairBatch(inputs, labels, tokens);
    }

    private static double check(double loss, int step, String objective) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(step, objective, "the loss (" + loss + ")");
        }
        return loss;
    }

    private static void warnIfSkipped(String skipped, int step) {
        if (skipped != null) {
            LOG.warn("step {}: update skipped, {}", step, skipped);
        }
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

}
