/** A service's use of SkillNet-J through the inference module alone: {@link dev.skillnet.examples.Main}. */
package dev.skillnet.examples;
