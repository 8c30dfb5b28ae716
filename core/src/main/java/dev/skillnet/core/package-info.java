/** Types shared by every SkillNet-J module: the user-error exception that the CLI turns into exit code 2. */
package dev.skillnet.core;
