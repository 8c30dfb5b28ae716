/**
 * Evaluation metrics, pure Java, each a faithful port of the reference implementation that papers
 * report against.
 *
 * <ul>
 *   <li>Classification: {@link dev.skillnet.eval.metrics.Accuracy}, {@link
 *       dev.skillnet.eval.metrics.MacroF1} (sklearn {@code f1_score(average="macro")}), {@link
 *       dev.skillnet.eval.metrics.ClassReport} (per-class precision/recall/F1/support) and {@link
 *       dev.skillnet.eval.metrics.MajorityBaseline}.
 *   <li>Sequence labelling: {@link dev.skillnet.eval.metrics.EntityExtractor} (seqeval's default
 *       {@code get_entities}) and {@link dev.skillnet.eval.metrics.SeqevalMetric} (micro and
 *       per-type P/R/F1 as {@code seqeval.metrics} computes them).
 *   <li>Span extraction: {@link dev.skillnet.eval.metrics.CmrcMetric}, the official CMRC 2018 F1
 *       and EM, built on {@link dev.skillnet.eval.metrics.CmrcSegmenter}.
 * </ul>
 *
 * <p>Every metric can produce a {@link dev.skillnet.eval.metrics.Score}, whose values are in
 * percent, so reports print and serialise them uniformly. The lower-level results ({@link
 * dev.skillnet.eval.metrics.Prf}, {@link dev.skillnet.eval.metrics.MajorityBaseline}, the
 * per-question CMRC scores and the {@code compute} methods) are fractions in [0, 1], as the
 * reference libraries return them; {@link dev.skillnet.eval.metrics.CmrcResult} is in percent, as
 * the official CMRC script reports it. Bad input (mismatched lengths, empty input, malformed tags) raises {@link
 * java.lang.IllegalArgumentException} with a message saying what is wrong.
 */
package dev.skillnet.eval.metrics;
