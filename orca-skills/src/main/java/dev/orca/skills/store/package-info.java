/**
 * Learned skills on disk: names, file headers, versions and their records ({@code state.json}),
 * under {@code learned_skills/} ({@link dev.orca.skills.store.SkillStore}).
 */
package dev.orca.skills.store;
