/**
 * Task declarations: one JSON file per task naming its type, the skills it activates, its data
 * and its labels. {@link dev.skillnet.tasks.declare.TaskDeclarations} reads and checks them,
 * extending the skill table with any skills a task introduces; {@link
 * dev.skillnet.tasks.declare.TaskSkillMatrix} prints which task uses which skill.
 */
package dev.skillnet.tasks.declare;
