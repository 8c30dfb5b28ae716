/**
 * The Java API: load a trained model folder once with {@link dev.skillnet.inference.SkillNet}, then
 * classify, tag and answer with any of its tasks through {@link
 * dev.skillnet.inference.MultitaskModel}, from many threads, and close it to free its native memory.
 *
 * <pre>{@code
 * try (MultitaskModel m = SkillNet.load(Path.of("runs/demo/best"))) {
 *     Classification c = m.classify("chnsenticorp", "酒店很干净，服务也好");
 *     List<Entity> e = m.tag("msra_ner", "李明在北京大学读书").entities();
 *     Answer a = m.answer("cmrc2018", question, passage);
 *     List<Classification> many = m.classifyAll("tnews", texts);   // batched
 * }
 * }</pre>
 *
 * <p>Nothing here reads a data folder or depends on training code.
 */
package dev.skillnet.inference;
