/**
 * Skills: the named sub-networks in every encoder layer's feed-forward block. A {@link
 * dev.skillnet.skills.SkillTable} fixes their names and order; the seven defaults are bundled in
 * {@code skills.json}, and users may load their own table or extend it with new skills.
 */
package dev.skillnet.skills;
