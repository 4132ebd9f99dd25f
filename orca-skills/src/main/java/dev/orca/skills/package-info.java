/**
 * Learned skills: self-evolution (generate, test, review, gate, deploy, version and roll back
 * learned functions and sub-agents; {@link dev.orca.skills.SkillService} is the entry point),
 * sessions ({@code session}) and self-analysis ({@code analysis}).
 */
package dev.orca.skills;
