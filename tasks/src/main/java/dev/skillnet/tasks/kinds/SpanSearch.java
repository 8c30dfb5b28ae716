package dev.skillnet.tasks.kinds;

import dev.skillnet.data.tokenize.Encoded;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the best answer span of one question over all its windows, as Hugging Face's run_squad
 * post-processing does: in each window, the {@link #N_BEST} context tokens with the highest start
 * logits and those with the highest end logits are paired; a pair {@code (s, e)} is legal when
 * {@code s <= e} and {@code e - s + 1 <= maxAnswerLength}; the legal pair with the largest {@code
 * start[s] + end[e]} over all windows wins; its probability is that of its start and its end under
 * the softmax of its window. Only context tokens (sequence id 1) are candidates, so
 * [CLS], the question and padding can never be chosen. When no top-n pair is legal anywhere, all
 * legal pairs are searched instead, so an answer is always given when the passage has tokens.
 */
final class SpanSearch {

    /** How many start and end candidates each window contributes. */
    static final int N_BEST = 20;

    /**
     * One window of a question with its head output.
     *
     * @param encoded the window
     * @param logits [T * 2] row-major over [T, 2]: start logit at {@code 2t}, end logit at {@code
     *     2t + 1}
     */
    record Window(Encoded encoded, float[] logits) {}

    private SpanSearch() {}

    /**
     * @param context the passage the windows' offsets point into
     * @param windows the question's windows
     * @param maxAnswerLength the longest answer in tokens
     * @return the best span's text, char offsets and score; an empty answer with score {@link
     *     Double#NEGATIVE_INFINITY} when no window has a context token
     */
    static SpanPrediction best(String context, List<Window> windows, int maxAnswerLength) {
        SpanPrediction best = search(context, windows, maxAnswerLength, N_BEST);
        if (best == null) {
            best = search(context, windows, maxAnswerLength, Integer.MAX_VALUE);
        }
        return best != null ? best : new SpanPrediction("", 0, 0, Double.NEGATIVE_INFINITY, 0.0);
    }

    private static SpanPrediction search(String context, List<Window> windows, int maxAnswerLength,
            int n) {
        SpanPrediction best = null;
        for (Window w : windows) {
            Encoded enc = w.encoded();
            List<Integer> starts = top(enc, w.logits(), 0, n);
            List<Integer> ends = top(enc, w.logits(), 1, n);
            for (int s : starts) {
                for (int e : ends) {
                    if (e < s || e - s + 1 > maxAnswerLength) {
                        continue;
                    }
                    double score = (double) w.logits()[2 * s] + w.logits()[2 * e + 1];
                    if (best == null || score > best.score()) {
                        int from = enc.charStart()[s];
                        int to = enc.charEnd()[e];
                        double logp = w.logits()[2 * s] - logSumExp(w.logits(), 0)
                                + w.logits()[2 * e + 1] - logSumExp(w.logits(), 1);
                        best = new SpanPrediction(context.substring(from, to), from, to, score, Math.exp(logp));
                    }
                }
            }
        }
        return best;
    }

    /** log sum exp of one channel's logits over all the window's tokens. */
    private static double logSumExp(float[] logits, int channel) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = channel; i < logits.length; i += 2) {
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = channel; i < logits.length; i += 2) {
            sum += Math.exp(logits[i] - max);
        }
        return max + Math.log(sum);
    }

    /** The context tokens with the n highest logits of a channel, best first. */
    private static List<Integer> top(Encoded enc, float[] logits, int channel, int n) {
        List<Integer> tokens = new ArrayList<>();
        for (int t = 0; t < enc.length(); t++) {
            if (enc.isSecondSegment(t)) {
                tokens.add(t);
            }
        }
        tokens.sort((a, b) -> Float.compare(logits[2 * b + channel], logits[2 * a + channel]));
        return tokens.size() > n ? tokens.subList(0, n) : tokens;
    }
}
