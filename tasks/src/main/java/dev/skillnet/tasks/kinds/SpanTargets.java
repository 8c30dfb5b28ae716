package dev.skillnet.tasks.kinds;

import dev.skillnet.data.tokenize.Encoded;

/** Finds an answer's token positions in one reading-comprehension window, as run_squad does. */
final class SpanTargets {

    private SpanTargets() {}

    /**
     * @param window a window from {@code encodeWindows}: context tokens have sequence id 1 and
     *     char offsets into the context
     * @param answerStart the answer's start in the context (Java char offset)
     * @param answerEnd the answer's end (exclusive)
     * @return {@code {start, end}} token positions — the last context token starting at or before
     *     {@code answerStart} and the first context token ending at or after {@code answerEnd} —
     *     when the window's context covers the whole answer; otherwise {@code {0, 0}} ([CLS])
     */
    static int[] locate(Encoded window, int answerStart, int answerEnd) {
        int first = -1;
        int last = -1;
        for (int t = 0; t < window.length(); t++) {
            if (window.isSecondSegment(t)) {
                first = first < 0 ? t : first;
                last = t;
            }
        }
        if (first < 0 || window.charStart()[first] > answerStart
                || window.charEnd()[last] < answerEnd) {
            return new int[] {0, 0};
        }
        int s = first;
        while (s + 1 <= last && window.charStart()[s + 1] <= answerStart) {
            s++;
        }
        int e = last;
        while (e - 1 >= first && window.charEnd()[e - 1] >= answerEnd) {
            e--;
        }
        return e >= s ? new int[] {s, e} : new int[] {0, 0};
    }
}
