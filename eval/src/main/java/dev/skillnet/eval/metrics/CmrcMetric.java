package dev.skillnet.eval.metrics;

import java.util.List;
import java.util.Objects;

/**
 * The CMRC 2018 span-extraction metrics exactly as the official {@code cmrc2018_evaluate.py}
 * computes them.
 *
 * <ul>
 *   <li>F1: both strings are segmented with {@link CmrcSegmenter#segment(String, boolean)} with
 *       punctuation removed; the overlap is the longest common <em>contiguous</em> run of segments;
 *       precision = overlap / prediction segments, recall = overlap / answer segments; no overlap
 *       gives 0. The best over the gold answers counts.
 *   <li>EM: 1 when {@link CmrcSegmenter#removePunctuation(String)} of the prediction equals that
 *       of some gold answer, else 0.
 * </ul>
 *
 * Both are averaged over all questions, unanswered ones scoring 0, and reported in percent.
 */
public final class CmrcMetric {

    private CmrcMetric() {}

    /**
     * The script's {@code calc_f1_score} for one question.
     *
     * @param answers the gold answers, at least one
     * @param prediction the predicted answer (may be empty)
     * @return the best F1 over the answers, as a fraction in [0, 1]
     * @throws IllegalArgumentException if there is no answer or a text is {@code null}
     */
    public static double f1(List<String> answers, String prediction) {
        checkAnswers(answers);
        List<String> predSegs = CmrcSegmenter.segment(checkPrediction(prediction), true);
        double best = 0.0;
        for (String answer : answers) {
            List<String> ansSegs = CmrcSegmenter.segment(answer, true);
            int lcs = longestCommonRun(ansSegs, predSegs);
            if (lcs == 0) {
                continue;
            }
            double precision = (double) lcs / predSegs.size();
            double recall = (double) lcs / ansSegs.size();
            best = Math.max(best, 2 * precision * recall / (precision + recall));
        }
        return best;
    }

    /**
     * The script's {@code calc_em_score} for one question.
     *
     * @param answers the gold answers, at least one
     * @param prediction the predicted answer (may be empty)
     * @return whether the prediction matches some answer after punctuation removal
     * @throws IllegalArgumentException if there is no answer or a text is {@code null}
     */
    public static boolean exactMatch(List<String> answers, String prediction) {
        checkAnswers(answers);
        String pred = CmrcSegmenter.removePunctuation(checkPrediction(prediction));
        for (String answer : answers) {
            if (CmrcSegmenter.removePunctuation(answer).equals(pred)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The script's {@code evaluate}: F1 and EM averaged over all questions, in percent.
     *
     * @param answers the gold answers of each question
     * @param predictions the prediction for each question, {@code null} for an unanswered
     *     question (counted in the total and scored 0, like a question id missing from the
     *     script's prediction file)
     * @return F1, EM, total and skipped counts
     * @throws IllegalArgumentException if there are no questions, the list sizes differ, or a
     *     question has no gold answer
     */
    public static CmrcResult evaluate(List<List<String>> answers, List<String> predictions) {
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(predictions, "predictions");
        if (answers.size() != predictions.size()) {
            throw new IllegalArgumentException(
                    "answers and predictions differ in length: " + answers.size()
                            + " questions vs " + predictions.size() + " predictions");
        }
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("no questions to evaluate");
        }
        double f1Sum = 0.0;
        int emSum = 0;
        int skipped = 0;
        for (int q = 0; q < answers.size(); q++) {
            String prediction = predictions.get(q);
            List<String> gold = answers.get(q);
            try {
                checkAnswers(gold);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("question " + q + ": " + e.getMessage(), e);
            }
            if (prediction == null) {
                skipped++;
                continue;
            }
            f1Sum += f1(gold, prediction);
            emSum += exactMatch(gold, prediction) ? 1 : 0;
        }
        int total = answers.size();
        return new CmrcResult(100.0 * f1Sum / total, 100.0 * emSum / total, total, skipped);
    }

    /** The script's {@code find_lcs}: length of the longest common contiguous run of segments. */
    static int longestCommonRun(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        int max = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                cur[j + 1] = a.get(i).equals(b.get(j)) ? prev[j] + 1 : 0;
                max = Math.max(max, cur[j + 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return max;
    }

    private static void checkAnswers(List<String> answers) {
        Objects.requireNonNull(answers, "answers");
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("a question needs at least one gold answer");
        }
        for (String a : answers) {
            if (a == null) {
                throw new IllegalArgumentException("gold answer is null");
            }
        }
    }

    private static String checkPrediction(String prediction) {
        if (prediction == null) {
            throw new IllegalArgumentException("prediction is null");
        }
        return prediction;
    }
}
