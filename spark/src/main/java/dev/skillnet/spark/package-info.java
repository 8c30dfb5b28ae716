/**
 * SkillNet-J on Apache Spark: predict a task over a dataset ({@link dev.skillnet.spark.SparkPredict})
 * or score a task's split ({@link dev.skillnet.spark.SparkEvaluate}), the model loaded once per
 * executor from a folder every executor can read; {@link dev.skillnet.spark.SparkJob} is what
 * {@code spark-submit} runs. Depends on the inference module only.
 */
package dev.skillnet.spark;
